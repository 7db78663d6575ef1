using Assistant.Tests.Infrastructure;
using Npgsql;

namespace Assistant.Tests.Host;

/// <summary>The built host started the way the README starts it, in a process of its own.</summary>
public sealed class HostProcessTests(PostgresServer server) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "youqiubiying-host-" + Guid.NewGuid().ToString("N")[..8]);

    private Dictionary<string, string> Embedded => new()
    {
        ["ConnectionStrings__Marten"] = "",
        ["Database__Embedded__DataDirectory"] = _data,
    };

    [Fact]
    public async Task Without_a_connection_string_the_host_runs_its_own_database_and_stops_it_when_it_stops()
    {
        await using (var host = HostProcess.Start(Embedded))
        {
            var ready = await host.WaitUntilReady(Patience);
            Assert.Contains("数据库连接正常", ready, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(_data, "cluster", "postmaster.pid")));
            Assert.Equal(["assistant"], await RolesConnectedToTheHostsDatabase());

            Assert.Equal(0, await host.Terminate(Patience));
            Assert.Contains("Seeded 9 departments", host.Output, StringComparison.Ordinal);
        }

        // PostgreSQL removes its pid file only on a clean shutdown.
        Assert.False(File.Exists(Path.Combine(_data, "cluster", "postmaster.pid")));

        await using var again = HostProcess.Start(Embedded);
        await again.WaitUntilReady(Patience);
        Assert.Equal(0, await again.Terminate(Patience));
        Assert.DoesNotContain("Seeded", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_PostgreSQL_programs_the_host_says_how_to_install_them_and_exits_non_zero()
    {
        var environment = Embedded;
        environment["Database__Embedded__BinDirectory"] = Directory.CreateDirectory(Path.Combine(_data, "empty-bin")).FullName;

        await using var host = HostProcess.Start(environment);

        Assert.Equal(2, await host.Exit(Patience));
        Assert.Contains("apt-get install postgresql", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_mode_the_host_refuses_an_unprepared_database_until_db_apply_has_run()
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = server.ConnectionString,
            ["Database__Schema"] = PostgresServer.NewSchema("prod"),
            ["Database__ApplyChangesOnStart"] = "false",
        };

        await using (var unprepared = HostProcess.Start(environment))
        {
            Assert.NotEqual(0, await unprepared.Exit(Patience));
            Assert.Contains("db-apply", unprepared.Output, StringComparison.Ordinal);
        }

        await using (var apply = HostProcess.Start(environment, "db-apply"))
        {
            Assert.Equal(0, await apply.Exit(Patience));
        }

        await using var host = HostProcess.Start(environment);
        await host.WaitUntilReady(Patience);
    }

    /// <summary>Who the host's own connections log in as, asked as the embedded cluster's superuser.</summary>
    private async Task<List<string>> RolesConnectedToTheHostsDatabase()
    {
        var pidFile = await File.ReadAllLinesAsync(Path.Combine(_data, "cluster", "postmaster.pid"));
        var superuser = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = int.Parse(pidFile[3], System.Globalization.CultureInfo.InvariantCulture),
            Username = "postgres",
            Password = (await File.ReadAllTextAsync(Path.Combine(_data, "password"))).Trim(),
            Database = "postgres",
        };
        await using var connection = new NpgsqlConnection(superuser.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select distinct usename::text from pg_stat_activity where datname = 'assistant' and backend_type = 'client backend'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var roles = new List<string>();
        while (await reader.ReadAsync())
        {
            roles.Add(reader.GetString(0));
        }

        return roles;
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
