using System.Threading.Channels;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Turns;
using JasperFx;
using Marten;
using Marten.Exceptions;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Channels.Teams;

/// <summary>
/// Sends what the outbox holds: right after each turn commits (woken by the transport) and every poll interval for
/// messages whose retry is due, so nothing is lost while Teams or this host is down. Messages of one conversation
/// go in order and stop at the first that fails; a message is claimed before it is sent and marked delivered after,
/// so no two hosts send the same one and none is sent again once delivered.
/// </summary>
public sealed class OutboxDispatcher(IDocumentStore store, ConnectorClient connector, IOptions<TeamsOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int Batch = 500;
    private readonly string _host = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Something new is in the outbox: look now instead of at the next poll.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Sends every message that is due; returns how many were delivered.</summary>
    public async Task<int> DispatchDue(CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<OutboxMessage> pending;
        await using (var query = store.QuerySession())
        {
            pending = await query.Query<OutboxMessage>()
                .Where(m => m.DeliveredAt == null && m.FailedAt == null)
                .OrderBy(m => m.CreatedAt).ThenBy(m => m.Sequence)
                .Take(Batch)
                .ToListAsync(cancellation);
        }

        var due = pending.GroupBy(m => m.ConversationId)
            .Select(g => g.TakeWhile(m => m.NextAttemptAt <= now && !(m.ClaimedUntil > now)).Select(m => m.Id).ToList())
            .Where(g => g.Count > 0)
            .ToList();
        var delivered = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellation }, async (conversation, token) =>
        {
            foreach (var id in conversation)
            {
                if (!await DeliverOne(id, token))
                {
                    break;
                }

                Interlocked.Increment(ref delivered);
            }
        });
        return delivered;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsConfigured)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDue(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The loop must outlive a database or network outage; the messages wait in the outbox meanwhile.
                logger.LogError(ex, "Delivering the Teams outbox failed; trying again at the next poll.");
            }

            using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            poll.CancelAfter(options.Value.OutboxPollInterval);
            try
            {
                await _wake.Reader.ReadAsync(poll.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
            }
        }
    }

    private async Task<bool> DeliverOne(Guid id, CancellationToken cancellation)
    {
        var message = await Claim(id, cancellation);
        if (message is null)
        {
            return false;
        }

        var activity = ActivityJson.Deserialize(message.Activity) ?? throw new InvalidOperationException($"Outbox message {id} holds no activity.");
        ConnectorResult result;
        try
        {
            result = await connector.Execute(message.Kind, await Target(message.Kind, activity, cancellation), cancellation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A token that cannot be had (Entra down, secret expired) is logged and retried like a channel outage.
            logger.LogWarning(ex, "Outbox message {Id} could not be sent.", id);
            result = ConnectorResult.Later(0, ex.Message, null);
        }

        await Finish(id, result, cancellation);
        return result.Outcome == ConnectorOutcome.Delivered;
    }

    private async Task<OutboxMessage?> Claim(Guid id, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var message = await session.LoadAsync<OutboxMessage>(id, cancellation);
        var now = clock.GetUtcNow();
        if (message is null || !message.IsPending || message.NextAttemptAt > now || message.ClaimedUntil > now)
        {
            return null;
        }

        message.ClaimedUntil = now + options.Value.ClaimDuration;
        message.ClaimedBy = _host;
        session.Store(message);
        try
        {
            await session.SaveChangesAsync(cancellation);
            return message;
        }
        catch (ConcurrencyException)
        {
            logger.LogDebug("Outbox message {Id} was claimed by another host.", id);
            return null;
        }
    }

    private async Task Finish(Guid id, ConnectorResult result, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var message = await session.LoadAsync<OutboxMessage>(id, cancellation) ?? throw new InvalidOperationException($"Outbox message {id} disappeared.");
        var now = clock.GetUtcNow();
        message.Attempts += result.Attempts;
        message.Rounds++;
        message.ClaimedUntil = null;
        message.ClaimedBy = null;
        message.LastError = result.Error;
        switch (result.Outcome)
        {
            case ConnectorOutcome.Delivered:
                message.DeliveredAt = now;
                message.ChannelActivityId = result.ChannelActivityId;
                break;
            case ConnectorOutcome.Refused:
                message.FailedAt = now;
                logger.LogWarning("Teams refused outbox message {Id} for good: {Error}", id, result.Error);
                break;
            default:
                var backoff = ConnectorClient.Backoff(options.Value.OutboxRetryDelay, Math.Min(message.Rounds, 20));
                var wait = TimeSpan.FromTicks(Math.Min(backoff.Ticks, options.Value.OutboxMaxRetryDelay.Ticks));
                message.NextAttemptAt = now + (result.RetryAfter > wait ? result.RetryAfter.Value : wait);
                break;
        }

        session.Store(message);
        await session.SaveChangesAsync(cancellation);
    }

    /// <summary>Updates and deletes name the id our transcript gave the activity; Teams knows it by the id it returned.</summary>
    private async Task<Activity> Target(OutboundKind kind, Activity activity, CancellationToken cancellation)
    {
        if (kind == OutboundKind.Send || !Guid.TryParse(activity.Id, out var sentId))
        {
            return activity;
        }

        await using var query = store.QuerySession();
        var sent = await query.LoadAsync<OutboxMessage>(sentId, cancellation);
        return sent?.ChannelActivityId is { } channelId ? activity with { Id = channelId } : activity;
    }
}
