using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Assistant.Tests.Edge;
using Assistant.Tests.Infrastructure;
using Npgsql;

namespace Assistant.Benchmarks;

/// <summary>
/// The outside review's attacks, repeated against a release build of the host on its own embedded PostgreSQL, with
/// the shipped limits on: chunked 29 MB activities and a history read after them (peak resident memory), a session
/// flood and 查询码 guessing from one client, twenty 10 MB uploads, and the fuzz cases. Prints what came back.
/// </summary>
public static class AttackTool
{
    public static async Task<int> Run(string[] args)
    {
        var fuzzCases = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var data = Path.Combine(Path.GetTempPath(), "youqiubiying-attack-" + Guid.NewGuid().ToString("N")[..8]);
        var port = LoadTool.FreePort();
        using var host = LoadTool.StartProcess([LoadTool.BotAssembly()], new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["ConnectionStrings__Marten"] = "",
            ["Database__Embedded__DataDirectory"] = data,
            ["DirectLine__Secret"] = "attack-secret",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            await LoadTool.Ready(http);
            Console.WriteLine($"host ready; resident {Resident(host.Id)}");
            var (conversation, token) = await Session(http, "198.51.100.1");
            await BigBodies(port, conversation, token, host.Id);
            await History(http, conversation, token, host.Id);
            await SessionFlood(port);
            await Guessing(port);
            await Uploads(port, data);
            await Fuzz(port, http, fuzzCases);
            Console.WriteLine($"after everything: resident {Resident(host.Id)}; /health/ready {(int)(await http.GetAsync("/health/ready")).StatusCode}");
        }
        finally
        {
            await LoadTool.Stop(host);
            Directory.Delete(data, recursive: true);
        }

        return 0;
    }

    private static async Task BigBodies(int port, string conversation, string token, int pid)
    {
        var body = Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"" + new string('a', 29 * 1024 * 1024) + "\"}");
        var statuses = new Dictionary<int, int>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            var response = await RawHttp.Send(port, "POST", $"/v3/directline/conversations/{conversation}/activities",
                [("Content-Type", "application/json"), ("Authorization", "Bearer " + token), ("X-Forwarded-For", "198.51.100.1")], body, chunked: true, CancellationToken.None);
            statuses[response.Status] = statuses.GetValueOrDefault(response.Status) + 1;
        }

        Console.WriteLine($"20 chunked 29 MB activities: {Statuses(statuses)} in {clock.Elapsed.TotalSeconds:0.0} s; resident {Resident(pid)}, peak {Peak(pid)}");
    }

    private static async Task History(HttpClient http, string conversation, string token, int pid)
    {
        // The largest activities the limit allows, then the whole history read back.
        var text = new string('a', 250 * 1024);
        for (var i = 0; i < 20; i++)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities")
            {
                Headers = { Authorization = new("Bearer", token) },
                Content = new StringContent(JsonSerializer.Serialize(new { type = "message", text, channelData = new { clientActivityID = $"big-{i}" } }), Encoding.UTF8, "application/json"),
            };
            post.Headers.Add("X-Forwarded-For", "198.51.100.2");
            (await http.SendAsync(post)).EnsureSuccessStatusCode();
        }

        using var get = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities") { Headers = { Authorization = new("Bearer", token) } };
        var response = await http.SendAsync(get);
        var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
        Console.WriteLine($"20 posts of 250 KB text, then GET activities: {(int)response.StatusCode}, {bytes / 1024} KB in the first page; resident {Resident(pid)}, peak {Peak(pid)}");
    }

    private static async Task SessionFlood(int port)
    {
        var statuses = new Dictionary<int, int>();
        var clock = Stopwatch.StartNew();
        var requests = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(5))
            {
                var response = await RawHttp.Send(port, "POST", "/api/webchat/session", [("Content-Type", "application/json"), ("X-Forwarded-For", "203.0.113.50")], "{}"u8.ToArray(), chunked: false, CancellationToken.None);
                lock (statuses)
                {
                    statuses[response.Status] = statuses.GetValueOrDefault(response.Status) + 1;
                    requests++;
                }
            }
        }));
        Console.WriteLine($"session flood from one address for 5 s: {requests} requests ({requests / 5.0:0} /s), {Statuses(statuses)}");
    }

    private static async Task Guessing(int port)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var (conversation, token) = await Session(http, "203.0.113.60");
        var paused = 0;
        var notFound = 0;
        for (var i = 0; i < 40; i++)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities")
            {
                Headers = { Authorization = new("Bearer", token) },
                Content = new StringContent(JsonSerializer.Serialize(new { type = "message", text = $"查询 YQ2026-000001 Q{i:00000}", channelData = new { clientActivityID = $"guess-{i}" } }), Encoding.UTF8, "application/json"),
            };
            post.Headers.Add("X-Forwarded-For", "203.0.113.60");
            var response = await http.SendAsync(post);
            if (!response.IsSuccessStatusCode)
            {
                continue;
            }

            using var get = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities") { Headers = { Authorization = new("Bearer", token) } };
            var last = JsonDocument.Parse(await (await http.SendAsync(get)).Content.ReadAsStringAsync()).RootElement.GetProperty("activities").EnumerateArray().Last();
            var said = last.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
            paused += said.Contains("查询功能已暂停", StringComparison.Ordinal) ? 1 : 0;
            notFound += said.Contains("没有找到", StringComparison.Ordinal) ? 1 : 0;
        }

        Console.WriteLine($"40 查询码 guesses in one conversation: {notFound} answered 'not found', {paused} answered 'paused'");
    }

    private static async Task Uploads(int port, string data)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(120) };
        var (conversation, token) = await Session(http, "203.0.113.70");
        var before = await DatabaseBytes(data);
        var file = new byte[10 * 1024 * 1024 - 1024];
        Random.Shared.NextBytes(file); // like a scanned document, it does not compress
        "%PDF-1.7 "u8.CopyTo(file);
        var statuses = new Dictionary<int, int>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent("{\"type\":\"message\"}", Encoding.UTF8, "application/json"), "activity", "blob");
            form.Add(new ByteArrayContent(file) { Headers = { ContentType = new("application/pdf") } }, "file", $"扫描件{i}.pdf");
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/upload") { Headers = { Authorization = new("Bearer", token) }, Content = form };
            post.Headers.Add("X-Forwarded-For", "203.0.113.70");
            var response = await http.SendAsync(post);
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
        }

        await using var connection = new NpgsqlConnection(await ConnectionString(data));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from assistant.mt_doc_uploadedfile", connection);
        var kept = (long)(await count.ExecuteScalarAsync())!;
        Console.WriteLine($"20 uploads of 10 MB in {clock.Elapsed.TotalSeconds:0.0} s: {Statuses(statuses)}, {kept} files kept; database grew {(await DatabaseBytes(data) - before) / (1024 * 1024)} MB");
    }

    private static async Task Fuzz(int port, HttpClient http, int cases)
    {
        var (conversation, token) = await Session(http, "198.51.100.3");
        var (other, otherToken) = await Session(http, "198.51.100.4");
        using var reconnect = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversation}") { Headers = { Authorization = new("Bearer", token) } };
        var streamUrl = JsonDocument.Parse(await (await http.SendAsync(reconnect)).Content.ReadAsStringAsync()).RootElement.GetProperty("streamUrl").GetString()!;
        var targets = new FuzzTargets(conversation, token, Uri.UnescapeDataString(streamUrl[(streamUrl.IndexOf("&t=", StringComparison.Ordinal) + 3)..]), other, otherToken, "attack-secret", new string('0', 32));
        var statuses = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        foreach (var fuzz in new FuzzCases(20261202, targets).Take(cases))
        {
            var response = await RawHttp.Send(port, fuzz.Method, fuzz.Target, fuzz.Headers, fuzz.Body, fuzz.Chunked, CancellationToken.None);
            statuses[response.Status] = statuses.GetValueOrDefault(response.Status) + 1;
        }

        Console.WriteLine($"{cases} fuzz cases (rate limits on, one client address) in {clock.Elapsed.TotalSeconds:0} s: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
    }

    private static async Task<(string Conversation, string Token)> Session(HttpClient http, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/session") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("X-Forwarded-For", address);
        var session = JsonDocument.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
        var token = session.GetProperty("token").GetString()!;
        var conversation = session.GetProperty("conversationId").GetString()!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Headers = { Authorization = new("Bearer", token) }, Content = JsonContent.Create(new { }) };
        start.Headers.Add("X-Forwarded-For", address);
        (await http.SendAsync(start)).EnsureSuccessStatusCode();
        return (conversation, token);
    }

    private static async Task<string> ConnectionString(string data)
    {
        var port = (await File.ReadAllLinesAsync(Path.Combine(data, "cluster", "postmaster.pid")))[3].Trim();
        var password = (await File.ReadAllTextAsync(Path.Combine(data, "password"))).Trim();
        return $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=assistant;Pooling=false";
    }

    private static async Task<long> DatabaseBytes(string data)
    {
        await using var connection = new NpgsqlConnection(await ConnectionString(data));
        await connection.OpenAsync();
        await using var size = new NpgsqlCommand("select pg_database_size('assistant')", connection);
        return (long)(await size.ExecuteScalarAsync())!;
    }

    private static string Statuses(IReadOnlyDictionary<int, int> statuses) => string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"));

    private static string Resident(int pid) => Memory(pid, "VmRSS");

    private static string Peak(int pid) => Memory(pid, "VmHWM");

    private static string Memory(int pid, string field) =>
        File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal)) is { } line
            ? $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024} MB"
            : "?";
}
