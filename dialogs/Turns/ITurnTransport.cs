using Assistant.Dialogs.Activities;
using Marten;

namespace Assistant.Dialogs.Turns;

/// <summary>
/// How a channel delivers what a turn sends. <see cref="Stage"/> runs inside the turn's database transaction (Direct
/// Line writes its transcript, Bot Connector its outbox) and gives each activity its id; <see cref="Deliver"/> runs
/// after the commit and pushes to whoever is listening.
/// </summary>
public interface ITurnTransport
{
    /// <summary>
    /// Runs first in each attempt of a turn, inside its session: a channel that numbers its transcript stamps the
    /// inbound activity here (id, timestamp). Null means this activity was already processed (a client retry), and
    /// the turn does not run again.
    /// </summary>
    Task<Activity?> Receive(IDocumentSession session, Activity inbound, CancellationToken cancellation) => Task.FromResult<Activity?>(inbound);

    IReadOnlyList<Activity> Stage(IDocumentSession session, Activity inbound, IReadOnlyList<OutboundActivity> outbound);

    Task Deliver(IReadOnlyList<Activity> staged, CancellationToken cancellation);
}

public enum OutboundKind
{
    Send,
    Update,
    Delete,
}

/// <summary>One thing a turn asked the channel to do: send a new activity, replace one, or delete one.</summary>
public sealed record OutboundActivity(OutboundKind Kind, Activity Activity);
