using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Assistant.Bot;
using Assistant.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Assistant.Tests.Channels.Teams;

/// <summary>The host as it ships, with Teams off: /api/messages is not there, rather than down for a while.</summary>
public sealed class TeamsSwitchedOffTests(PostgresServer server) : IAsyncLifetime
{
    private readonly WebApplicationFactory<Program> _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
    {
        host.UseSetting("ConnectionStrings:Marten", server.ConnectionString);
        host.UseSetting("Database:Schema", PostgresServer.NewSchema("teamsoff"));
    });

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_message_is_answered_404_with_a_polite_problem_and_no_retry_after()
    {
        using var client = _factory.CreateClient();
        using var content = new StringContent("""{"type":"message","text":"帮助"}""", Encoding.UTF8, "application/json");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "any");

        var response = await client.PostAsync("/api/messages", content, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("抱歉，本服务未启用 Teams 渠道。", body.RootElement.GetProperty("title").GetString());
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
