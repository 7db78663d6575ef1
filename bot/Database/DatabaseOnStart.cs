using Assistant.Dialogs.Desk.Departments;
using Marten;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Database;

/// <summary>
/// Makes the database ready before anything is served: with Database:ApplyChangesOnStart (the default, right for
/// the embedded database) it creates or updates the tables; without it, it only checks that db-apply has been run.
/// Then it gives older tickets their scope columns and seeds the departments. Runs once, whether called before the host starts or as a hosted service.
/// </summary>
public sealed class DatabaseOnStart(IDocumentStore store, IOptions<DatabaseOptions> options, SeedDepartments seed, Dialogs.Desk.DeskRulesSource rules) : IHostedService
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _done;

    public async Task Prepare(CancellationToken cancellation)
    {
        await _once.WaitAsync(cancellation);
        try
        {
            if (_done)
            {
                return;
            }

            if (options.Value.ApplyChangesOnStart)
            {
                await store.Storage.Database.ApplyAllConfiguredChangesToDatabaseAsync(ct: cancellation);
            }
            else
            {
                await AssertSchema(cancellation);
            }

            await Dialogs.Desk.DeskStore.FillScopeColumns(store, cancellation);
            await seed.Populate(store, cancellation);
            await rules.Reload(store, cancellation);
            _done = true;
        }
        finally
        {
            _once.Release();
        }
    }

    private async Task AssertSchema(CancellationToken cancellation)
    {
        try
        {
            await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync(cancellation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DatabaseNotReadyException(
                $"数据库中的表结构（schema “{options.Value.Schema}”）与当前版本不一致，或尚未创建。" + Environment.NewLine +
                "生产环境关闭了 Database:ApplyChangesOnStart，请先运行一次：dotnet Assistant.Bot.dll db-apply" + Environment.NewLine +
                "The database schema does not match this release; run the db-apply verb first.", ex);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Prepare(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The database exists but is not prepared for this release; the message says which command fixes it.</summary>
public sealed class DatabaseNotReadyException(string message, Exception inner) : Exception(message, inner);
