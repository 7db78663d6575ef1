using System.Globalization;
using System.Text.Json;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Turns;
using Marten;

namespace Assistant.Bot.Channels.DirectLine;

/// <summary>
/// Direct Line's side of a turn: numbers the user's activity and the bot's replies in the conversation's transcript
/// (ids "{conversation}|0000007", strictly increasing timestamps), writes them in the turn's commit, and wakes the
/// WebSockets listening to the conversation, here and on other hosts (pg_notify is sent on commit).
/// </summary>
public sealed class DirectLineTransport(string conversationId, SocketHub hub, TimeProvider clock) : ITurnTransport
{
    public const string Channel = "yq_directline";

    private DirectLineConversation _conversation = new() { Id = conversationId };
    private Activity? _echo;

    /// <summary>The id the user's activity got (or already had, when the post was a retry).</summary>
    public string? EchoId { get; private set; }

    public async Task<Activity?> Receive(IDocumentSession session, Activity inbound, CancellationToken cancellation)
    {
        _conversation = await session.LoadAsync<DirectLineConversation>(conversationId, cancellation)
            ?? throw new InvalidOperationException($"Direct Line conversation {conversationId} is not stored.");
        _echo = null;
        if (inbound.Type == ActivityTypes.ConversationUpdate)
        {
            return inbound;
        }

        if (ClientActivityId(inbound) is { } clientId)
        {
            var earlier = await session.Query<TranscriptActivity>()
                .FirstOrDefaultAsync(t => t.ConversationId == _conversation.Id && t.ClientActivityId == clientId, cancellation);
            if (earlier is not null)
            {
                EchoId = earlier.Id;
                return null;
            }
        }

        _echo = Number(inbound);
        EchoId = _echo.Id;
        return _echo;
    }

    public IReadOnlyList<Activity> Stage(IDocumentSession session, Activity inbound, IReadOnlyList<OutboundActivity> outbound)
    {
        var staged = new List<Activity>();
        if (_echo is not null)
        {
            session.Store(Entry(_echo, ClientActivityId(_echo)));
            staged.Add(_echo);
        }

        foreach (var reply in outbound.Where(o => o.Kind == OutboundKind.Send).Select(o => o.Activity))
        {
            var numbered = Number(reply with
            {
                From = new ChannelAccount { Id = inbound.Recipient?.Id ?? "bot", Name = inbound.Recipient?.Name, Role = "bot" },
                Recipient = null,
                ServiceUrl = null,
                // Web Chat holds a reply until it has the activity replied to; only echoed user activities qualify.
                ReplyToId = _echo?.Id,
            });
            session.Store(Entry(numbered, null));
            staged.Add(numbered);
        }

        if (staged.Count > 0)
        {
            session.Store(_conversation);
            session.QueueSqlCommand("select pg_notify(?, ?)", Channel, _conversation.Id);
        }

        return staged;
    }

    public Task Deliver(IReadOnlyList<Activity> staged, CancellationToken cancellation)
    {
        hub.Wake(_conversation.Id);
        return Task.CompletedTask;
    }

    public static string? ClientActivityId(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("clientActivityID", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private Activity Number(Activity activity)
    {
        var seq = ++_conversation.LastSeq;
        var now = clock.GetUtcNow().ToUniversalTime();
        var timestamp = now > _conversation.LastTimestamp ? now : _conversation.LastTimestamp.AddMilliseconds(1);
        _conversation.LastTimestamp = timestamp;
        return activity with
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"{_conversation.Id}|{seq:0000000}"),
            Timestamp = timestamp,
            ChannelId = "directline",
            Conversation = new ConversationAccount { Id = _conversation.Id },
        };
    }

    private TranscriptActivity Entry(Activity activity, string? clientActivityId) => new()
    {
        Id = activity.Id!,
        ConversationId = _conversation.Id,
        Seq = long.Parse(activity.Id![(activity.Id!.LastIndexOf('|') + 1)..], CultureInfo.InvariantCulture),
        ClientActivityId = clientActivityId,
        Json = ActivityJson.Serialize(activity),
        Timestamp = activity.Timestamp!.Value,
    };
}
