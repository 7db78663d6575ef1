using System.Net;
using System.Text.Json;
using Assistant.Bot;
using Assistant.Bot.Database;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Tests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Host;

/// <summary>The host in process, on the test server, with the root appsettings.json it ships with.</summary>
public sealed class HostTests(PostgresServer server) : IAsyncLifetime
{
    private readonly WebApplicationFactory<Program> _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
    {
        host.UseSetting("ConnectionStrings:Marten", server.ConnectionString);
        host.UseSetting("Database:Schema", PostgresServer.NewSchema("host"));
    });

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Ready_means_the_database_answers_and_the_calendar_covers_this_year()
    {
        using var client = _factory.CreateClient();

        var live = await client.GetAsync("/health/live", Cancel);
        var ready = await client.GetAsync("/health/ready", Cancel);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(Cancel));
        var checks = body.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("description").GetString());
        Assert.Equal("数据库连接正常", checks["database"]);
        Assert.NotNull(checks["calendar"]);
    }

    [Fact]
    public async Task With_a_connection_string_the_host_uses_that_server_and_seeds_the_departments_of_the_root_configuration()
    {
        using var client = _factory.CreateClient();
        await client.GetAsync("/health/ready", Cancel);

        Assert.False(_factory.Services.GetRequiredService<DatabaseEndpoint>().IsEmbedded);
        await using var session = _factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var names = (await session.Query<Department>().ToListAsync(Cancel)).Select(d => d.Name).ToHashSet();
        Assert.Equal(9, names.Count);
        Assert.Contains("营商环境服务中心", names);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
