using Marten;

namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>
/// The tickets a card is due for now, read through three indexed columns of the ticket view and never by scanning
/// the tickets: a running deadline without any card that is at most one working day away (a 黄牌 comes at the latest
/// then; <see cref="WarnTicket"/> decides the exact instant), one without a 红牌 that has passed, and one without a
/// 督办 that has been passed by Desk:SuperviseAfterOverdueWorkingDays. The candidates' ids come from a bitmap of the
/// three partial indexes, unordered: with an ORDER BY and a LIMIT the planner would walk the primary key past every
/// closed ticket instead (5.5 s at 1,000,000 tickets); the documents of those with a card due are then read by id, a
/// page at a time.
/// </summary>
public static class DeadlineQueue
{
    public const int PageSize = 500;

    /// <summary>
    /// The ids of the tickets with a card due now. The index finds those whose next 黄牌 is at most a working day away
    /// (it comes half-way through a stage shorter than two working days, which the calendar decides); for these, the
    /// dispatch instant read with the id tells exactly whether it has come, so their documents are not read before.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> Candidates(IQuerySession session, DeskRules rules, DateTimeOffset now, CancellationToken cancellation)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var supervised = SupervisedBy(rules, now) ?? DateTimeOffset.MinValue;
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        // Per row: the dispatch instant, and the deadline whose 黄牌 is next (null: a 红牌 or 督办 is due anyway).
        await using var command = new Npgsql.NpgsqlCommand(
            $"""
            select id, (data ->> 'DispatchedAt')::timestamptz,
              case when unred_due <= @now or unsupervised_due <= @supervised then null else uncarded_due end
            from {schema}.mt_doc_ticket where uncarded_due <= @yellow or unred_due <= @now or unsupervised_due <= @supervised
            """,
            connection)
        {
            Parameters =
            {
                new("now", now),
                new("supervised", supervised),
                new("yellow", rules.Calendar.AddWorkingMinutes(now, rules.Calendar.MinutesPerDay)),
            },
        };
        var due = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            if (reader.IsDBNull(2) || reader.IsDBNull(1)
                || WarnTicket.YellowFrom(rules, reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2)) <= now)
            {
                due.Add(reader.GetGuid(0));
            }
        }

        return due;
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
