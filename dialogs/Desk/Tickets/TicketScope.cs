using System.Linq.Expressions;
using Marten.Linq.MatchesSql;
using Assistant.Dialogs.Desk.Departments;

namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>
/// Which tickets a person sees: staff and heads those their department leads or co-handles; dispatchers and leaders
/// all; an administrator who has no other role none (managing people needs no enterprise's request). The same rule
/// filters every list and guards every single ticket.
/// </summary>
public static class TicketScope
{
    public static bool SeesAll(StaffMember staff) => staff.Has(StaffRole.Dispatcher) || staff.Has(StaffRole.Leader);

    private static bool SeesDepartment(StaffMember staff) => staff.Has(StaffRole.Staff) || staff.Has(StaffRole.DepartmentHead);

    public static IQueryable<Ticket> Visible(this IQueryable<Ticket> tickets, StaffMember staff) => tickets.Where(Filter(staff));

    /// <summary>The scope as a query condition, for lists and batched counts alike.</summary>
    public static Expression<Func<Ticket, bool>> Filter(StaffMember staff)
    {
        if (SeesAll(staff))
        {
            return t => true;
        }

        if (!SeesDepartment(staff))
        {
            return t => t.Id == Guid.Empty;
        }

        var department = staff.DepartmentId;
        return t => t.LeadDepartmentId == department || t.MatchesSql(CoHandledBy, department);
    }

    /// <summary>
    /// The scope in disjoint parts whose counts add up: for a department, the tickets it leads (counted from the
    /// department index alone) and those it only co-handles (few). One count over the OR would read every ticket.
    /// </summary>
    public static IReadOnlyList<Expression<Func<Ticket, bool>>> CountingParts(StaffMember staff)
    {
        if (SeesAll(staff) || !SeesDepartment(staff))
        {
            return [Filter(staff)];
        }

        var department = staff.DepartmentId;
        return [t => t.LeadDepartmentId == department, t => t.MatchesSql("(" + CoHandledBy + " and d.lead_department_id is distinct from ?)", department, department)];
    }

    private const string CoHandledBy = "d.co_handling_department_ids @> array[?]::varchar[]";

    public static bool Sees(StaffMember staff, Ticket ticket) =>
        SeesAll(staff) || SeesDepartment(staff) && (ticket.LeadDepartmentId == staff.DepartmentId || ticket.CoHandlingDepartmentIds.Contains(staff.DepartmentId));
}
