using System.Globalization;
using System.Text.Json;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Turns;
using Marten;
using Marten.Services.BatchQuerying;

namespace Assistant.Bot.Channels.DirectLine;

/// <summary>
/// Direct Line's side of a turn: numbers the user's activity and the bot's replies in the conversation's transcript
/// (ids "{conversation}|0000007", strictly increasing timestamps), writes them in the turn's commit, and after the
/// commit hands them to the WebSockets listening here and announces them to the other hosts.
/// </summary>
public sealed class DirectLineTransport(string conversationId, SocketHub hub, TimeProvider clock) : ITurnTransport
{
    private DirectLineConversation _conversation = new() { Id = conversationId };
    private Task<DirectLineConversation?>? _conversationLoad;
    private Task<IReadOnlyList<TranscriptActivity>>? _earlierLoad;
    private Activity? _echo;
    private List<TranscriptActivity> _entries = [];

    /// <summary>The id the user's activity got (or already had, when the post was a retry).</summary>
    public string? EchoId { get; private set; }

    /// <summary>True when the conversation is not stored (a token for a conversation that no longer exists).</summary>
    public bool Missing { get; private set; }

    public void Prepare(IBatchedQuery batch, Activity inbound)
    {
        _conversationLoad = batch.Load<DirectLineConversation>(conversationId);
        _earlierLoad = inbound.Type != ActivityTypes.ConversationUpdate && ClientActivityId(inbound) is { } clientId
            ? batch.Query<TranscriptActivity>("where conversation_id = ? and data ->> 'ClientActivityId' = ? limit 1", conversationId, clientId)
            : null;
    }

    public Activity? Receive(Activity inbound)
    {
        _echo = null;
        if (_conversationLoad?.Result is not { } conversation)
        {
            Missing = true;
            return null;
        }

        _conversation = conversation;
        inbound = inbound.Locale is null && conversation.Locale is { } locale ? inbound with { Locale = locale } : inbound;
        if (inbound.Type == ActivityTypes.ConversationUpdate)
        {
            return inbound;
        }

        if (_earlierLoad?.Result is [var earlier, ..])
        {
            EchoId = earlier.Id;
            return null;
        }

        _echo = Number(inbound);
        EchoId = _echo.Id;
        return _echo;
    }

    public IReadOnlyList<Activity> Stage(IDocumentSession session, Activity inbound, IReadOnlyList<OutboundActivity> outbound)
    {
        var staged = new List<Activity>();
        _entries = [];
        if (_echo is not null)
        {
            _entries.Add(Entry(_echo, ClientActivityId(_echo)));
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
            _entries.Add(Entry(numbered, null));
            staged.Add(numbered);
        }

        if (_entries.Count > 0)
        {
            session.Insert(_entries.ToArray());
            session.Store(_conversation);
        }

        return staged;
    }

    public Task Deliver(IReadOnlyList<Activity> staged, CancellationToken cancellation)
    {
        if (_entries.Count > 0)
        {
            hub.Committed(_conversation.Id, _entries);
        }

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
        HasFiles = activity.Attachments?.Any(a => a.ContentUrl?.StartsWith(FileLinks.PathFor(_conversation.Id, ""), StringComparison.Ordinal) == true) == true,
    };
}
