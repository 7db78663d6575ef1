using Marten;
using Marten.Linq.MatchesSql;
using System.Text;

namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>
/// Finding tickets by the words in them, in Chinese. PostgreSQL's word and trigram indexes split text at spaces and
/// letters, which Chinese has neither of, so a ticket keeps every single character and every pair of neighbouring
/// characters of its request and, marked apart, of its enterprise's name (as CJK search engines index bigrams) in an
/// indexed column. A search looks up the pairs of what was typed in that GIN index, then checks the exact phrase on
/// the few rows left; for one character or one pair the index answer is already exact.
/// </summary>
public static class TicketSearch
{
    /// <summary>Tickets whose request or enterprise name contains the text (ASCII letters in any case).</summary>
    public static IQueryable<Ticket> Containing(this IQueryable<Ticket> tickets, string text)
    {
        var grams = Sought(text);
        var named = Named(grams);
        return Exact(text)
            ? tickets.Where(t => t.MatchesSql("(d.search_grams @> ?::varchar[] or d.search_grams @> ?::varchar[])", grams, named))
            : tickets.Where(t => t.MatchesSql(
                "((d.search_grams @> ?::varchar[] and d.data ->> 'Text' ilike ?) or (d.search_grams @> ?::varchar[] and d.data -> 'Enterprise' ->> 'Name' ilike ?))",
                grams, Like(text), named, Like(text)));
    }

    /// <summary>Tickets whose enterprise name contains the text.</summary>
    public static IQueryable<Ticket> OfEnterpriseNamed(this IQueryable<Ticket> tickets, string name)
    {
        var named = Named(Sought(name));
        return Exact(name)
            ? tickets.Where(t => t.MatchesSql("d.search_grams @> ?::varchar[]", (object)named))
            : tickets.Where(t => t.MatchesSql("(d.search_grams @> ?::varchar[] and d.data -> 'Enterprise' ->> 'Name' ilike ?)", named, Like(name)));
    }

    /// <summary>
    /// What a ticket is found by: the grams of its request, and those of its enterprise's name marked as such (a gram
    /// is at most two characters, so a marked one never equals a plain one).
    /// </summary>
    public static string[] Of(Ticket ticket) => [.. Grams(ticket.Text).Union(Named(Grams(ticket.Enterprise.Name)), StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string[] Named(string[] grams) => [.. grams.Select(g => NameMark + g)];

    private const string NameMark = "名:";

    /// <summary>The characters and pairs of the text: ASCII letters in lower case, nothing with white space.</summary>
    public static string[] Grams(string text)
    {
        var runes = text.EnumerateRunes().Select(r => r.Value is >= 'A' and <= 'Z' ? new Rune(r.Value + 32) : r).ToArray();
        var grams = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < runes.Length; i++)
        {
            if (Rune.IsWhiteSpace(runes[i]))
            {
                continue;
            }

            grams.Add(runes[i].ToString());
            if (i + 1 < runes.Length && !Rune.IsWhiteSpace(runes[i + 1]))
            {
                grams.Add(runes[i].ToString() + runes[i + 1]);
            }
        }

        return [.. grams];
    }

    /// <summary>
    /// Tickets stored before the column existed get it, a thousand at a time; idempotent, it touches only rows without.
    /// </summary>
    public static async Task FillMissing(IDocumentStore store, CancellationToken cancellation)
    {
        var schema = store.Options.DatabaseSchemaName;
        while (true)
        {
            await using var session = store.LightweightSession();
            var missing = await session.Query<Ticket>().Where(t => t.MatchesSql("d.search_grams is null")).Take(1000).ToListAsync(cancellation);
            if (missing.Count == 0)
            {
                return;
            }

            foreach (var ticket in missing)
            {
                session.QueueSqlCommand($"update {schema}.mt_doc_ticket set search_grams = ?::varchar[] where id = ?", Of(ticket), ticket.Id);
            }

            await session.SaveChangesAsync(cancellation);
        }
    }

    /// <summary>
    /// The grams a search looks up: its pairs, and a single character only where it stands alone. The pairs imply
    /// their characters, and a character such as 用 is in half of all tickets, costly to intersect.
    /// </summary>
    public static string[] Sought(string text)
    {
        var grams = Grams(text);
        var pairs = grams.Where(g => g.EnumerateRunes().Count() == 2).ToList();
        return [.. grams.Where(g => g.EnumerateRunes().Count() == 2 || !pairs.Any(p => p.Contains(g, StringComparison.Ordinal)))];
    }

    /// <summary>One character or a pair without spaces: its gram is the text itself, so the index answers exactly.</summary>
    private static bool Exact(string text) => text.EnumerateRunes().Count() <= 2 && !text.Any(char.IsWhiteSpace);

    private static string Like(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
