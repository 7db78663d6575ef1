using Marten;

namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>
/// The tickets a card is due for now, read through three indexed columns of the ticket view and never by scanning
/// the tickets: a running deadline without any card that is at most one working day away (a 黄牌 comes at the latest
/// then; <see cref="WarnTicket"/> decides the exact instant), one without a 红牌 that has passed, and one without a
/// 督办 that has been passed by Desk:SuperviseAfterOverdueWorkingDays.
/// </summary>
public static class DeadlineQueue
{
    public const int PageSize = 500;

    /// <summary>One page of tickets with a card due now, in id order after <paramref name="after"/>, and the id to go on from.</summary>
    public static async Task<(IReadOnlyList<Ticket> Due, Guid? Next)> Page(
        IQuerySession session, DeskRules rules, DateTimeOffset now, Guid? after, CancellationToken cancellation)
    {
        var yellowBy = rules.Calendar.AddWorkingMinutes(now, rules.Calendar.MinutesPerDay);
        var supervisedBy = SupervisedBy(rules, now);
        var page = await session.QueryAsync<Ticket>(
            "where (d.uncarded_due <= ? or d.unred_due <= ? or d.unsupervised_due <= ?) and d.id > ? order by d.id limit ?",
            cancellation,
            yellowBy, now, supervisedBy ?? DateTimeOffset.MinValue, after ?? Guid.Empty, PageSize);
        var due = page.Where(t => WarnTicket.DueWarnings(t, rules, now).Any()).ToList();
        return (due, page.Count == PageSize ? page[^1].Id : null);
    }

    /// <summary>The latest deadline that has been passed long enough for the automatic 督办 by now.</summary>
    private static DateTimeOffset? SupervisedBy(DeskRules rules, DateTimeOffset now) =>
        rules.Options.SuperviseAfterOverdueWorkingDays is > 0 and var days
            ? rules.Calendar.SubtractWorkingMinutes(now, days * rules.Calendar.MinutesPerDay)
            : null;
}
