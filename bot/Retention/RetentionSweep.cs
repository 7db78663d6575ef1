using Assistant.Bot.Channels.DirectLine;
using Assistant.Bot.Channels.Teams;
using Assistant.Bot.Database;
using Assistant.Dialogs.Conversations.Tickets;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Dialogs.State;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Assistant.Bot.Retention;

/// <summary>What one sweep removed.</summary>
public sealed record RetentionReport(int Conversations, int Files, int States, int OutboxMessages, int SpentTokens, int LookupFailures);

/// <summary>
/// Removes what chats leave behind once it is no longer needed: web chat conversations idle for
/// Retention:ConversationDays with no open ticket filed from them (their transcripts, files and dialog state), idle
/// dialog state of any channel, sent Teams messages of that age, spent stream tokens and old failed lookups.
/// Tickets, their events and enterprises are records and are never touched. One host at a time sweeps (a
/// PostgreSQL advisory lock per schema); the others skip that round.
/// </summary>
public sealed class RetentionSweep(
    IDocumentStore store, DatabaseEndpoint database, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionSweep> logger) : BackgroundService
{
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        // Not at once: a host that is being restarted again and again should not sweep on every start.
        await Task.Delay(TimeSpan.FromMinutes(Math.Min(5, options.Value.SweepMinutes)), clock, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.SweepMinutes), clock);
        do
        {
            try
            {
                await RunOnce(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("The retention sweep did not finish ({Reason}); it runs again in {Minutes} minutes.", ex.Message, options.Value.SweepMinutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One sweep; null when another host holds the lock.</summary>
    public async Task<RetentionReport?> RunOnce(CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        return await OneHostAtATime.Run(connection, $"youqiubiying.retention.{store.Options.DatabaseSchemaName}", async () =>
        {
            var report = await Sweep(cancellation);
            if (report != new RetentionReport(0, 0, 0, 0, 0, 0))
            {
                logger.LogInformation(
                    "Retention: removed {Conversations} idle conversations with {Files} files, {States} dialog states, {Outbox} sent Teams messages, {Tokens} spent stream tokens, {Lookups} old failed lookups.",
                    report.Conversations, report.Files, report.States, report.OutboxMessages, report.SpentTokens, report.LookupFailures);
            }

            return report;
        }, cancellation);
    }

    /// <summary>Ids of the conversations' files that a ticket's InformationProvided events name.</summary>
    private async Task<List<string>> FilesOfTickets(IQuerySession session, IReadOnlyList<string> conversations, CancellationToken cancellation)
    {
        var schema = store.Options.DatabaseSchemaName;
        var prefixes = conversations.Select(c => FileLinks.PathFor(c, "")).ToArray();
        var named = await session.AdvancedSql.QueryAsync<string>(
            $"""
            select distinct right(f ->> 'Location', 32) from {schema}.mt_events e, jsonb_array_elements(e.data -> 'Files') f
            where e.type = 'information_provided' and jsonb_typeof(e.data -> 'Files') = 'array'
              and left(f ->> 'Location', length(f ->> 'Location') - 32) = any(?)
            """,
            cancellation,
            new object[] { prefixes });
        return [.. named];
    }

    private async Task<RetentionReport> Sweep(CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var cutoff = now.AddDays(-options.Value.ConversationDays);
        int conversations = 0, files = 0;
        while (true)
        {
            await using var session = store.LightweightSession();
            var idle = await session.Query<DirectLineConversation>()
                .Where(c => c.CreatedAt < cutoff && c.LastTimestamp < cutoff)
                .OrderBy(c => c.CreatedAt)
                .Select(c => c.Id)
                .Take(Batch)
                .ToListAsync(cancellation);
            if (idle.Count == 0)
            {
                break;
            }

            // A conversation an open ticket was filed from is where its outcome will be reported: it stays.
            var open = await session.Query<Ticket>()
                .Where(t => t.Conversation != null && idle.Contains(t.Conversation.ConversationId) && t.Status != TicketStatus.Closed && t.Status != TicketStatus.Withdrawn)
                .Select(t => t.Conversation!.ConversationId)
                .ToListAsync(cancellation);
            var expired = idle.Except(open).ToList();
            if (expired.Count == 0)
            {
                break;
            }

            // Files sent as a ticket's material are part of the ticket's record and stay.
            var kept = await FilesOfTickets(session, expired, cancellation);
            files += await session.Query<UploadedFile>().CountAsync(f => expired.Contains(f.ConversationId) && !kept.Contains(f.Id), cancellation);
            session.DeleteWhere<TranscriptActivity>(t => expired.Contains(t.ConversationId));
            session.DeleteWhere<UploadedFile>(f => expired.Contains(f.ConversationId) && !kept.Contains(f.Id));
            foreach (var id in expired)
            {
                session.Delete<DirectLineConversation>(id);
                session.Delete<ConversationState>(ConversationState.KeyFor("directline", id));
            }

            await session.SaveChangesAsync(cancellation);
            conversations += expired.Count;
            if (idle.Count < Batch || expired.Count < idle.Count)
            {
                break;
            }
        }

        await using var rest = store.LightweightSession();
        var states = await rest.Query<ConversationState>().CountAsync(s => s.LastActivityAt < cutoff, cancellation);
        var outbox = await rest.Query<OutboxMessage>().CountAsync(m => m.CreatedAt < cutoff && (m.DeliveredAt != null || m.FailedAt != null), cancellation);
        var tokens = await rest.Query<SpentStreamToken>().CountAsync(t => t.ExpiresAt < now, cancellation);
        var lookups = await rest.Query<LookupFailure>().CountAsync(f => f.At < now.AddDays(-1), cancellation);
        rest.DeleteWhere<ConversationState>(s => s.LastActivityAt < cutoff);
        rest.DeleteWhere<OutboxMessage>(m => m.CreatedAt < cutoff && (m.DeliveredAt != null || m.FailedAt != null));
        rest.DeleteWhere<SpentStreamToken>(t => t.ExpiresAt < now);
        rest.DeleteWhere<LookupFailure>(f => f.At < now.AddDays(-1));
        await rest.SaveChangesAsync(cancellation);
        return new RetentionReport(conversations, files, states, outbox, tokens, lookups);
    }
}
