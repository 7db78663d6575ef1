using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Channels.DirectLine;

/// <summary>
/// WebSockets end properly: when the host stops they are closed at once with 1001 (going away) instead of holding the
/// stop for half a minute, and when the database goes away they are closed with 1013 (try again later), which Web Chat
/// answers by reconnecting. The host runs in its own process on its own embedded database.
/// </summary>
public sealed class SocketLifecycleTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "youqiubiying-sockets-" + Guid.NewGuid().ToString("N")[..8]);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stopping_the_host_closes_open_sockets_with_going_away_and_does_not_wait_for_them()
    {
        await using var host = await Start();
        using var socket = await OpenSocket(host);

        var stopping = Stopwatch.StartNew();
        var exit = host.Terminate(Patience);
        var status = await CloseStatus(socket);
        Assert.Equal(0, await exit);
        output.WriteLine($"stopped in {stopping.Elapsed.TotalSeconds:0.0} s with a socket open");

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, status);
    }

    [Fact]
    public async Task When_the_database_goes_away_sockets_close_with_try_again_later()
    {
        await using var host = await Start();
        using var socket = await OpenSocket(host);

        // An immediate shutdown of the embedded server, as a crash or a failover would look to the host.
        var postmaster = (await File.ReadAllLinesAsync(Path.Combine(_data, "cluster", "postmaster.pid"), Cancel))[0].Trim();
        using (var kill = Process.Start("kill", ["-QUIT", postmaster]))
        {
            await kill.WaitForExitAsync(Cancel);
        }

        Assert.Equal((WebSocketCloseStatus)1013, await CloseStatus(socket));
        Assert.True(await host.Wrote("WebSockets are closed with 1013", TimeSpan.FromSeconds(30)), host.Output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A server that was killed may still be releasing its files.
        }
    }

    private async Task<HostProcess> Start()
    {
        var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = "",
            ["Database__Embedded__DataDirectory"] = _data,
        });
        await host.WaitUntilReady(Patience);
        return host;
    }

    private static async Task<ClientWebSocket> OpenSocket(HostProcess host)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}") };
        var session = JsonDocument.Parse(await (await http.PostAsJsonAsync("/api/webchat/session", new { }, Cancel)).Content.ReadAsStringAsync(Cancel)).RootElement;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations")
        {
            Headers = { Authorization = new("Bearer", session.GetProperty("token").GetString()) },
            Content = JsonContent.Create(new { }),
        };
        var started = JsonDocument.Parse(await (await http.SendAsync(start, Cancel)).Content.ReadAsStringAsync(Cancel)).RootElement;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), Cancel);
        var buffer = new byte[64 * 1024];
        while ((await socket.ReceiveAsync(buffer, Cancel)).Count == 0)
        {
            // Wait for the backlog (the welcome): the socket is then fully served.
        }

        return socket;
    }

    private static async Task<WebSocketCloseStatus?> CloseStatus(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var within = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        within.CancelAfter(TimeSpan.FromSeconds(60));
        while ((await socket.ReceiveAsync(buffer, within.Token)).MessageType != WebSocketMessageType.Close)
        {
        }

        return socket.CloseStatus;
    }
}
