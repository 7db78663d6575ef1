using Assistant.Bot.Database;
using Assistant.Dialogs.Desk.Tickets;
using Marten;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Deadlines;

/// <summary>What one sweep issued, and how many tickets it read to do so.</summary>
public sealed record DeadlineReport(int Read, int Yellow, int Red, int Supervised)
{
    public static DeadlineReport None { get; } = new(0, 0, 0, 0);

    public int Cards => Yellow + Red + Supervised;
}

/// <summary>
/// Makes the clocks tick: every Deadlines:SweepSeconds one host (a PostgreSQL advisory lock per schema; the others
/// skip that round, and take over when it stops) reads the tickets a card is due for (<see cref="DeadlineQueue"/>,
/// indexed) and issues the 黄牌, 红牌 and automatic 督办 that <see cref="WarnTicket"/> decides, each ticket in its own
/// commit. A card is issued once: the decision sees the cards already on the ticket, and two writers of one ticket
/// are serialised by its stream version, so a host stopped in the middle loses nothing and repeats nothing.
/// </summary>
public sealed class DeadlineSweep(
    IDocumentStore store, TicketDesk desk, IOptions<DeadlineOptions> options, TimeProvider clock, ILogger<DeadlineSweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SweepSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnce(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("The deadline sweep did not finish ({Reason}); it runs again in {Seconds} s.", ex.Message, options.Value.SweepSeconds);
            }
        }
    }

    /// <summary>One sweep; null when another host holds the lock.</summary>
    public async Task<DeadlineReport?> RunOnce(CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        return await OneHostAtATime.Run(connection, $"youqiubiying.deadlines.{store.Options.DatabaseSchemaName}", async () =>
        {
            var report = await Sweep(cancellation);
            if (report.Cards > 0)
            {
                logger.LogInformation("Deadline sweep: {Yellow} 黄牌, {Red} 红牌, {Supervised} 督办 issued ({Read} tickets read).", report.Yellow, report.Red, report.Supervised, report.Read);
            }

            return report;
        }, cancellation);
    }

    private async Task<DeadlineReport> Sweep(CancellationToken cancellation)
    {
        var report = DeadlineReport.None;
        var now = desk.Now();
        IReadOnlyList<Guid> candidates;
        await using (var session = store.QuerySession())
        {
            candidates = await DeadlineQueue.Candidates(session, desk.Rules, now, cancellation);
        }

        foreach (var page in candidates.Chunk(DeadlineQueue.PageSize))
        {
            IReadOnlyList<Ticket> due;
            await using (var session = store.QuerySession())
            {
                due = await DeadlineQueue.Due(session, page, desk.Rules, now, cancellation);
            }

            foreach (var ticket in due)
            {
                var result = await desk.Run(new WarnTicket(ticket.Id), cancellation);
                var cards = result.Events.OfType<TicketWarned>().ToList();
                report = report with
                {
                    Read = report.Read + 1,
                    Yellow = report.Yellow + cards.Count(c => c.Level == WarningLevel.Yellow),
                    Red = report.Red + cards.Count(c => c.Level == WarningLevel.Red),
                    Supervised = report.Supervised + cards.Count(c => c.Level == WarningLevel.Supervised),
                };
            }
        }

        return report;
    }
}
