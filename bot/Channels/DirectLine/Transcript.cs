using System.Globalization;
using System.Text;
using Marten;

namespace Assistant.Bot.Channels.DirectLine;

/// <summary>
/// Reading a conversation's transcript after a watermark, a page at a time, and writing it as Direct Line's
/// ActivitySet. A page holds at most <see cref="Page"/> activities and about <see cref="PageBytes"/> of them, so no
/// client can make the host hold a large transcript in memory for one answer.
/// </summary>
public static class Transcript
{
    public const int Page = 200;
    public const int PageBytes = 1024 * 1024;

    /// <summary>No stored activity is larger than this (a post is limited to 256 KB, a bot reply is far smaller).</summary>
    private const int LargestEntry = 320 * 1024;

    /// <summary>The next page after the watermark: activities while they fit in <see cref="PageBytes"/>, at least one.</summary>
    public static Task<IReadOnlyList<TranscriptActivity>> After(IQuerySession session, string conversationId, long watermark, CancellationToken cancellation)
    {
        var table = $"{session.DocumentStore.Options.DatabaseSchemaName}.mt_doc_transcriptactivity";
        return session.QueryAsync<TranscriptActivity>(
            $"""
            select data from {table}
            where conversation_id = ? and seq > ? and seq <= (
              select coalesce(max(seq) filter (where running <= {PageBytes}), min(seq))
              from (select seq, sum(octet_length(data ->> 'Json')) over (order by seq) as running
                    from {table} where conversation_id = ? and seq > ? order by seq limit {Page}) as page)
            order by seq
            """,
            cancellation,
            conversationId,
            watermark,
            conversationId,
            watermark);
    }

    /// <summary>Whether a page may have been cut short, so that more may follow it.</summary>
    public static bool MayContinue(IReadOnlyList<TranscriptActivity> page) =>
        page.Count >= Page || page.Sum(e => (long)Encoding.UTF8.GetByteCount(e.Json)) + LargestEntry > PageBytes;

    /// <summary>{"activities":[…],"watermark":"7"}: the stored JSON as it is, file links signed for this client.</summary>
    public static async Task<string> ActivitySet(IReadOnlyList<TranscriptActivity> entries, long watermark, FileLinks links, string baseUrl, CancellationToken cancellation)
    {
        var json = new StringBuilder("{\"activities\":[");
        for (var i = 0; i < entries.Count; i++)
        {
            json.Append(i > 0 ? "," : "").Append(entries[i].HasFiles ? await links.Sign(entries[i], baseUrl, cancellation) : entries[i].Json);
        }

        var last = entries.Count > 0 ? entries[^1].Seq : watermark;
        json.Append(CultureInfo.InvariantCulture, $"],\"watermark\":\"{last}\"}}");
        return json.ToString();
    }

    /// <summary>The same, written to a response as it is made.</summary>
    public static async Task Write(Stream output, IReadOnlyList<TranscriptActivity> entries, long watermark, FileLinks links, string baseUrl, CancellationToken cancellation)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync("{\"activities\":[");
        for (var i = 0; i < entries.Count; i++)
        {
            await writer.WriteAsync(i > 0 ? "," : "");
            await writer.WriteAsync(entries[i].HasFiles ? await links.Sign(entries[i], baseUrl, cancellation) : entries[i].Json);
        }

        var last = entries.Count > 0 ? entries[^1].Seq : watermark;
        await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"],\"watermark\":\"{last}\"}}"));
        await writer.FlushAsync(cancellation);
    }
}
