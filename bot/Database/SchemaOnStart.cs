using Marten;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Database;

/// <summary>
/// With Database:ApplyChangesOnStart the host creates or updates its tables on start (the default, and right for the
/// embedded database). Without it, the host only checks that db-apply has been run and refuses to start otherwise.
/// </summary>
public sealed class SchemaOnStart(IDocumentStore store, IOptions<DatabaseOptions> options, ILogger<SchemaOnStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ApplyChangesOnStart)
        {
            await store.Storage.Database.ApplyAllConfiguredChangesToDatabaseAsync(ct: cancellationToken);
            return;
        }

        try
        {
            await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogCritical("数据库表结构与当前版本不一致。请先运行：dotnet Assistant.Bot.dll db-apply（或 dotnet run --project bot/Assistant.Bot -- db-apply）");
            throw new InvalidOperationException("The database schema does not match this release; run the db-apply verb first.", ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
