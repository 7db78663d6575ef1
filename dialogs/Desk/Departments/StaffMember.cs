namespace Assistant.Dialogs.Desk.Departments;

public enum StaffRole
{
    /// <summary>经办人: signs for, handles and resolves the department's tickets.</summary>
    Staff,

    /// <summary>部门负责人: also approves the department's extensions and assigns its tickets.</summary>
    DepartmentHead,

    /// <summary>调度员 of the service centre: triages, re-dispatches, approves extensions, sees all tickets.</summary>
    Dispatcher,

    /// <summary>领导: sees all tickets; may only add 督办.</summary>
    Leader,

    /// <summary>Manages people, departments and routing.</summary>
    Administrator,
}

/// <summary>
/// A person who works on tickets: department staff, heads, dispatchers, leaders, administrators. Signing in is by a
/// local account (<see cref="Login"/>) or by single sign-on, matched on <see cref="Email"/> or <see cref="OidcSubject"/>.
/// </summary>
/// <param name="TeamsUserId">The person's Entra object id (aadObjectId) in Teams.</param>
public sealed record StaffMember(
    string Id,
    string Name,
    string DepartmentId,
    IReadOnlyList<StaffRole> Roles,
    string? Phone = null,
    string? TeamsUserId = null,
    bool Active = true,
    string? Email = null,
    string? Login = null,
    string? OidcSubject = null)
{
    public bool Has(StaffRole role) => Roles.Contains(role);

    /// <summary>The role a staff member acts in on a ticket: the most senior one that acts on tickets.</summary>
    public StaffRole ActingRole =>
        Has(StaffRole.Dispatcher) ? StaffRole.Dispatcher
        : Has(StaffRole.DepartmentHead) ? StaffRole.DepartmentHead
        : Has(StaffRole.Staff) ? StaffRole.Staff
        : Has(StaffRole.Leader) ? StaffRole.Leader
        : StaffRole.Administrator;

    public static string RoleName(StaffRole role) => role switch
    {
        StaffRole.Staff => "经办人",
        StaffRole.DepartmentHead => "部门负责人",
        StaffRole.Dispatcher => "调度员",
        StaffRole.Leader => "领导",
        _ => "系统管理员",
    };
}
