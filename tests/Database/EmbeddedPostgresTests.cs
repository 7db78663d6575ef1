using System.Diagnostics;
using Assistant.Bot.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Assistant.Tests.Database;

public sealed class EmbeddedPostgresTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "youqiubiying-embedded-" + Guid.NewGuid().ToString("N")[..8]);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static bool HostIsRoot => Environment.IsPrivilegedProcess;

    private Task<EmbeddedPostgres> Start(string? bin = null, string schema = "assistant", string? root = null) =>
        EmbeddedPostgres.Start(new EmbeddedPostgresSettings(root ?? _root, bin, "assistant", Schema: schema), NullLogger.Instance, Cancel);

    [Fact]
    public async Task Data_written_before_a_restart_is_there_after_it()
    {
        await using (var first = await Start())
        {
            await Execute(first.ConnectionString, "create table notes(text text); insert into notes values ('签收前请先核对企业信息')");
        }

        await using var second = await Start();
        Assert.Equal("签收前请先核对企业信息", await Scalar(second.ConnectionString, "select text from notes"));
    }

    [Fact]
    public async Task The_cluster_takes_passwords_only_and_keeps_its_password_files_private()
    {
        await using var server = await Start();

        var withoutPassword = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Password = "" }.ConnectionString;
        await Assert.ThrowsAnyAsync<Exception>(() => Execute(withoutPassword, "select 1"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_root, "password")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_root, "application-password")));
        Assert.Equal("127.0.0.1", await Scalar(server.ConnectionString, "select current_setting('listen_addresses')"));
    }

    [Fact]
    public async Task The_server_never_runs_as_root()
    {
        await using var server = await Start();

        Assert.All(ServerIds(server, "Uid"), uid => Assert.NotEqual(0, uid));
    }

    [Fact]
    public async Task As_root_the_server_runs_as_an_ordinary_user_who_owns_the_cluster_but_cannot_read_the_hosts_passwords()
    {
        Assert.SkipUnless(HostIsRoot, "Only a host running as root runs the server as another user.");
        await using var server = await Start();
        var (uid, gid) = (ServerIds(server, "Uid")[0], ServerIds(server, "Gid")[0]);

        Assert.Equal(0, await RunAs(uid, gid, "test", "-O", server.ClusterDirectory));
        Assert.Equal(0, await RunAs(uid, gid, "test", "-O", server.LogFile));
        Assert.NotEqual(0, await RunAs(uid, gid, "test", "-r", Path.Combine(_root, "password")));
        Assert.NotEqual(0, await RunAs(uid, gid, "test", "-r", Path.Combine(_root, "application-password")));
        Assert.Equal(["application-password", "cluster", "host.lock", "password", "server.log"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task The_application_role_owns_its_schema_only_and_cannot_run_programs_on_the_server()
    {
        await using var server = await Start();
        var marker = Path.Combine(Path.GetTempPath(), "youqiubiying-copy-" + Guid.NewGuid().ToString("N")[..8]);

        Assert.Equal("assistant", await Scalar(server.ConnectionString, "select current_user"));
        Assert.Equal("False", await Scalar(server.ConnectionString, "select rolsuper from pg_roles where rolname = current_user"));
        var program = await Assert.ThrowsAsync<PostgresException>(() => Execute(server.ConnectionString, $"copy (select 1) to program 'touch {marker}'"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, program.SqlState);
        Assert.False(File.Exists(marker));

        await Execute(server.ConnectionString, "create table assistant.notes(text text)");
        var schema = await Assert.ThrowsAsync<PostgresException>(() => Execute(server.ConnectionString, "create schema elsewhere"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, schema.SqlState);
    }

    [Fact]
    public async Task A_cluster_made_before_the_application_role_gets_one_that_owns_the_existing_tables()
    {
        await using (var earlier = await Start())
        {
            // What earlier versions left: no application role, and the schema and all in it the superuser's.
            await Execute(earlier.SuperuserConnectionString, """
                drop schema assistant; drop role assistant;
                create schema desk;
                create table desk.notes(id serial primary key, text text);
                insert into desk.notes(text) values ('签收前请先核对企业信息');
                create sequence desk.numbers;
                create function desk.answer() returns int language sql as 'select 42';
                """);
        }

        File.Delete(Path.Combine(_root, "application-password"));

        await using var server = await Start(schema: "desk");
        Assert.Equal("签收前请先核对企业信息", await Scalar(server.ConnectionString, "select text from desk.notes"));
        await Execute(server.ConnectionString, """
            alter table desk.notes add column signed boolean;
            insert into desk.notes(text, signed) values ('已签收', true);
            select nextval('desk.numbers'), desk.answer();
            create or replace function desk.answer() returns int language sql as 'select 43';
            """);
    }

    [Fact]
    public async Task As_root_a_cluster_that_an_earlier_version_left_owned_by_root_is_given_to_the_server()
    {
        Assert.SkipUnless(HostIsRoot, "Only a host running as root made clusters owned by root.");
        await using (var first = await Start())
        {
            await Execute(first.ConnectionString, "create table notes(text text); insert into notes values ('签收前请先核对企业信息')");
        }

        // Earlier versions ran the server as root in a user namespace, so every file they made is root's.
        Assert.Equal(0, await Run("chown", "-R", "0:0", _root));

        await using var second = await Start();
        Assert.All(ServerIds(second, "Uid"), uid => Assert.NotEqual(0, uid));
        Assert.Equal("签收前请先核对企业信息", await Scalar(second.ConnectionString, "select text from notes"));
    }

    [Fact]
    public async Task As_root_a_data_folder_the_server_cannot_reach_is_refused_with_what_to_set()
    {
        Assert.SkipUnless(HostIsRoot, "Only a host running as root runs the server as another user.");
        var closed = Directory.CreateDirectory(Path.Combine(_root, "closed"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute).FullName;

        var refused = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => Start(root: Path.Combine(closed, "postgres")));

        Assert.Contains("Database:Embedded:DataDirectory", refused.Message, StringComparison.Ordinal);
        Assert.Contains(DatabaseOptions.EmbeddedOptions.RootDefault, refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(closed, "postgres", "cluster")));
    }

    [Fact]
    public async Task A_second_host_on_the_same_data_folder_is_refused_with_a_clear_message()
    {
        await using var first = await Start();

        var refused = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => Start());

        Assert.Contains("正被另一个正在运行的实例使用", refused.Message, StringComparison.Ordinal);
        Assert.Equal("1", await Scalar(first.ConnectionString, "select 1"));
    }

    [Fact]
    public async Task Missing_server_programs_are_reported_with_how_to_install_them()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_root, "no-postgres")).FullName;

        var missing = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => Start(empty));

        Assert.Contains("apt-get install postgresql", missing.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "cluster")));
    }

    [Fact]
    public void The_binaries_are_found_on_this_machine_without_configuration() =>
        Assert.NotNull(PostgresBinaries.Locate(null));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>The postmaster's real, effective, saved and file-system user or group ids.</summary>
    private static int[] ServerIds(EmbeddedPostgres server, string kind)
    {
        var pid = File.ReadLines(Path.Combine(server.ClusterDirectory, "postmaster.pid")).First();
        var line = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith(kind + ":", StringComparison.Ordinal));
        return [.. line.Split('\t', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(int.Parse)];
    }

    private static Task<int> RunAs(int uid, int gid, params string[] command) =>
        Run(["setpriv", $"--reuid={uid}", $"--regid={gid}", "--clear-groups", .. command]);

    private static async Task<int> Run(params string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false };
        foreach (var arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync(Cancel);
        return process.ExitCode;
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancel);
    }

    private static async Task<string?> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync(Cancel))?.ToString();
    }
}
