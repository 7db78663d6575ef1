using Assistant.Bot.Channels.DirectLine;
using Assistant.Bot.Channels.Teams;
using Assistant.Dialogs.Activities;

namespace Assistant.Bot.Channels;

/// <summary>Sends a message to a stored conversation on whichever channel it lives: Teams through the outbox, web chat through its transcript.</summary>
public sealed class ProactiveMessages(ProactiveMessenger teams, DirectLineProactive directLine)
{
    public async Task<bool> Send(ConversationReference reference, Activity activity, CancellationToken cancellation) => reference.ChannelId switch
    {
        ProactiveMessenger.TeamsChannelId => await teams.Send(reference, activity, cancellation) != Guid.Empty,
        "directline" or "webchat" => await directLine.Send(reference, activity, cancellation) is not null,
        _ => false,
    };
}
