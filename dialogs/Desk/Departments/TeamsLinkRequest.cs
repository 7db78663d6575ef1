namespace Assistant.Dialogs.Desk.Departments;

/// <summary>
/// A Teams user asking to work as a staff member in Teams ("绑定 wangfang" in their chat with the assistant): kept
/// until an administrator links their Entra object id to the staff record (人员管理) or declines. One per Teams user.
/// </summary>
/// <param name="Id">The user's Entra object id (aadObjectId).</param>
/// <param name="Login">The console account they named.</param>
public sealed record TeamsLinkRequest(string Id, string Login, string DisplayName, string? TenantId, DateTimeOffset RequestedAt);
