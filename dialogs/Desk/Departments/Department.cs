namespace Assistant.Dialogs.Desk.Departments;

public enum DepartmentKind
{
    /// <summary>A bureau that handles requests (自然资源和规划局 …).</summary>
    Department,

    /// <summary>The service centre whose dispatchers triage and re-dispatch (营商环境服务中心).</summary>
    ServiceCenter,
}

/// <summary>A government department, stored as a Marten document and seeded from appsettings.json.</summary>
public sealed record Department(string Id, string Name, DepartmentKind Kind, bool Active = true, string? EnglishName = null);
