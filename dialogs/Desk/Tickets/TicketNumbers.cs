using System.Globalization;
using System.Security.Cryptography;
using Marten;

namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>
/// Ticket numbers such as YQ2026-000123 come from one PostgreSQL sequence: unique across host instances, never
/// reused, and gap-tolerant (a rolled-back submission leaves a gap). The 查询码 is random and unguessable.
/// </summary>
public static class TicketNumbers
{
    public const string SequenceName = "yq_ticket_number";

    // No 0/O, 1/I/L: the code is read out on the phone and typed by hand.
    private const string QueryCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static async Task<long> Next(IDocumentSession session, CancellationToken cancellation)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var values = await session.AdvancedSql.QueryAsync<long>($"select nextval('{schema}.{SequenceName}')", cancellation);
        return values[0];
    }

    public static string Format(DeskRules rules, DateTimeOffset submittedAt, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{rules.Options.TicketNumberPrefix}{rules.Calendar.LocalDay(submittedAt).Year}-{sequence:000000}");

    public static string NewQueryCode() => RandomNumberGenerator.GetString(QueryCodeAlphabet, 6);
}
