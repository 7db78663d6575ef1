using System.Globalization;
using System.Text;
using Marten;

namespace Assistant.Bot.Channels.DirectLine;

/// <summary>Reading a conversation's transcript after a watermark, and writing it as Direct Line's ActivitySet.</summary>
public static class Transcript
{
    public const int Page = 200;

    public static Task<IReadOnlyList<TranscriptActivity>> After(IQuerySession session, string conversationId, long watermark, CancellationToken cancellation) =>
        session.QueryAsync<TranscriptActivity>(
            $"where conversation_id = ? and seq > ? order by seq limit {Page}", cancellation, conversationId, watermark);

    /// <summary>{"activities":[…],"watermark":"7"} from the stored JSON, without parsing it again.</summary>
    public static string ActivitySet(IReadOnlyList<TranscriptActivity> entries, long watermark)
    {
        var json = new StringBuilder("{\"activities\":[");
        json.AppendJoin(',', entries.Select(e => e.Json));
        var last = entries.Count > 0 ? entries[^1].Seq : watermark;
        json.Append(CultureInfo.InvariantCulture, $"],\"watermark\":\"{last}\"}}");
        return json.ToString();
    }
}
