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
/// WebSocket open (latency until the turn's reply arrives on the socket), and over /api/messages as Teams would send
/// them (latency until the reply reaches a fake Bot Connector). Reports turns/s and p50/p99 at 1, 16 and 64 concurrent
/// conversations.
/// </summary>
public static class LoadTool
{
    private const string Secret = "load-tool-secret";

    private static readonly string[] Cities = ["泰州", "常州", "无锡", "苏州", "南通", "扬州", "镇江", "盐城"];
    private static readonly string[] Trades = ["宏力重工", "恒泰精密", "博远数据", "瑞丰纺织", "华晨新材料"];

    /// <summary>
    /// One enterprise's request from need to ticket, as seven messages. The enterprise is one of forty, so most
    /// concurrent requests come from different enterprises, as on a real portal.
    /// </summary>
    private static string[] Script()
    {
        var company = $"{Cities[Random.Shared.Next(Cities.Length)]}{Trades[Random.Shared.Next(Trades.Length)]}有限公司";
        return ["招20个普工，下个月要到岗", "要普工和焊工，最好有经验的", company, "张伟", "13606182453", "电话改成13606182454", "确认提交"];
    }

    public static async Task<int> Run(string[] args)
    {
        // load [conversations-per-level] [levels…] [--only directline|teams] [--peer] [--variant NAME=VALUE,…] [--rounds N]
        var options = Options.Parse(args);
        var only = options.Only;
        var numbers = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        var perLevel = numbers.Length > 0 ? numbers[0] : 64;
        var levels = numbers.Length > 1 ? numbers[1..] : [1, 16, 64];
        if (only is "teams")
        {
            await Teams(perLevel, levels, options);
            return 0;
        }
        var data = Path.Combine(Path.GetTempPath(), "youqiubiying-load-" + Guid.NewGuid().ToString("N")[..8]);
        var port = FreePort();
        using var host = StartHost(port, data);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"host process {host.Id}, port {port}"));
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            await Ready(http);
            // Tiered compilation keeps re-compiling hot methods for the first tens of seconds; measure after it settles.
            await Level("warm-up", 16, 400, () => Conversation(http, port, socket: false), host.Id);
            await Level("warm-up", 16, 400, () => Conversation(http, port, socket: true), host.Id);
            foreach (var socket in new[] { false, true })
            {
                foreach (var concurrency in levels)
                {
                    await Level($"directline {(socket ? "websocket" : "http")}, {concurrency} concurrent", concurrency, Math.Max(perLevel, concurrency), () => Conversation(http, port, socket), host.Id);
                }
            }
        }
        finally
        {
            await Stop(host);
            Directory.Delete(data, recursive: true);
        }

        if (only is null or "teams")
        {
            await Teams(perLevel, levels, options);
        }
        return 0;
    }

    /// <summary>
    /// The /api/messages leg: the bot in its own process with Teams on, a fake Azure Bot Service here that signs the
    /// channel token and receives the replies. Latency is from the POST until the first reply reaches the connector.
    /// Others may run beside it against the same fake service with the same activities: the Bot Framework JavaScript
    /// SDK (<c>--peer</c>, tests/Benchmarks/peer) and our host with other runtime settings (<c>--variant
    /// DOTNET_TieredPGO=0,…</c>). Each level is then measured on each of them in turn, <c>--rounds</c> times, so
    /// they are compared in the same minutes.
    /// </summary>
    private static async Task Teams(int perLevel, int[] levels, Options options)
    {
        await using var fake = await FakeBotService.Start();
        var contestants = new List<Contestant>();
        try
        {
            contestants.Add(StartTeamsHost("teams /api/messages", fake, new Dictionary<string, string>()));
            if (options.Variant is { } variant)
            {
                contestants.Add(StartTeamsHost($"teams with {string.Join(' ', variant.Select(v => $"{v.Key}={v.Value}"))}", fake, variant));
            }

            if (options.Peer)
            {
                var port = FreePort();
                contestants.Add(new Contestant("peer: botbuilder-js CloudAdapter", StartPeer(port, fake.MetadataUrl), port, null));
            }

            foreach (var contestant in contestants)
            {
                await Ready(contestant.Http);
                await Level($"{contestant.Label}: warm-up", 16, 400, () => TeamsConversation(contestant.Http, fake), contestant.Process.Id);
            }

            for (var round = 1; round <= options.Rounds; round++)
            {
                foreach (var concurrency in levels)
                {
                    // Alternate the order, so that none always runs in the minutes after another's load.
                    foreach (var contestant in round % 2 == 1 ? contestants : Enumerable.Reverse(contestants))
                    {
                        var label = options.Rounds > 1 ? $"{contestant.Label}, {concurrency} concurrent, round {round}" : $"{contestant.Label}, {concurrency} concurrent";
                        await Level(label, concurrency, Math.Max(perLevel, concurrency), () => TeamsConversation(contestant.Http, fake), contestant.Process.Id);
                    }
                }
            }
        }
        finally
        {
            foreach (var contestant in contestants)
            {
                await Stop(contestant.Process);
                contestant.Dispose();
            }
        }
    }

    private static Contestant StartTeamsHost(string label, FakeBotService fake, Dictionary<string, string> environment)
    {
        var data = Path.Combine(Path.GetTempPath(), "youqiubiying-load-" + Guid.NewGuid().ToString("N")[..8]);
        var port = FreePort();
        var process = StartProcess(["exec", typeof(LoadTool).Assembly.Location, "teams-host", port.ToString(CultureInfo.InvariantCulture), data, fake.MetadataUrl], environment);
        return new Contestant(label, process, port, data);
    }

    /// <summary>A bot process under load: ours (with its data directory) or the peer.</summary>
    private sealed class Contestant(string label, Process process, int port, string? data) : IDisposable
    {
        public string Label { get; } = label;

        public Process Process { get; } = process;

        public HttpClient Http { get; } = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };

        public void Dispose()
        {
            Http.Dispose();
            Process.Dispose();
            if (data is not null && Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    /// <summary>The command line after the numbers.</summary>
    private sealed record Options(string? Only, bool Peer, Dictionary<string, string>? Variant, int Rounds)
    {
        public static Options Parse(string[] args)
        {
            string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
            var variant = Value("--variant")?.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "");
            var rounds = Value("--rounds") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 1;
            return new Options(Value("--only"), args.Contains("--peer"), variant, rounds);
        }
    }

    /// <summary>The JavaScript SDK's bot in Node, its packages installed from the committed lock file on first use.</summary>
    private static Process StartPeer(int port, string metadataUrl)
    {
        var directory = Path.Combine(Path.GetDirectoryName(BotAssembly())!, "..", "..", "..", "..", "tests", "Benchmarks", "peer");
        directory = Path.GetFullPath(directory);
        if (!Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            // botbuilder-dialogs' install script only tidies duplicated recognizer packages (with npx, which would ask).
            var install = new ProcessStartInfo("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"]) { WorkingDirectory = directory, UseShellExecute = false };
            using var npm = Process.Start(install)!;
            npm.WaitForExit();
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci failed in {directory}");
            }
        }

        return StartProcess("node", [Path.Combine(directory, "bot.js"), port.ToString(CultureInfo.InvariantCulture), metadataUrl, TeamsHost.AppId], new Dictionary<string, string>());
    }

    private static async Task<List<double>> TeamsConversation(HttpClient http, FakeBotService fake)
    {
        var conversation = "a:1" + Guid.NewGuid().ToString("N");
        var user = "29:1load-" + Guid.NewGuid().ToString("N")[..12];
        var latencies = new List<double>();
        var script = Script();
        for (var i = 0; i < script.Length; i++)
        {
            var id = $"1712{i}{Random.Shared.Next(100000, 999999)}";
            var began = Stopwatch.GetTimestamp();
            var replied = fake.ReplyTo(conversation, id);
            using var post = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
            {
                Content = JsonContent.Create(new
                {
                    type = "message",
                    id,
                    channelId = "msteams",
                    serviceUrl = fake.BaseUrl,
                    timestamp = DateTimeOffset.UtcNow,
                    from = new { id = user, name = "张伟", aadObjectId = Guid.NewGuid() },
                    recipient = new { id = "28:" + TeamsHost.AppId, name = "有求必应" },
                    conversation = new { id = conversation, conversationType = "personal", tenantId = TeamsHost.TenantId },
                    locale = "zh-CN",
                    text = script[i],
                }),
            };
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fake.Token);
            using var response = await http.SendAsync(post);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            await replied.WaitAsync(TimeSpan.FromSeconds(60));
            latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }

        return latencies;
    }

    internal static async Task Stop(Process host)
    {
        using (var term = Process.Start("kill", ["-TERM", host.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        await host.WaitForExitAsync();
    }

    private static async Task Level(string label, int concurrency, int conversations, Func<Task<List<double>>> conversation, int hostPid)
    {
        var latencies = new List<double>();
        var next = 0;
        var cpu = CpuMeter.Read(hostPid);
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
        var used = CpuMeter.Read(hostPid) - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {conversations} conversations, {latencies.Count} turns in {seconds:0.00} s = {latencies.Count / seconds:0} turns/s; {Latency.Describe(latencies)}"));
        Console.WriteLine("  " + used.PerTurn(latencies.Count));
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
        var script = Script();
        for (var i = 0; i < script.Length; i++)
        {
            var began = Stopwatch.GetTimestamp();
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
            {
                Content = JsonContent.Create(new { type = "message", text = script[i], locale = "zh-CN", channelData = new { clientActivityID = $"load-{i}" } }),
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

    private static Process StartHost(int port, string data) => StartProcess([BotAssembly()], new Dictionary<string, string>
    {
        ["Urls"] = $"http://127.0.0.1:{port}",
        ["ConnectionStrings__Marten"] = "",
        ["Database__Embedded__DataDirectory"] = data,
        ["DirectLine__Secret"] = Secret,
        ["Logging__LogLevel__Default"] = "Warning",
        // Hundreds of simulated enterprises share the load tool's one address, which the per-address limits would
        // refuse as they should one real client; the Teams leg keeps them, as its traffic is the channel's.
        ["RateLimits__Enabled"] = "false",
    });

    internal static Process StartProcess(IEnumerable<string> arguments, Dictionary<string, string> environment) =>
        StartProcess("dotnet", arguments, environment);

    internal static Process StartProcess(string program, IEnumerable<string> arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

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

    internal static async Task Ready(HttpClient http)
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

    internal static string BotAssembly()
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

    internal static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
