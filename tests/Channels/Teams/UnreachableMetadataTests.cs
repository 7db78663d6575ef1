using System.Net;
using System.Net.Sockets;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Channels.Teams;

/// <summary>When the channel's signing keys cannot be fetched, Teams is told to retry later, not that the bot failed.</summary>
public sealed class UnreachableMetadataTests(PostgresServer server) : TeamsContext(server)
{
    protected override string MetadataUrl(FakeBotService fake) => $"http://127.0.0.1:{ClosedPort()}/v1/.well-known/openidconfiguration";

    [Fact]
    public async Task A_message_is_answered_503_with_retry_after_and_nothing_is_written()
    {
        var conversation = NewConversation();

        var response = await Post(Message(conversation, "帮助"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("application/problem+json", response.Content.Headers.ContentType?.ToString());
        Assert.Empty(await Outbox(conversation));
        Assert.Null(await Reference(conversation));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
