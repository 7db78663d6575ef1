using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Turns;
using JasperFx;
using Marten;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Channels.DirectLine;

/// <summary>
/// A message to a web chat conversation outside a turn (an outcome report, a reminder). Delivery is the transcript:
/// once committed it is durable, the open socket gets it at once, and a page opened later replays it.
/// </summary>
public sealed class DirectLineProactive(IDocumentStore store, SocketHub hub, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private const int Attempts = 12;

    /// <summary>Messages staged in a session: delivered to the sockets once that session has committed.</summary>
    public sealed record Staged(DirectLineTransport Transport, IReadOnlyList<Activity> Activities);

    public async Task<string?> Send(ConversationReference reference, Activity activity, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            if (await Stage(session, reference, [activity], cancellation) is not { } staged)
            {
                return null;
            }

            try
            {
                await session.SaveChangesAsync(cancellation);
            }
            catch (ConcurrencyException) when (attempt < Attempts)
            {
                // A turn of this conversation committed first; let it finish, then number this message after it.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)), cancellation);
                continue;
            }

            await Deliver(staged, cancellation);
            return staged.Activities[0].Id;
        }
    }

    /// <summary>
    /// Numbers the messages into the conversation's transcript in the given session, which the caller commits (with
    /// the ticket events they report on). Null when the conversation no longer exists. A concurrent turn of the
    /// conversation makes the commit fail on the conversation's version; the caller then runs it all again.
    /// </summary>
    public async Task<Staged?> Stage(IDocumentSession session, ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellation)
    {
        var bot = new ChannelAccount { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" };
        var origin = new Activity { Type = ActivityTypes.ConversationUpdate, Recipient = bot, Conversation = new ConversationAccount { Id = reference.ConversationId } };
        var transport = new DirectLineTransport(reference.ConversationId, hub, clock);
        var batch = session.CreateBatchQuery();
        transport.Prepare(batch, origin);
        await batch.Execute(cancellation);
        if (transport.Receive(origin) is null)
        {
            return null;
        }

        var outbound = activities.Select(a => new OutboundActivity(OutboundKind.Send, a with { Type = a.Type ?? ActivityTypes.Message, Locale = a.Locale ?? reference.Locale })).ToList();
        return new Staged(transport, transport.Stage(session, origin, outbound));
    }

    public Task Deliver(Staged staged, CancellationToken cancellation) => staged.Transport.Deliver(staged.Activities, cancellation);
}
