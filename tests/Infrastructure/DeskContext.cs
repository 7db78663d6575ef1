using Assistant.Dialogs;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Tickets;
using Marten;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Tests.Infrastructure;

/// <summary>
/// The desk on real PostgreSQL for one test class: its own schema, the shipped configuration, and a clock that
/// stands at Monday 23 November 2026, 10:00 Beijing time until a test moves it. Data is reset before each test.
/// </summary>
public abstract class DeskContext(PostgresServer server) : IAsyncLifetime
{
    public static readonly DateTimeOffset Monday10 = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private DocumentStore? _store;

    protected PostgresServer Server => server;

    protected string Schema { get; } = PostgresServer.NewSchema("desk");

    private FakeTimeProvider? _clock;

    protected FakeTimeProvider Clock => _clock ??= new(Start);

    /// <summary>Where the clock stands when a test starts.</summary>
    protected virtual DateTimeOffset Start => Monday10;

    protected DocumentStore Store => _store ?? throw new InvalidOperationException("Not initialised.");

    protected DeskRules Rules { get; } = Shipped.Rules();

    protected TicketDesk Desk => new(Store, Rules, Clock);

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        _store = DocumentStore.For(o =>
        {
            o.Connection(server.ConnectionString);
            o.ConfigureAssistant(Schema);
        });
        await _store.Storage.Database.ApplyAllConfiguredChangesToDatabaseAsync(ct: Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected async Task<Ticket> Submitted(SubmitTicket? request = null)
    {
        var result = await Desk.Submit(request ?? Requests.Land(), Cancel);
        Assert.True(result.IsAccepted, result.Rejection?.Message);
        return result.Ticket!;
    }

    protected async Task<long> EventCount() => await Server.Count(Schema, "mt_events");
}
