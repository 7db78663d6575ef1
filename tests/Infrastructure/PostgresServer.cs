using Assistant.Bot.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

[assembly: AssemblyFixture(typeof(Assistant.Tests.Infrastructure.PostgresServer))]

// The tests drive local PostgreSQL programs and Unix processes, as the product does on its Linux servers.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace Assistant.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server for the whole test run: the server named by ASSISTANT_TEST_POSTGRES (a connection string),
/// or else a throwaway cluster made with the same embedded mechanism the host uses. Every test class works in a
/// schema of its own, so classes run in parallel without seeing each other's data.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string Variable = "ASSISTANT_TEST_POSTGRES";
    private EmbeddedPostgres? _embedded;

    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            return;
        }

        var root = Path.Combine(Path.GetTempPath(), "youqiubiying-tests-" + Guid.NewGuid().ToString("N")[..8]);
        _embedded = await EmbeddedPostgres.Start(new EmbeddedPostgresSettings(root, Database: "tests", Ephemeral: true), NullLogger.Instance, CancellationToken.None);
        ConnectionString = _embedded.SuperuserConnectionString;
    }

    /// <summary>A fresh schema name; nothing is ever shared between two callers.</summary>
    public static string NewSchema(string prefix) =>
        $"{new string(prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray())}_{Guid.NewGuid().ToString("N")[..10]}";

    public async Task<long> Count(string schema, string table)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from {schema}.{table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_embedded is not null)
        {
            await _embedded.DisposeAsync();
        }
    }
}
