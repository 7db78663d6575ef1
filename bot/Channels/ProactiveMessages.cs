using Assistant.Bot.Channels.DirectLine;
using Assistant.Bot.Channels.Teams;
using Assistant.Dialogs.Activities;
using Marten;

namespace Assistant.Bot.Channels;

/// <summary>Messages staged for a conversation, handed on once the session that holds them has committed.</summary>
public sealed record StagedMessages(string Channel, DirectLineProactive.Staged? DirectLine, bool Teams);

/// <summary>Sends a message to a stored conversation on whichever channel it lives: Teams through the outbox, web chat through its transcript.</summary>
public sealed class ProactiveMessages(ProactiveMessenger teams, DirectLineProactive directLine)
{
    public async Task<bool> Send(ConversationReference reference, Activity activity, CancellationToken cancellation) => reference.ChannelId switch
    {
        ProactiveMessenger.TeamsChannelId => await teams.Send(reference, activity, cancellation) != Guid.Empty,
        "directline" or "webchat" => await directLine.Send(reference, activity, cancellation) is not null,
        _ => false,
    };

    /// <summary>
    /// Writes the messages in the caller's session (the transcript, or the Teams outbox), so that they are committed
    /// with whatever they report; null when the conversation cannot be reached.
    /// </summary>
    public async Task<StagedMessages?> Stage(IDocumentSession session, ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellation)
    {
        switch (reference.ChannelId)
        {
            case ProactiveMessenger.TeamsChannelId:
                await teams.Stage(session, reference, activities, cancellation);
                return new StagedMessages(reference.ChannelId, null, Teams: true);
            case "directline" or "webchat":
                return await directLine.Stage(session, reference, activities, cancellation) is { } staged ? new StagedMessages(reference.ChannelId, staged, Teams: false) : null;
            default:
                return null;
        }
    }

    /// <summary>After the commit: web chat sockets get the messages, the Teams dispatcher is woken.</summary>
    public async Task Delivered(StagedMessages staged, CancellationToken cancellation)
    {
        if (staged.DirectLine is { } directLineMessages)
        {
            await directLine.Deliver(directLineMessages, cancellation);
        }

        if (staged.Teams)
        {
            teams.Wake();
        }
    }
}
