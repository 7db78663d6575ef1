using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Turns;

namespace Assistant.Bot.Channels.Teams;

/// <summary>
/// One activity on its way to a channel: written in the same commit as the turn that produced it, sent after, and
/// kept with its outcome. A host owns it while <see cref="ClaimedUntil"/> lies ahead (optimistic concurrency keeps
/// two hosts from claiming it together); <see cref="DeliveredAt"/> marks it sent so it is never sent again.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public string Channel { get; set; } = "";

    public string ServiceUrl { get; set; } = "";

    public string ConversationId { get; set; } = "";

    public string? TenantId { get; set; }

    public OutboundKind Kind { get; set; }

    /// <summary>The activity in the wire format (ActivityJson).</summary>
    public string Activity { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Order within the turn that wrote it.</summary>
    public int Sequence { get; set; }

    public int Attempts { get; set; }

    public int Rounds { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>The id the channel gave the sent activity, needed to update or delete it later.</summary>
    public string? ChannelActivityId { get; set; }

    /// <summary>Set when the channel refused the message for good (for example 403: the user blocked the bot).</summary>
    public DateTimeOffset? FailedAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>Held until <see cref="NextAttemptAt"/> on purpose (a notice kept for office hours): it does not hold back
    /// the messages after it in its conversation, as a message waiting to be retried does.</summary>
    public bool Scheduled { get; set; }

    /// <summary>What the message is about, for bringing it up to date later ("ticket:{id}" for a staff member's ticket card).</summary>
    public string? Topic { get; set; }

    /// <summary>The staff member a card was made for (its buttons are theirs), so its replacement is made for them too; null for a channel post.</summary>
    public string? StaffId { get; set; }

    public bool IsPending => DeliveredAt is null && FailedAt is null;

    public static OutboxMessage For(OutboundKind kind, Activity activity, DateTimeOffset now, int sequence, DateTimeOffset? notBefore = null, string? topic = null)
    {
        var id = Guid.CreateVersion7(now);
        return new OutboxMessage
        {
            Id = id,
            Channel = activity.ChannelId ?? "",
            ServiceUrl = activity.ServiceUrl ?? "",
            ConversationId = activity.Conversation?.Id ?? "",
            TenantId = activity.Conversation?.TenantId,
            Kind = kind,
            Activity = ActivityJson.Serialize(kind == OutboundKind.Send ? activity with { Id = id.ToString() } : activity),
            CreatedAt = now,
            Sequence = sequence,
            NextAttemptAt = notBefore > now ? notBefore.Value : now,
            Scheduled = notBefore > now,
            Topic = topic,
        };
    }
}
