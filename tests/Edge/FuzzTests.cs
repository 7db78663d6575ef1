using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Assistant.Tests.Infrastructure;
using Npgsql;

namespace Assistant.Tests.Edge;

/// <summary>
/// The committed fuzz run: a few thousand seeded bad requests against every public endpoint of the real host in its
/// own process. None may be answered 500, none 503 (the database is up, so a 503 would be a bad request mistaken
/// for an outage), none may show a stack trace, a refused request stores nothing, and the host is healthy after.
/// </summary>
public sealed class FuzzTests(PostgresServer server, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 20261202;
    private const int Cases = 2500;
    private readonly string _schema = PostgresServer.NewSchema("fuzz");
    private HostProcess _host = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = HostProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = server.ConnectionString,
            ["Database__Schema"] = _schema,
            ["DirectLine__Secret"] = "fuzz-secret",
            // The rate limits have a test of their own; here they would turn most cases into 429s.
            ["RateLimits__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        await _host.WaitUntilReady(TimeSpan.FromSeconds(120));
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Thousands_of_bad_requests_get_no_500_no_503_no_stack_trace_store_nothing_when_refused_and_leave_the_host_healthy()
    {
        var targets = await Targets();
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        await using var database = new NpgsqlConnection(server.ConnectionString);
        await database.OpenAsync(Cancel);
        foreach (var fuzz in new FuzzCases(Seed, targets).Take(Cases))
        {
            var before = await Stored(database);
            var response = await RawHttp.Send(_host.Port, fuzz.Method, fuzz.Target, fuzz.Headers, fuzz.Body, fuzz.Chunked, Cancel);
            statuses[response.Status] = statuses.GetValueOrDefault(response.Status) + 1;
            if (response.Status is 0 or >= 500)
            {
                failures.Add($"{response.Status} for {fuzz}: {response.Body[..Math.Min(200, response.Body.Length)]}");
            }

            // The Web Chat bundle itself says "Exception"; what the host writes must not.
            var ownAnswer = !response.Head.Contains("javascript", StringComparison.OrdinalIgnoreCase);
            if (ownAnswer && (response.Body.Contains("   at ", StringComparison.Ordinal) || response.Body.Contains("Exception", StringComparison.Ordinal)))
            {
                failures.Add($"a stack trace for {fuzz}");
            }

            if (response.Status is >= 400 and < 500 && await Stored(database) != before)
            {
                failures.Add($"{response.Status} for {fuzz}, but something was stored");
            }
        }

        var sockets = await FuzzSockets(targets);
        var summary = $"fuzz: {Cases} requests (seed {Seed}) + {sockets} WebSocket cases; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}";
        output.WriteLine(summary);
        await WriteSummary(summary);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_host.Port}") };
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/health/ready", Cancel)).StatusCode);
        Assert.False(_host.HasExited);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
        Assert.DoesNotContain("Unhandled exception", _host.Output, StringComparison.Ordinal);
    }

    /// <summary>Sockets opened with forged tokens are refused; garbage frames on a real one are ignored, and it closes properly.</summary>
    private async Task<int> FuzzSockets(FuzzTargets targets)
    {
        var random = new Random(Seed);
        var cases = 0;
        foreach (var token in new[] { "", "garbage", targets.Token, targets.OtherToken, targets.StreamToken + "x" })
        {
            using var socket = new ClientWebSocket();
            var refused = await Assert.ThrowsAnyAsync<WebSocketException>(() =>
                socket.ConnectAsync(new Uri($"ws://127.0.0.1:{_host.Port}/v3/directline/conversations/{targets.ConversationId}/stream?t={Uri.EscapeDataString(token)}"), Cancel));
            Assert.Contains("403", refused.Message, StringComparison.Ordinal);
            cases++;
        }

        for (var round = 0; round < 12; round++)
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_host.Port}") };
            http.DefaultRequestHeaders.Authorization = new("Bearer", targets.Token);
            var reconnect = JsonDocument.Parse(await http.GetStringAsync($"/v3/directline/conversations/{targets.ConversationId}", Cancel)).RootElement;
            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(reconnect.GetProperty("streamUrl").GetString()!), Cancel);
            // Even rounds send what a client may (pings, text, binary); odd rounds break the protocol (text that is
            // not UTF-8), after which the server may close the connection at once.
            var violate = round % 2 == 1;
            try
            {
                for (var frame = 0; frame < 5; frame++, cases++)
                {
                    var bytes = violate ? [0x7B, 0xFF, 0xFE, 0xC0] : Encoding.UTF8.GetBytes(frame == 0 ? "" : new string('x', random.Next(0, 70_000)));
                    await socket.SendAsync(bytes, violate || random.Next(2) == 0 ? WebSocketMessageType.Text : WebSocketMessageType.Binary, endOfMessage: true, Cancel);
                }

                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", Cancel);
                var buffer = new byte[256 * 1024];
                using var patience = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
                patience.CancelAfter(TimeSpan.FromSeconds(30));
                while ((await socket.ReceiveAsync(buffer, patience.Token)).MessageType != WebSocketMessageType.Close)
                {
                }

                Assert.Equal(WebSocketState.Closed, socket.State);
            }
            catch (WebSocketException) when (violate)
            {
                // Closed by the server for the protocol violation: right.
            }
        }

        return cases;
    }

    private async Task<FuzzTargets> Targets()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_host.Port}") };
        async Task<(string Id, string Token, string Stream)> Conversation()
        {
            var session = JsonDocument.Parse(await (await http.PostAsJsonAsync("/api/webchat/session", new { }, Cancel)).Content.ReadAsStringAsync(Cancel)).RootElement;
            var token = session.GetProperty("token").GetString()!;
            var id = session.GetProperty("conversationId").GetString()!;
            using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Headers = { Authorization = new("Bearer", token) }, Content = JsonContent.Create(new { }) };
            var started = JsonDocument.Parse(await (await http.SendAsync(start, Cancel)).Content.ReadAsStringAsync(Cancel)).RootElement;
            var stream = started.GetProperty("streamUrl").GetString()!;
            return (id, token, Uri.UnescapeDataString(stream[(stream.IndexOf("&t=", StringComparison.Ordinal) + 3)..]));
        }

        var mine = await Conversation();
        var other = await Conversation();
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("{\"type\":\"message\"}", Encoding.UTF8, "application/json"), "activity", "blob");
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4 fuzz")) { Headers = { ContentType = new("application/pdf") } }, "file", "x.pdf");
        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{mine.Id}/upload") { Headers = { Authorization = new("Bearer", mine.Token) }, Content = form };
        (await http.SendAsync(upload, Cancel)).EnsureSuccessStatusCode();
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var file = new NpgsqlCommand($"select id from {_schema}.mt_doc_uploadedfile limit 1", connection);
        return new FuzzTargets(mine.Id, mine.Token, mine.Stream, other.Id, other.Token, "fuzz-secret", (string)(await file.ExecuteScalarAsync(Cancel))!);
    }

    /// <summary>Rows in every table a request can write to.</summary>
    private async Task<long> Stored(NpgsqlConnection connection)
    {
        var tables = new[] { "mt_doc_directlineconversation", "mt_doc_transcriptactivity", "mt_doc_uploadedfile", "mt_doc_conversationstate", "mt_doc_userprofile", "mt_doc_spentstreamtoken", "mt_doc_lookupfailure", "mt_streams" };
        await using var count = new NpgsqlCommand("select " + string.Join(" + ", tables.Select(t => $"(select count(*) from {_schema}.{t})")), connection);
        return (long)(await count.ExecuteScalarAsync(Cancel))!;
    }

    private static async Task WriteSummary(string summary)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "artifacts", "fuzz-summary.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, summary + Environment.NewLine, Cancel);
    }
}
