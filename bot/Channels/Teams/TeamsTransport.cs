using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Turns;
using Marten;

namespace Assistant.Bot.Channels.Teams;

/// <summary>
/// The Bot Connector side of a turn: inside the turn's transaction it refreshes the conversation's reference and
/// writes what the turn sends to the outbox; after the commit it only wakes the dispatcher, so Teams gets its 200
/// without waiting for the calls back to Teams.
/// </summary>
public sealed class TeamsTransport(OutboxDispatcher dispatcher, TimeProvider clock) : ITurnTransport
{
    public IReadOnlyList<Activity> Stage(IDocumentSession session, Activity inbound, IReadOnlyList<OutboundActivity> outbound)
    {
        var now = clock.GetUtcNow();
        session.Store(TeamsConversation.From(inbound, now));
        var staged = new List<Activity>(outbound.Count);
        for (var i = 0; i < outbound.Count; i++)
        {
            var message = OutboxMessage.For(outbound[i].Kind, outbound[i].Activity, now, i);
            session.Insert(message);
            staged.Add(outbound[i].Kind == OutboundKind.Send ? outbound[i].Activity with { Id = message.Id.ToString() } : outbound[i].Activity);
        }

        return staged;
    }

    public Task Deliver(IReadOnlyList<Activity> staged, CancellationToken cancellation)
    {
        if (staged.Count > 0)
        {
            dispatcher.Wake();
        }

        return Task.CompletedTask;
    }
}
