using System.Text.Json;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.State;
using JasperFx;
using Marten;
using Marten.Exceptions;
using Microsoft.Extensions.Logging;

namespace Assistant.Dialogs.Turns;

/// <summary>
/// Runs turns. Turns of one conversation run one at a time in this host; the conversation's state is saved only if
/// nobody else saved it since it was read, and what the turn sends is written in that same commit. When another
/// host got there first, the turn is run again on the fresh state before anything leaves, so no update is lost and
/// nothing is sent twice. If the bot fails, the user gets an apology and the conversation stays as it was before the
/// turn; if the database fails during the turn, the turn fails as a whole and nothing of it is kept.
/// </summary>
public sealed class TurnRunner(IDocumentStore store, IBot bot, IEnumerable<IMiddleware> middleware, TimeProvider clock, ILogger<TurnRunner> logger)
{
    private const int Attempts = 12;
    private readonly KeyedLock _locks = new();
    private readonly IReadOnlyList<IMiddleware> _middleware = middleware.ToList();

    public async Task<IReadOnlyList<Activity>> Run(Activity inbound, ITurnTransport transport, CancellationToken cancellation)
    {
        var channel = inbound.ChannelId ?? "unknown";
        var key = ConversationState.KeyFor(channel, inbound.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation.", nameof(inbound)));
        var userKey = UserProfile.KeyFor(channel, inbound.From?.Id ?? "anonymous");
        using var _ = await _locks.Acquire(key, cancellation);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var batch = session.CreateBatchQuery();
            var conversationLoad = batch.Load<ConversationState>(key);
            var userLoad = batch.Load<UserProfile>(userKey);
            transport.Prepare(batch, inbound);
            var prepared = bot.Prepare(batch, inbound);
            await batch.Execute(cancellation);
            if (transport.Receive(inbound) is not { } received)
            {
                return [];
            }

            var stored = await conversationLoad;
            var conversation = stored ?? new ConversationState { Id = key };
            var conversationBefore = JsonSerializer.Serialize(conversation);
            var storedUser = await userLoad;
            var user = storedUser ?? new UserProfile { Id = userKey };
            var userBefore = JsonSerializer.Serialize(user);

            var turn = new TurnContext(InboundText.ForBot(received), clock);
            turn.Set(conversation);
            turn.Set(user);
            // What the bot files during the turn (a ticket, an enterprise) is committed with the turn's state.
            turn.Set<IDocumentSession>(session);
            if (prepared is not null)
            {
                turn.SetAsItsType(prepared);
            }

            if (!await RunPipeline(turn, conversation, cancellation))
            {
                // The bot failed: nothing it wrote is kept, and the conversation stays as it was before this turn,
                // so a draft of ten answers survives one bug.
                session.EjectAllPendingChanges();
                conversation = JsonSerializer.Deserialize<ConversationState>(conversationBefore)!;
                user = JsonSerializer.Deserialize<UserProfile>(userBefore)!;
            }

            conversation.Turns++;
            conversation.LastActivityAt = clock.GetUtcNow().ToUniversalTime();
            if (stored is null)
            {
                session.Insert(conversation);
            }
            else
            {
                session.Store(conversation);
            }

            if (JsonSerializer.Serialize(user) != userBefore)
            {
                // The same user may talk in two conversations at once; their profile is saved only over the version read.
                if (storedUser is null)
                {
                    session.Insert(user);
                }
                else
                {
                    session.Store(user);
                }
            }

            var staged = transport.Stage(session, received, turn.Outbox);
            try
            {
                await session.SaveChangesAsync(cancellation);
            }
            catch (Exception ex) when (attempt >= Attempts && IsConflict(ex))
            {
                throw new TurnContentionException(key, ex);
            }
            catch (Exception ex) when (IsConflict(ex))
            {
                // Another host committed a turn of this conversation first; let it finish, then run this turn again.
                logger.LogInformation("Conversation {Key} was changed by another turn; running this turn again.", key);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)), cancellation);
                continue;
            }

            await transport.Deliver(staged, cancellation);
            foreach (var work in turn.Committed)
            {
                try
                {
                    await work(cancellation);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // What it would have hurried along is committed and goes out with the next round of its sender.
                    logger.LogWarning("After the turn in {Conversation}: {Reason}", key, ex.Message);
                }
            }

            return staged;
        }
    }

    /// <summary>Runs the middleware and the bot; false when the bot failed and the user got an apology instead.</summary>
    private async Task<bool> RunPipeline(TurnContext turn, ConversationState conversation, CancellationToken cancellation)
    {
        try
        {
            await Next(0)(cancellation);
            return true;
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            // Not the bot's fault: the turn fails as a whole (503, nothing committed) and its retry finds the draft intact.
            logger.LogWarning("The turn for activity {Id} in {Conversation} could not reach the database: {Reason}", turn.Activity.Id, conversation.Id, ex.Message);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            logger.LogError(ex, "The turn for activity {Id} in {Conversation} failed; the conversation is kept as it was before it.", turn.Activity.Id, conversation.Id);
            turn.DiscardOutbox();
            turn.SendActivity(turn.IsEnglish
                ? "Sorry, something went wrong on our side and it has been logged. Please send your message again, or type \"restart\"."
                : "抱歉，系统处理您的消息时出现了问题，我们已记录下来。请您再发送一次，或输入“重新开始”。");
            return false;
        }

        NextDelegate Next(int index) => index < _middleware.Count
            ? ct => _middleware[index].OnTurn(turn, Next(index + 1), ct)
            : ct => bot.OnTurn(turn, ct);
    }

    // A stream collision is two hosts filing the same submission at once: the re-run finds the ticket already filed.
    private static bool IsConflict(Exception ex) => StoreConflicts.IsRetryable(ex);
}
