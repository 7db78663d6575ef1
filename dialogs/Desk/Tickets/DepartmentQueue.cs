using Marten;

namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>The queues staff and dispatchers work from, most urgent first.</summary>
public static class DepartmentQueue
{
    /// <summary>Tickets a department holds (not those it returned), ordered by the resolve deadline.</summary>
    public static Task<IReadOnlyList<Ticket>> Open(IQuerySession session, string departmentId, CancellationToken cancellation) =>
        session.Query<Ticket>()
            .Where(t => t.LeadDepartmentId == departmentId && t.Status.In(TicketStatusText.InDepartmentHands))
            .OrderBy(t => t.ResolveDue)
            .ToListAsync(cancellation);

    /// <summary>Tickets nobody has signed for yet, the nearest sign-for deadline first.</summary>
    public static Task<IReadOnlyList<Ticket>> AwaitingSignFor(IQuerySession session, string departmentId, CancellationToken cancellation) =>
        session.Query<Ticket>()
            .Where(t => t.LeadDepartmentId == departmentId && t.Status == TicketStatus.Routed)
            .OrderBy(t => t.SignForDue)
            .ToListAsync(cancellation);

    /// <summary>The dispatcher's triage list: returned tickets and tickets not dispatched.</summary>
    public static Task<IReadOnlyList<Ticket>> ForDispatch(IQuerySession session, CancellationToken cancellation) =>
        session.Query<Ticket>()
            .Where(t => t.Status == TicketStatus.Returned || t.Status == TicketStatus.Submitted)
            .OrderBy(t => t.LastChangedAt)
            .ToListAsync(cancellation);

    /// <summary>Tickets in a department's hands whose resolve deadline has passed.</summary>
    public static Task<IReadOnlyList<Ticket>> Overdue(IQuerySession session, DateTimeOffset now, CancellationToken cancellation)
    {
        var utc = now.ToUniversalTime();
        return session.Query<Ticket>()
            .Where(t => t.Status.In(TicketStatusText.InDepartmentHands) && t.ResolveDue < utc)
            .OrderBy(t => t.ResolveDue)
            .ToListAsync(cancellation);
    }
}
