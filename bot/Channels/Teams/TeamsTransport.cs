using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Turns;
using Marten;
using Marten.Services.BatchQuerying;

namespace Assistant.Bot.Channels.Teams;

/// <summary>
/// The Bot Connector side of a turn: inside the turn's transaction it refreshes the conversation's reference and
/// writes what the turn sends to the outbox, already claimed by this host; after the commit the dispatcher sends it
/// in the background, so Teams gets its 200 without waiting for the calls back to Teams.
/// </summary>
public sealed class TeamsTransport(OutboxDispatcher dispatcher, TimeProvider clock) : ITurnTransport
{
    private List<OutboxMessage> _messages = [];
    private Task<IReadOnlyList<OutboxMessage>>? _undelivered;
    private bool _queued;

    /// <summary>
    /// Reads, with the turn's state, whether earlier messages of the conversation are waiting for a retry or are held by
    /// another host. Those this host is sending right now need no check: its sends to one conversation run in order.
    /// </summary>
    public void Prepare(IBatchedQuery batch, Activity inbound) =>
        _undelivered = inbound.Conversation?.Id is { Length: > 0 } conversation
            ? batch.Query<OutboxMessage>(
                "where conversation_id = ? and data ->> 'DeliveredAt' is null and data ->> 'FailedAt' is null and coalesce(data ->> 'ClaimedBy', '') <> ? limit 1",
                conversation, dispatcher.Host)
            : null;

    public IReadOnlyList<Activity> Stage(IDocumentSession session, Activity inbound, IReadOnlyList<OutboundActivity> outbound)
    {
        var now = clock.GetUtcNow();
        session.Store(TeamsConversation.From(inbound, now));
        var staged = new List<Activity>(outbound.Count);
        _messages = new List<OutboxMessage>(outbound.Count);
        // Behind messages still waiting (Teams was down, or throttling) the new ones queue, so none overtakes another.
        _queued = _undelivered?.Result is [_, ..];
        for (var i = 0; i < outbound.Count; i++)
        {
            // Otherwise they are claimed by this host in the turn's own commit and sent right after it.
            var message = OutboxMessage.For(outbound[i].Kind, outbound[i].Activity, now, i);
            if (!_queued)
            {
                dispatcher.Claimed(message, now);
            }

            session.Insert(message);
            _messages.Add(message);
            staged.Add(outbound[i].Kind == OutboundKind.Send ? outbound[i].Activity with { Id = message.Id.ToString() } : outbound[i].Activity);
        }

        return staged;
    }

    public Task Deliver(IReadOnlyList<Activity> staged, CancellationToken cancellation)
    {
        if (_messages.Count > 0 && _queued)
        {
            dispatcher.Wake();
        }
        else if (_messages.Count > 0)
        {
            dispatcher.SendNow(_messages);
        }

        return Task.CompletedTask;
    }
}
