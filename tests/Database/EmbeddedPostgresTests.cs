using Assistant.Bot.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Assistant.Tests.Database;

public sealed class EmbeddedPostgresTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "youqiubiying-embedded-" + Guid.NewGuid().ToString("N")[..8]);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<EmbeddedPostgres> Start(string? bin = null) =>
        EmbeddedPostgres.Start(new EmbeddedPostgresSettings(_root, bin, "assistant"), NullLogger.Instance, Cancel);

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
    public async Task The_cluster_takes_passwords_only_and_keeps_its_password_file_private()
    {
        await using var server = await Start();

        var withoutPassword = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Password = "" }.ConnectionString;
        await Assert.ThrowsAnyAsync<Exception>(() => Execute(withoutPassword, "select 1"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_root, "password")));
        Assert.Equal("127.0.0.1", await Scalar(server.ConnectionString, "select current_setting('listen_addresses')"));
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
