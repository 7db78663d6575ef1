using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Turns;
using Marten;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Channels.Teams;

/// <summary>
/// Messages outside a turn (outcome reports, reminders): addressed by a stored conversation reference, written to
/// the outbox and sent by the dispatcher, with the same retries and the same never-twice guarantee as replies.
/// </summary>
public sealed class ProactiveMessenger(IDocumentStore store, OutboxDispatcher dispatcher, IOptions<TeamsOptions> options, TimeProvider clock)
{
    public const string TeamsChannelId = "msteams";

    /// <summary>Queues the activity for the referenced conversation and returns the outbox message id.</summary>
    public async Task<Guid> Send(ConversationReference reference, Activity activity, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var message = (await Stage(session, reference, [activity], cancellation))[0];
        await session.SaveChangesAsync(cancellation);
        dispatcher.Wake();
        return message.Id;
    }

    /// <summary>Queues the activities in the given session, which the caller commits; call <see cref="Wake"/> after.</summary>
    /// <param name="notBefore">Hold the messages until then (quiet hours); they do not hold back others meanwhile.</param>
    public async Task<IReadOnlyList<OutboxMessage>> Stage(
        IDocumentSession session, ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellation,
        DateTimeOffset? notBefore = null, string? topic = null)
    {
        // The connector token may only go to the service URLs Teams gave us, never to another channel's host.
        if (reference.ChannelId != TeamsChannelId)
        {
            throw new ArgumentException($"Only Teams conversations can be reached here, not channel '{reference.ChannelId}'.", nameof(reference));
        }

        var latest = await session.LoadAsync<TeamsConversation>(reference.ConversationId, cancellation);
        var now = clock.GetUtcNow();
        var messages = activities.Select((activity, i) => OutboxMessage.For(OutboundKind.Send, Addressed(reference, latest, activity), now, i, notBefore, topic)).ToList();
        session.Insert(messages.ToArray());
        return messages;
    }

    /// <summary>
    /// Queues a message that opens its conversation: a personal chat with a staff member who never wrote to the
    /// assistant (by Entra object id), or a new post in a department's channel. Messages to one person or channel stay
    /// in order until the conversation exists; later ones then go to it as usual.
    /// </summary>
    /// <param name="serviceUrl">Where to open it (<see cref="OpeningServiceUrl"/>), if the caller already asked.</param>
    public async Task<OutboxMessage> StageOpening(
        IDocumentSession session, TeamsOpening opening, Activity activity, CancellationToken cancellation, DateTimeOffset? notBefore = null, string? topic = null,
        string? serviceUrl = null)
    {
        var settings = options.Value;
        var tenant = Tenant;
        serviceUrl ??= await OpeningServiceUrl(session, cancellation);
        var inChannel = opening.ChannelId is not null;
        var addressed = activity with
        {
            ChannelId = TeamsChannelId,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount
            {
                Id = opening.ChannelId ?? $"open:{opening.UserAadObjectId}",
                ConversationType = inChannel ? "channel" : "personal",
                IsGroup = inChannel,
                TenantId = tenant,
            },
            From = new ChannelAccount { Id = "28:" + settings.AppId, Role = "bot" },
            Recipient = inChannel ? null : new ChannelAccount { Id = opening.UserAadObjectId!, AadObjectId = opening.UserAadObjectId, Name = opening.UserName, Role = "user" },
            Locale = activity.Locale ?? "zh-CN",
            ReplyToId = null,
        };
        var message = OutboxMessage.For(OutboundKind.Open, addressed, clock.GetUtcNow(), 0, notBefore, topic);
        session.Insert(message);
        return message;
    }

    /// <summary>The service URL Teams last gave any conversation in the tenant (its region), else the configured one.</summary>
    public async Task<string> OpeningServiceUrl(IDocumentSession session, CancellationToken cancellation)
    {
        var tenant = Tenant;
        return await session.Query<TeamsConversation>()
            .Where(c => c.TenantId == tenant && c.ServiceUrl != "")
            .OrderByDescending(c => c.LastActivityAt)
            .Select(c => c.ServiceUrl)
            .FirstOrDefaultAsync(cancellation) ?? options.Value.ServiceUrl;
    }

    private string? Tenant => options.Value.TenantId.Length > 0 ? options.Value.TenantId : null;

    /// <summary>
    /// Queues the replacement of messages sent earlier on a topic (a ticket's cards), wherever they went, each made
    /// again for whom it was sent to (<see cref="OutboxMessage.StaffId"/>; none for a channel post).
    /// </summary>
    public async Task StageUpdates(IDocumentSession session, string topic, Func<OutboxMessage, Activity> replacement, CancellationToken cancellation)
    {
        var sent = await session.Query<OutboxMessage>()
            .Where(m => m.Topic == topic && (m.Kind == OutboundKind.Send || m.Kind == OutboundKind.Open) && m.DeliveredAt != null && m.ChannelActivityId != null)
            .ToListAsync(cancellation);
        var now = clock.GetUtcNow();
        foreach (var message in sent.DistinctBy(m => (m.ConversationId, m.ChannelActivityId)))
        {
            var update = replacement(message) with
            {
                Id = message.ChannelActivityId,
                ChannelId = message.Channel,
                ServiceUrl = message.ServiceUrl,
                Conversation = new ConversationAccount { Id = message.ConversationId, TenantId = message.TenantId },
            };
            var queued = OutboxMessage.For(OutboundKind.Update, update, now, 0, topic: topic);
            queued.StaffId = message.StaffId;
            session.Insert(queued);
        }
    }

    public void Wake() => dispatcher.Wake();

    private static Activity Addressed(ConversationReference reference, TeamsConversation? latest, Activity activity) => activity with
    {
        ChannelId = reference.ChannelId,
        ServiceUrl = latest?.ServiceUrl ?? reference.ServiceUrl,
        Conversation = new ConversationAccount { Id = reference.ConversationId, TenantId = reference.TenantId ?? latest?.TenantId },
        From = activity.From ?? new ChannelAccount { Id = reference.BotId, Role = "bot" },
        Recipient = activity.Recipient ?? new ChannelAccount { Id = reference.UserId, Name = reference.UserName, Role = "user" },
        Locale = activity.Locale ?? reference.Locale,
        ReplyToId = null,
    };

    /// <summary>The stored reference of a Teams conversation, or null if it never wrote to us.</summary>
    public async Task<ConversationReference?> Find(string conversationId, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<TeamsConversation>(conversationId, cancellation))?.ToReference();
    }
}

/// <summary>Whom a message opens a conversation with: a person by Entra object id, or a channel by its id (19:…@thread.tacv2).</summary>
public sealed record TeamsOpening(string? UserAadObjectId, string? UserName = null, string? ChannelId = null)
{
    public static TeamsOpening Person(string aadObjectId, string? name) => new(aadObjectId, name);

    public static TeamsOpening Channel(string channelId) => new(null, ChannelId: channelId);
}
