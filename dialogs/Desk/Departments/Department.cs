namespace Assistant.Dialogs.Desk.Departments;

public enum DepartmentKind
{
    /// <summary>A bureau that handles requests (自然资源和规划局 …).</summary>
    Department,

    /// <summary>The service centre whose dispatchers triage and re-dispatch (营商环境服务中心).</summary>
    ServiceCenter,
}

/// <summary>A government department, stored as a Marten document and seeded from appsettings.json.</summary>
/// <param name="TeamsChannelId">
/// The department's Teams channel (19:…@thread.tacv2): its new tickets are posted there as one card the whole team
/// sees and signs for, instead of a card in each staff member's personal chat. Warnings still go to people.
/// </param>
public sealed record Department(string Id, string Name, DepartmentKind Kind, bool Active = true, string? EnglishName = null, string? TeamsChannelId = null);
