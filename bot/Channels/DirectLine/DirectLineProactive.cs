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

    public async Task<string?> Send(ConversationReference reference, Activity activity, CancellationToken cancellation)
    {
        var bot = new ChannelAccount { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" };
        var origin = new Activity { Type = ActivityTypes.ConversationUpdate, Recipient = bot, Conversation = new ConversationAccount { Id = reference.ConversationId } };
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var transport = new DirectLineTransport(reference.ConversationId, hub, clock);
            var batch = session.CreateBatchQuery();
            transport.Prepare(batch, origin);
            await batch.Execute(cancellation);
            if (transport.Receive(origin) is null)
            {
                return null;
            }

            var staged = transport.Stage(session, origin, [new OutboundActivity(OutboundKind.Send, activity with { Type = activity.Type ?? ActivityTypes.Message, Locale = activity.Locale ?? reference.Locale })]);
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

            await transport.Deliver(staged, cancellation);
            return staged[0].Id;
        }
    }
}
