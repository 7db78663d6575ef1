using Assistant.Dialogs.Activities;
using Marten;
using Marten.Services.BatchQuerying;

namespace Assistant.Dialogs.Turns;

/// <summary>
/// How a channel delivers what a turn sends. <see cref="Stage"/> runs inside the turn's database transaction (Direct
/// Line writes its transcript, Bot Connector its outbox) and gives each activity its id; <see cref="Deliver"/> runs
/// after the commit and pushes to whoever is listening.
/// </summary>
public interface ITurnTransport
{
    /// <summary>
    /// Queues what the channel needs to read for this turn into the turn's one read batch (with the conversation's and
    /// the user's state), so a turn costs one round trip before it runs.
    /// </summary>
    void Prepare(IBatchedQuery batch, Activity inbound)
    {
    }

    /// <summary>
    /// Runs after the read batch, in each attempt of a turn: a channel that numbers its transcript stamps the inbound
    /// activity here (id, timestamp). Null means the turn does not run: the activity was already processed (a client
    /// retry), or the channel has no such conversation.
    /// </summary>
    Activity? Receive(Activity inbound) => inbound;

    IReadOnlyList<Activity> Stage(IDocumentSession session, Activity inbound, IReadOnlyList<OutboundActivity> outbound);

    Task Deliver(IReadOnlyList<Activity> staged, CancellationToken cancellation);
}

public enum OutboundKind
{
    Send,
    Update,
    Delete,

    /// <summary>
    /// Start a conversation and send the activity as its first message: a personal chat with someone who never wrote
    /// to the assistant (the recipient named by Entra object id), or a new post in a channel (the conversation is the
    /// channel). The channel answers with the conversation's id, which later updates of the message use.
    /// </summary>
    Open,
}

/// <summary>One thing a turn asked the channel to do: send a new activity, replace one, or delete one.</summary>
public sealed record OutboundActivity(OutboundKind Kind, Activity Activity);
