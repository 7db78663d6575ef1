using Marten;

namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>
/// The tickets a card is due for now, read through three indexed columns of the ticket view and never by scanning
/// the tickets: a running deadline without any card that is at most one working day away (a 黄牌 comes at the latest
/// then; <see cref="WarnTicket"/> decides the exact instant), one without a 红牌 that has passed, and one without a
/// 督办 that has been passed by Desk:SuperviseAfterOverdueWorkingDays. The candidates' ids come from a bitmap of the
/// three partial indexes, unordered: with an ORDER BY and a LIMIT the planner would walk the primary key past every
/// closed ticket instead (5.5 s at 1,000,000 tickets); the documents are then read by id, a page at a time.
/// </summary>
public static class DeadlineQueue
{
    public const int PageSize = 500;

    /// <summary>The ids of the tickets that may have a card due now (a superset: <see cref="Due"/> tells which have).</summary>
    public static async Task<IReadOnlyList<Guid>> Candidates(IQuerySession session, DeskRules rules, DateTimeOffset now, CancellationToken cancellation)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        return await session.AdvancedSql.QueryAsync<Guid>(
            $"select id from {schema}.mt_doc_ticket where uncarded_due <= ? or unred_due <= ? or unsupervised_due <= ?",
            cancellation,
            rules.Calendar.AddWorkingMinutes(now, rules.Calendar.MinutesPerDay), now, SupervisedBy(rules, now) ?? DateTimeOffset.MinValue);
    }

    /// <summary>Of the given candidates, those with a card due now.</summary>
    public static async Task<IReadOnlyList<Ticket>> Due(IQuerySession session, IReadOnlyList<Guid> candidates, DeskRules rules, DateTimeOffset now, CancellationToken cancellation)
    {
        var tickets = await session.LoadManyAsync<Ticket>(cancellation, candidates);
        return tickets.Where(t => WarnTicket.DueWarnings(t, rules, now).Any()).ToList();
    }

    /// <summary>The latest deadline that has been passed long enough for the automatic 督办 by now.</summary>
    private static DateTimeOffset? SupervisedBy(DeskRules rules, DateTimeOffset now) =>
        rules.Options.SuperviseAfterOverdueWorkingDays is > 0 and var days
            ? rules.Calendar.SubtractWorkingMinutes(now, days * rules.Calendar.MinutesPerDay)
            : null;
}
