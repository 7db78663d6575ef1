using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Assistant.Benchmarks;

/// <summary>
/// Drives many conversations through the whole submit flow against a real host process (its own embedded PostgreSQL,
/// durable): over Direct Line posts (the POST returns once the turn is committed), and over Direct Line with the
/// WebSocket open (latency until the turn's last reply arrives on the socket). Reports turns/s and p50/p99 at 1, 16
/// and 64 concurrent conversations.
/// </summary>
public static class LoadTool
{
    private const string Secret = "load-tool-secret";

    private static readonly string[] Script =
        ["招20个普工，下个月要到岗", "普工、焊工", "泰州宏力重工有限公司", "跳过", "张伟", "13606182453", "确认提交"];

    public static async Task<int> Run(string[] args)
    {
        var perLevel = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 64;
        var levels = args.Length > 1 ? args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1, 16, 64];
        var data = Path.Combine(Path.GetTempPath(), "youqiubiying-load-" + Guid.NewGuid().ToString("N")[..8]);
        var port = FreePort();
        using var host = StartHost(port, data);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"host process {host.Id}, port {port}"));
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            await Ready(http);
            // Tiered compilation keeps re-compiling hot methods for the first tens of seconds; measure after it settles.
            await Level("warm-up", 16, 400, () => Conversation(http, port, socket: false));
            await Level("warm-up", 16, 400, () => Conversation(http, port, socket: true));
            foreach (var socket in new[] { false, true })
            {
                foreach (var concurrency in levels)
                {
                    await Level($"directline {(socket ? "websocket" : "http")}, {concurrency} concurrent", concurrency, Math.Max(perLevel, concurrency), () => Conversation(http, port, socket));
                }
            }
        }
        finally
        {
            host.Kill(entireProcessTree: false);
            using (var term = Process.Start("kill", ["-TERM", host.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            await host.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }

        return 0;
    }

    private static async Task Level(string label, int concurrency, int conversations, Func<Task<List<double>>> conversation)
    {
        var latencies = new List<double>();
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= conversations)
            {
                var measured = await conversation();
                lock (latencies)
                {
                    latencies.AddRange(measured);
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {conversations} conversations, {latencies.Count} turns in {seconds:0.00} s = {latencies.Count / seconds:0} turns/s; {Latency.Describe(latencies)}"));
    }

    /// <summary>One enterprise from token to ticket; returns the latency of each turn in milliseconds.</summary>
    private static async Task<List<double>> Conversation(HttpClient http, int port, bool socket)
    {
        var user = "dl_load" + Guid.NewGuid().ToString("N")[..12];
        using var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate") { Content = JsonContent.Create(new { user = new { id = user } }) };
        generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        var token = (await Json(await http.SendAsync(generate))).GetProperty("token").GetString()!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = JsonContent.Create(new { locale = "zh-CN" }) };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = await Json(await http.SendAsync(start));
        var conversationId = started.GetProperty("conversationId").GetString()!;

        using var ws = socket ? new ClientWebSocket() : null;
        if (ws is not null)
        {
            await ws.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), CancellationToken.None);
        }

        var latencies = new List<double>();
        for (var i = 0; i < Script.Length; i++)
        {
            var began = Stopwatch.GetTimestamp();
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
            {
                Content = JsonContent.Create(new { type = "message", text = Script[i], locale = "zh-CN", channelData = new { clientActivityID = $"load-{i}" } }),
            };
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var echoId = (await Json(await http.SendAsync(post))).GetProperty("id").GetString()!;
            if (ws is not null)
            {
                await ReplyTo(ws, echoId);
            }

            latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }

        return latencies;
    }

    // Reads frames until a bot reply to the given activity has arrived (the bot sends its replies in one commit).
    private static async Task ReplyTo(ClientWebSocket ws, string echoId)
    {
        var buffer = new byte[512 * 1024];
        while (true)
        {
            var count = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await ws.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None);
                count += result.Count;
            }
            while (!result.EndOfMessage);

            if (count == 0)
            {
                continue;
            }

            using var frame = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, count));
            if (frame.RootElement.TryGetProperty("activities", out var activities)
                && activities.EnumerateArray().Any(a => a.TryGetProperty("replyToId", out var r) && r.GetString() == echoId))
            {
                return;
            }
        }
    }

    private static Process StartHost(int port, string data)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(BotAssembly());
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Marten"] = "";
        start.Environment["Database__Embedded__DataDirectory"] = data;
        start.Environment["DirectLine__Secret"] = Secret;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("[host] " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task Ready(HttpClient http)
    {
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // starting
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The host did not become ready.");
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement.Clone() : throw new HttpRequestException($"{(int)response.StatusCode}: {body}");
    }

    private static string BotAssembly()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var release = Path.Combine(dir.FullName, "bot", "bin", "Release", "net10.0", "Assistant.Bot.dll");
            if (File.Exists(Path.Combine(dir.FullName, "Assistant.sln")))
            {
                return File.Exists(release) ? release : throw new FileNotFoundException("Build the host first: dotnet build -c Release bot", release);
            }
        }

        throw new DirectoryNotFoundException("Run from inside the repository.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
