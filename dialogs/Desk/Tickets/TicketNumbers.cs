using System.Globalization;
using System.Security.Cryptography;
using Marten;

namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>
/// Ticket numbers such as YQ2026-000123 come from one PostgreSQL sequence: unique across host instances, never
/// reused, and gap-tolerant (a rolled-back submission leaves a gap). The 查询码 is random and unguessable.
/// </summary>
public static partial class TicketNumbers
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

    /// <summary>A block of numbers in one round trip, for filing many tickets at once (imports, demo data).</summary>
    public static async Task<IReadOnlyList<long>> Next(IDocumentSession session, int count, CancellationToken cancellation)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        return await session.AdvancedSql.QueryAsync<long>($"select nextval('{schema}.{SequenceName}') from generate_series(1, {count})", cancellation);
    }

    public static string Format(DeskRules rules, DateTimeOffset submittedAt, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{rules.Options.TicketNumberPrefix}{rules.Calendar.LocalDay(submittedAt).Year}-{sequence:000000}");

    /// <summary>Text shaped like a ticket number (YQ2026-000123, any case): a search for it looks the number up.</summary>
    public static bool Looks(string text) => NumberShape().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z]{1,4}[0-9]{4}-[0-9]{6,}$")]
    private static partial System.Text.RegularExpressions.Regex NumberShape();

    public static string NewQueryCode() => RandomNumberGenerator.GetString(QueryCodeAlphabet, 6);
}
