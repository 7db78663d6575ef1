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
        var hostIsRoot = !OperatingSystem.IsWindows() && Environment.IsPrivilegedProcess;
        var directory = embedded.ResolvedDataDirectory(hostIsRoot);
        if (hostIsRoot && string.IsNullOrWhiteSpace(embedded.DataDirectory))
        {
            MoveEarlierCluster(DatabaseOptions.EmbeddedOptions.UserDefault, directory, logger);
        }

        var settings = new EmbeddedPostgresSettings(directory, NullIfEmpty(embedded.BinDirectory), embedded.Database, embedded.Port, Schema: options.Value.Schema);

        // Runs once, while the host starts; nothing can be served before the database exists.
        _embedded = EmbeddedPostgres.Start(settings, logger, CancellationToken.None).GetAwaiter().GetResult();
        return _embedded.ConnectionString;
    }

    /// <summary>Earlier versions kept root's cluster in root's home, which the server's account cannot enter.</summary>
    internal static void MoveEarlierCluster(string earlier, string target, ILogger logger)
    {
        if (!Directory.Exists(Path.Combine(earlier, "cluster")))
        {
            return;
        }

        if (Directory.Exists(target))
        {
            logger.LogWarning("{Earlier} holds an embedded database of an earlier version; it is left as it is and {Target} is used.", earlier, target);
            return;
        }

        logger.LogWarning("Moving the embedded database from {Earlier} to {Target}, where its unprivileged server can reach it.", earlier, target);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);

            // Held while moving, so that a host of the earlier version still using the folder keeps it.
            using (new FileStream(Path.Combine(earlier, "host.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
            {
                Directory.Move(earlier, target);
            }
        }
        catch (IOException ex)
        {
            throw new EmbeddedPostgresException(
                $"内置数据库已从 {earlier} 改放到 {target}（root 的主目录不允许数据库的运行用户进入），但无法自动移动：{ex.Message}" + Environment.NewLine +
                "请停止仍在使用它的实例后手动移动该目录，或把 Database:Embedded:DataDirectory 设为 root 主目录以外的目录。" + Environment.NewLine +
                $"The embedded database now lives in {target}; move {earlier} there by hand, or set Database:Embedded:DataDirectory.", ex);
        }
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
