using Assistant.Tests.Infrastructure;
using Npgsql;

namespace Assistant.Tests.Host;

/// <summary>The demo verb fills a database so that a newcomer's console is alive at first look, once.</summary>
public sealed class DemoVerbTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_adds_accounts_with_a_printed_password_and_three_hundred_requests_in_every_state_once()
    {
        var schema = PostgresServer.NewSchema("demo");
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Marten"] = server.ConnectionString, ["Database__Schema"] = schema };

        await using (var demo = HostProcess.Start(environment, "demo"))
        {
            Assert.Equal(0, await demo.Exit(TimeSpan.FromMinutes(5)));
            Assert.Matches("已添加演示数据：300 件诉求、\\d+ 个账号。打开 /console，用以下账号登录，统一密码：[A-Za-z0-9]{14}", demo.Output);
            Assert.Contains("natural-resources.clerk", demo.Output, StringComparison.Ordinal);
        }

        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var statuses = new NpgsqlCommand($"select count(distinct status), count(*) from {schema}.mt_doc_ticket", connection);
        await using (var reader = await statuses.ExecuteReaderAsync(Cancel))
        {
            await reader.ReadAsync(Cancel);
            Assert.True(reader.GetInt64(0) >= 6, $"{reader.GetInt64(0)} statuses");
            Assert.Equal(300, reader.GetInt64(1));
        }

        await using var again = HostProcess.Start(environment, "demo");
        Assert.Equal(0, await again.Exit(TimeSpan.FromMinutes(2)));
        Assert.Contains("演示数据已经存在，未重复添加。", again.Output, StringComparison.Ordinal);
    }
}
