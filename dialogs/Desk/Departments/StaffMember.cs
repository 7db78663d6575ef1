namespace Assistant.Dialogs.Desk.Departments;

public enum StaffRole
{
    Staff,
    DepartmentHead,
    Dispatcher,
    Leader,
    Administrator,
}

/// <summary>A person who works on tickets: department staff, heads, dispatchers, leaders, administrators.</summary>
public sealed record StaffMember(
    string Id,
    string Name,
    string DepartmentId,
    IReadOnlyList<StaffRole> Roles,
    string? Phone = null,
    string? TeamsUserId = null,
    bool Active = true)
{
    public bool Has(StaffRole role) => Roles.Contains(role);
}
