using Assistant.Dialogs.Desk.Departments;

namespace Assistant.Dialogs.Desk.Tickets;

public enum ActorRole
{
    Enterprise,
    Staff,
    DepartmentHead,
    Dispatcher,
    Leader,
    Administrator,
    System,
}

/// <summary>Who did something to a ticket; recorded on every event for the audit trail.</summary>
public sealed record Actor(string Id, string Name, ActorRole Role, string? DepartmentId = null)
{
    public static Actor System { get; } = new("system", "系统", ActorRole.System);

    public static Actor Enterprise(string userId, string name) => new(userId, name, ActorRole.Enterprise);

    /// <summary>The actor a staff member is when acting in the given role.</summary>
    public static Actor Of(StaffMember staff, StaffRole role) => new(staff.Id, staff.Name, role switch
    {
        StaffRole.DepartmentHead => ActorRole.DepartmentHead,
        StaffRole.Dispatcher => ActorRole.Dispatcher,
        StaffRole.Leader => ActorRole.Leader,
        StaffRole.Administrator => ActorRole.Administrator,
        _ => ActorRole.Staff,
    }, staff.DepartmentId);

    public bool IsDepartmentMember => Role is ActorRole.Staff or ActorRole.DepartmentHead;
}
