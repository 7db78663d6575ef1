using Assistant.Dialogs;
using Assistant.Bot;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Dialogs.State;
using Assistant.Tests.Infrastructure;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Tests.Database;

/// <summary>What the host logs when hosts race each other on the shared database, and when the database really fails.</summary>
public sealed class MartenLogTests(PostgresServer server) : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private WebApplicationFactory<Program> _factory = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IDocumentStore Store => _factory.Services.GetRequiredService<IDocumentStore>();

    public ValueTask InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:Marten", server.ConnectionString);
            host.UseSetting("Database:Schema", PostgresServer.NewSchema("log"));
            host.UseSetting("Logging:LogLevel:Marten", "Debug");
            host.ConfigureLogging(logging => logging.AddProvider(_logs));
        });
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Losing_a_race_to_another_host_is_no_error_in_the_log()
    {
        // Active just now, so the host's retention sweep leaves it alone.
        var now = _factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await Assert.ThrowsAsync<DocumentAlreadyExistsException>(() => BothInsert(new ConversationState { Id = "webchat|conv-race", LastActivityAt = now }));
        await Assert.ThrowsAsync<ConcurrencyException>(() => BothUpdate("webchat|conv-race"));
        Assert.True(StoreConflicts.IsStreamCollision(await Assert.ThrowsAnyAsync<Exception>(() => BothFile("webchat|conv-race|0000002"))));

        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Warning && !IsFirstAdministrator(e));
        // The insert and the stale update are caught by Marten's own checks; the second filing fails in PostgreSQL.
        var race = Assert.Single(_logs.Entries, e => e.Message.StartsWith("Another host", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Debug, race.Level);
        Assert.Null(race.Exception);
    }

    [Fact]
    public async Task A_real_database_failure_is_logged_once_as_an_error_with_its_cause()
    {
        await using var session = Store.LightweightSession();
        session.QueueSqlCommand("insert into no_such_table values (1)");
        session.Insert(new ConversationState { Id = "webchat|conv-broken" });

        await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync(Cancel));

        var error = Assert.Single(_logs.Entries, e => e.Level >= LogLevel.Warning && !IsFirstAdministrator(e));
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
        Assert.IsType<Npgsql.PostgresException>(error.Exception);
    }

    // A fresh database gets its first administrator, whose one-time password is meant to stand out in the log.
    private static bool IsFirstAdministrator(CapturedLogs.Entry entry) => entry.Category == typeof(Bot.SignIn.FirstAdministrator).FullName;

    // Two hosts see no conversation yet and both create it.
    private async Task BothInsert(ConversationState state)
    {
        await using (var first = Store.LightweightSession())
        {
            first.Insert(state);
            await first.SaveChangesAsync(Cancel);
        }

        await using var second = Store.LightweightSession();
        second.Insert(new ConversationState { Id = state.Id, LastActivityAt = state.LastActivityAt });
        await second.SaveChangesAsync(Cancel);
    }

    // Two hosts read the same version and both save over it.
    private async Task BothUpdate(string id)
    {
        await using var first = Store.LightweightSession();
        await using var second = Store.LightweightSession();
        var mine = await first.LoadAsync<ConversationState>(id, Cancel);
        var theirs = await second.LoadAsync<ConversationState>(id, Cancel);
        first.Store(mine!);
        await first.SaveChangesAsync(Cancel);
        second.Store(theirs!);
        await second.SaveChangesAsync(Cancel);
    }

    // Two hosts file the same submission at once: the ticket's stream is started twice.
    private async Task BothFile(string submissionKey)
    {
        var desk = _factory.Services.GetRequiredService<TicketDesk>();
        await using var first = Store.LightweightSession();
        await using var second = Store.LightweightSession();
        await desk.Submit(first, Requests.Land(key: submissionKey), Cancel);
        await desk.Submit(second, Requests.Land(key: submissionKey), Cancel);
        await first.SaveChangesAsync(Cancel);
        await second.SaveChangesAsync(Cancel);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
