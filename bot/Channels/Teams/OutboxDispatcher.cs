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
    private const int ClaimChunk = 20;
    private readonly string _host = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private readonly Dictionary<string, Task> _tails = [];
    private readonly CancellationTokenSource _stopping = new();

    // Deliveries of turns' replies, recorded together: one write for all that arrived meanwhile, not one per turn.
    private readonly Channel<(Guid Id, ConnectorResult? Result)> _delivered = Channel.CreateUnbounded<(Guid, ConnectorResult?)>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _recording;

    /// <summary>This host's name in claims.</summary>
    public string Host => _host;

    /// <summary>Something new is in the outbox: look now instead of at the next poll.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Marks a message as this host's to send, for as long as a claim lasts.</summary>
    public OutboxMessage Claimed(OutboxMessage message, DateTimeOffset now)
    {
        message.ClaimedUntil = now + options.Value.ClaimDuration;
        message.ClaimedBy = _host;
        return message;
    }

    /// <summary>
    /// Sends a committed turn's messages, which this host claimed in that commit, in order and in the background,
    /// then records the outcomes in one write. What is not delivered is released to the retry loop; if this host
    /// stops first, the claims expire and any host sends them.
    /// </summary>
    public void SendNow(IReadOnlyList<OutboxMessage> messages)
    {
        // Chained per conversation at the call, which comes in commit order, so sends never overtake each other.
        var conversation = messages[0].ConversationId;
        lock (_tails)
        {
            var previous = _tails.GetValueOrDefault(conversation) ?? Task.CompletedTask;
            Task sending = null!;
            sending = previous.ContinueWith(
                async _ =>
                {
                    await SendClaimed(messages, _stopping.Token);
                    lock (_tails)
                    {
                        if (_tails.GetValueOrDefault(conversation) == sending)
                        {
                            _tails.Remove(conversation);
                        }
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default).Unwrap();
            _tails[conversation] = sending;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await base.StopAsync(cancellationToken);
        await ReleaseClaims(cancellationToken);
    }

    /// <summary>
    /// On a clean stop, the messages this host had claimed but not finished are handed back at once, so the next host
    /// sends them now rather than when the claims expire.
    /// </summary>
    private async Task ReleaseClaims(CancellationToken cancellation)
    {
        Task[] sending;
        lock (_tails)
        {
            sending = [.. _tails.Values];
        }

        try
        {
            await Task.WhenAll(sending).WaitAsync(cancellation);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException)
        {
            // Cut short by the stop; whatever was not recorded is released below.
        }

        // What was delivered is recorded before the rest is handed back, or the next host would send it again.
        _delivered.Writer.TryComplete();
        Task? recording;
        lock (_tails)
        {
            recording = _recording;
        }

        if (recording is not null)
        {
            await recording.WaitAsync(cancellation);
        }

        try
        {
            await using var session = store.LightweightSession();
            var claimed = await session.Query<OutboxMessage>().Where(m => m.ClaimedBy == _host && m.DeliveredAt == null && m.FailedAt == null).ToListAsync(cancellation);
            foreach (var message in claimed)
            {
                message.ClaimedUntil = null;
                message.ClaimedBy = null;
                session.Store(message);
            }

            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation("Could not hand back this host's outbox claims on stopping ({Reason}); they expire by themselves.", ex.Message);
        }
    }

    private async Task SendClaimed(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellation)
    {
        var release = false;
        try
        {
            var results = new List<(Guid Id, ConnectorResult? Result)>(messages.Count);
            foreach (var message in messages)
            {
                // After one that must wait, the rest wait too (null: released untried), so they never overtake it.
                var result = release ? null : await Send(message, cancellation);
                results.Add((message.Id, result));
                release |= result is null || result.Outcome == ConnectorOutcome.Later;
            }

            if (!release && results.TrueForAll(r => r.Result?.Outcome == ConnectorOutcome.Delivered) && Record(results))
            {
                return;
            }

            await Finish(results, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stopping: the claims expire and the outbox delivers what is left.
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Sending a turn's replies to Teams failed; the outbox delivers them when the claim expires.");
        }

        if (release)
        {
            Wake();
        }
    }

    /// <summary>
    /// Hands delivered messages to the recorder, which writes what has come in while its previous write ran in one
    /// write; false once the dispatcher is stopping (the caller records them itself).
    /// </summary>
    private bool Record(List<(Guid Id, ConnectorResult? Result)> results)
    {
        foreach (var result in results)
        {
            if (!_delivered.Writer.TryWrite(result))
            {
                return false;
            }
        }

        lock (_tails)
        {
            _recording ??= Task.Run(RecordDeliveries);
        }

        return true;
    }

    private async Task RecordDeliveries()
    {
        var batch = new List<(Guid Id, ConnectorResult? Result)>();
        while (await _delivered.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < Batch && _delivered.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await Finish(batch, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // The claims expire and the outbox sends these again: at least once, as after a crash.
                logger.LogWarning(ex, "Recording {Count} delivered Teams messages failed; they may be sent again when their claims expire.", batch.Count);
            }

            batch.Clear();
        }
    }

    /// <summary>
    /// Sends the messages that are due, up to a batch; returns how many were delivered. After a full batch more may be
    /// waiting, and the loop goes on at once instead of at the next poll.
    /// </summary>
    public async Task<int> DispatchDue(CancellationToken cancellation) => (await DispatchBatch(cancellation)).Delivered;

    private async Task<(int Delivered, bool Full)> DispatchBatch(CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<OutboxMessage> pending;
        await using (var query = store.QuerySession())
        {
            pending = await query.Query<OutboxMessage>()
                .Where(m => m.DeliveredAt == null && m.FailedAt == null && (!m.Scheduled || m.NextAttemptAt <= now))
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
            // A few at a time: one write claims them and one records them, and a host that dies in between sends at
            // most that few again.
            foreach (var chunk in conversation.Chunk(ClaimChunk))
            {
                var (sent, stopped) = await DeliverInOrder(chunk, token);
                Interlocked.Add(ref delivered, sent);
                if (stopped)
                {
                    break;
                }
            }
        });
        return (delivered, pending.Count == Batch);
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
                var (delivered, full) = await DispatchBatch(stoppingToken);
                if (full && delivered > 0)
                {
                    continue;
                }
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

    /// <summary>
    /// Claims the conversation's next messages in one write (as far as they are still due and nobody else's), sends
    /// them in order until one must wait, and records all outcomes in one write. Returns how many were delivered and
    /// whether the conversation must stop here.
    /// </summary>
    private async Task<(int Delivered, bool Stopped)> DeliverInOrder(IReadOnlyList<Guid> ids, CancellationToken cancellation)
    {
        var claimed = await Claim(ids, cancellation);
        if (claimed.Count == 0)
        {
            return (0, true);
        }

        var results = new List<(Guid Id, ConnectorResult? Result)>(claimed.Count);
        var release = false;
        foreach (var message in claimed)
        {
            var result = release ? null : await Send(message, cancellation);
            results.Add((message.Id, result));
            // One refused for good (a person who blocked the bot) holds nothing back; one to try later holds the rest.
            release |= result is null || result.Outcome == ConnectorOutcome.Later;
        }

        await Finish(results, cancellation);
        return (results.Count(r => r.Result?.Outcome == ConnectorOutcome.Delivered), release || claimed.Count < ids.Count);
    }

    private async Task<ConnectorResult> Send(OutboxMessage message, CancellationToken cancellation)
    {
        try
        {
            var activity = ActivityJson.Deserialize(message.Activity) ?? throw new InvalidOperationException($"Outbox message {message.Id} holds no activity.");
            return await connector.Execute(message.Kind, await Target(message.Kind, activity, cancellation), cancellation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A token that cannot be had (Entra down, secret expired) is logged and retried like a channel outage.
            logger.LogWarning(ex, "Outbox message {Id} could not be sent.", message.Id);
            return ConnectorResult.Later(0, ex.Message, null);
        }
    }

    private async Task<IReadOnlyList<OutboxMessage>> Claim(IReadOnlyList<Guid> ids, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var loaded = (await session.LoadManyAsync<OutboxMessage>(cancellation, ids)).ToDictionary(m => m.Id);
        var now = clock.GetUtcNow();
        var claimed = new List<OutboxMessage>(ids.Count);
        foreach (var id in ids)
        {
            // In order: the first one not ours to send now stops the rest, so none overtakes it.
            if (loaded.GetValueOrDefault(id) is not { IsPending: true } message || message.NextAttemptAt > now || message.ClaimedUntil > now)
            {
                break;
            }

            claimed.Add(Claimed(message, now));
            session.Store(message);
        }

        if (claimed.Count == 0)
        {
            return claimed;
        }

        try
        {
            await session.SaveChangesAsync(cancellation);
            return claimed;
        }
        catch (Exception ex) when (ex is ConcurrencyException || ex is AggregateException { InnerExceptions: var inner } && inner.All(e => e is ConcurrencyException))
        {
            logger.LogDebug("Outbox messages from {Id} were claimed by another host.", ids[0]);
            return [];
        }
    }

    /// <summary>Records what happened to each message in one write; a null result releases a message not tried.</summary>
    private async Task Finish(IReadOnlyList<(Guid Id, ConnectorResult? Result)> outcomes, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var stored = (await session.LoadManyAsync<OutboxMessage>(cancellation, outcomes.Select(o => o.Id))).ToDictionary(m => m.Id);
        var now = clock.GetUtcNow();
        foreach (var (id, result) in outcomes)
        {
            if (stored.GetValueOrDefault(id) is not { } message)
            {
                // Gone meanwhile (an operator cleared the outbox): nothing to record, and the others still are.
                continue;
            }

            message.ClaimedUntil = null;
            message.ClaimedBy = null;
            if (result is not null)
            {
                Apply(message, result, now);
                if (message.Kind == OutboundKind.Open && result.ConversationId is { } opened)
                {
                    await RememberOpened(session, message, result, opened, now, cancellation);
                }
            }

            session.Store(message);
        }

        await session.SaveChangesAsync(cancellation);
    }

    private void Apply(OutboxMessage message, ConnectorResult result, DateTimeOffset now)
    {
        message.Attempts += result.Attempts;
        message.Rounds++;
        message.LastError = result.Error;
        switch (result.Outcome)
        {
            case ConnectorOutcome.Delivered:
                message.DeliveredAt = now;
                message.ChannelActivityId = result.ChannelActivityId;
                break;
            case ConnectorOutcome.Refused:
                message.FailedAt = now;
                logger.LogWarning("Teams refused outbox message {Id} for good: {Error}", message.Id, result.Error);
                break;
            default:
                var backoff = ConnectorClient.Backoff(options.Value.OutboxRetryDelay, Math.Min(message.Rounds, 20));
                var wait = TimeSpan.FromTicks(Math.Min(backoff.Ticks, options.Value.OutboxMaxRetryDelay.Ticks));
                message.NextAttemptAt = now + (result.RetryAfter > wait ? result.RetryAfter.Value : wait);
                break;
        }
    }

    /// <summary>
    /// A message that opened a conversation now belongs to it (so its card can be replaced later), and a personal chat
    /// opened this way is remembered like one the person started, for the next notices; what the person's own first
    /// message brings (their Teams user id, locale) replaces it then.
    /// </summary>
    private static async Task RememberOpened(IDocumentSession session, OutboxMessage message, ConnectorResult result, string conversation, DateTimeOffset now, CancellationToken cancellation)
    {
        message.ConversationId = conversation;
        message.ServiceUrl = result.ServiceUrl ?? message.ServiceUrl;
        var activity = ActivityJson.Deserialize(message.Activity);
        if (activity?.Conversation?.ConversationType != "personal" || activity.Recipient is not { } person
            || await session.LoadAsync<TeamsConversation>(conversation, cancellation) is not null)
        {
            return;
        }

        session.Store(new TeamsConversation
        {
            Id = conversation,
            ChannelId = message.Channel,
            ServiceUrl = message.ServiceUrl,
            TenantId = message.TenantId,
            ConversationType = "personal",
            UserId = person.Id,
            UserName = person.Name,
            UserAadObjectId = person.AadObjectId,
            BotId = activity.From?.Id ?? "",
            LastActivityAt = now,
        });
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
