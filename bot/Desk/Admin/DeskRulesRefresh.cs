using Assistant.Dialogs.Desk;
using Marten;

namespace Assistant.Bot.Desk.Admin;

/// <summary>Every half minute, the departments and routing rules another host's administrator may have changed.</summary>
public sealed class DeskRulesRefresh(IDocumentStore store, DeskRulesSource source, TimeProvider clock, ILogger<DeskRulesRefresh> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await source.Reload(store, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogDebug("Could not read the departments and routing rules now ({Reason}); the rules in force stay.", ex.Message);
            }
        }
    }
}
