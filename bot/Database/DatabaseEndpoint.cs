using Microsoft.Extensions.Options;

namespace Assistant.Bot.Database;

/// <summary>
/// The database the host uses: the server named by ConnectionStrings:Marten, or else an embedded cluster that this
/// service starts first (it is the first hosted service) and stops last, when the host stops.
/// </summary>
public sealed class DatabaseEndpoint(IConfiguration configuration, IOptions<DatabaseOptions> options, ILogger<DatabaseEndpoint> logger)
    : IHostedService, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private EmbeddedPostgres? _embedded;
    private string? _connectionString;

    public bool IsEmbedded => _embedded is not null;

    /// <summary>Starts the embedded cluster on first use when no connection string is configured.</summary>
    public string ConnectionString
    {
        get
        {
            lock (_gate)
            {
                return _connectionString ??= Resolve();
            }
        }
    }

    private string Resolve()
    {
        var configured = configuration.GetConnectionString("Marten");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var embedded = options.Value.Embedded;
        var settings = new EmbeddedPostgresSettings(embedded.ResolvedDataDirectory(), NullIfEmpty(embedded.BinDirectory), embedded.Database, embedded.Port);

        // Runs once, while the host starts; nothing can be served before the database exists.
        _embedded = EmbeddedPostgres.Start(settings, logger, CancellationToken.None).GetAwaiter().GetResult();
        return _embedded.ConnectionString;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = ConnectionString;
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        EmbeddedPostgres? embedded;
        lock (_gate)
        {
            embedded = _embedded;
            _embedded = null;
        }

        if (embedded is not null)
        {
            await embedded.DisposeAsync();
        }
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
