using Marten;

namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>The queues staff and dispatchers work from, most urgent first.</summary>
public static class DepartmentQueue
{
    /// <summary>Open tickets a department leads, ordered by the resolve deadline.</summary>
    public static Task<IReadOnlyList<Ticket>> Open(IQuerySession session, string departmentId, CancellationToken cancellation) =>
        session.Query<Ticket>()
            .Where(t => t.LeadDepartmentId == departmentId && t.Status.In(TicketStatusText.Open.ToArray()))
            .OrderBy(t => t.ResolveDue)
            .ToListAsync(cancellation);

    /// <summary>Tickets nobody has signed for yet whose sign-for deadline falls before the given instant.</summary>
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

    /// <summary>Open tickets whose resolve deadline has passed.</summary>
    public static Task<IReadOnlyList<Ticket>> Overdue(IQuerySession session, DateTimeOffset now, CancellationToken cancellation) =>
        session.Query<Ticket>()
            .Where(t => t.Status.In(TicketStatusText.Open.ToArray()) && t.ResolveDue < now)
            .OrderBy(t => t.ResolveDue)
            .ToListAsync(cancellation);
}
