using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Turns;
using Marten;

namespace Assistant.Bot.Channels.Teams;

/// <summary>
/// The Bot Connector side of a turn: inside the turn's transaction it refreshes the conversation's reference and
/// writes what the turn sends to the outbox, already claimed by this host; after the commit the dispatcher sends it
/// in the background, so Teams gets its 200 without waiting for the calls back to Teams.
/// </summary>
public sealed class TeamsTransport(OutboxDispatcher dispatcher, TimeProvider clock) : ITurnTransport
{
    private List<OutboxMessage> _messages = [];

    public IReadOnlyList<Activity> Stage(IDocumentSession session, Activity inbound, IReadOnlyList<OutboundActivity> outbound)
    {
        var now = clock.GetUtcNow();
        session.Store(TeamsConversation.From(inbound, now));
        var staged = new List<Activity>(outbound.Count);
        _messages = new List<OutboxMessage>(outbound.Count);
        for (var i = 0; i < outbound.Count; i++)
        {
            // Claimed by this host in the turn's own commit, so it can send them right after without another write.
            var message = dispatcher.Claimed(OutboxMessage.For(outbound[i].Kind, outbound[i].Activity, now, i), now);
            session.Insert(message);
            _messages.Add(message);
            staged.Add(outbound[i].Kind == OutboundKind.Send ? outbound[i].Activity with { Id = message.Id.ToString() } : outbound[i].Activity);
        }

        return staged;
    }

    public Task Deliver(IReadOnlyList<Activity> staged, CancellationToken cancellation)
    {
        if (_messages.Count > 0)
        {
            dispatcher.SendNow(_messages);
        }

        return Task.CompletedTask;
    }
}
