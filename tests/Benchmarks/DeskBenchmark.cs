using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Bot.Demo;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Marten;
using Npgsql;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Benchmarks;

/// <summary>
/// The console's read APIs with a large store: the release host on Kestrel and its embedded PostgreSQL, filled with
/// tickets lived through the desk's own decisions (<see cref="DemoLife"/>), then every queue, filter, the counts and
/// the ticket page asked for over HTTP, one request at a time, as a clerk of the busiest department and as a
/// dispatcher who sees everything. <c>--keep</c> keeps the filled cluster for the next run.
/// </summary>
public static class DeskBenchmark
{
    private const string Password = "Bench2026desk";

    public static async Task<int> Run(string[] args)
    {
        var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
        var count = numbers.ElementAtOrDefault(0) is > 0 and var n ? n : 100_000;
        var samples = numbers.ElementAtOrDefault(1) is > 0 and var s ? s : 100;
        var keep = args.Contains("--keep");
        var data = Path.Combine(Path.GetTempPath(), $"assistant-desk-bench-{count}");
        if (!keep && Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        await using var factory = new WebApplicationFactory<Assistant.Bot.Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:Marten", "");
            host.UseSetting("Database:Embedded:DataDirectory", data);
            host.UseSetting("RateLimits:Enabled", "false");
            host.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        var address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        var store = factory.Services.GetRequiredService<IDocumentStore>();
        var rules = factory.Services.GetRequiredService<DeskRules>();

        await Fill(store, rules, count);
        var (busiest, tickets) = await Busiest(store);
        Console.WriteLine($"store: {tickets.Total} tickets; busiest department {busiest} leads {tickets.Department}; {tickets.Events} events");

        var clerk = await SignIn(address, busiest + ".clerk");
        var dispatcher = await SignIn(address, "dispatcher");
        var month = rules.Calendar.LocalDay(DateTimeOffset.UtcNow).AddDays(-45);
        var period = $"from={month:yyyy-MM-dd}&to={month.AddDays(30):yyyy-MM-dd}";
        var category = await Category(store, busiest);
        var ids = await SomeTickets(store, busiest, samples);
        var number = await NumberOf(store, ids[0]);

        var scenarios = new List<(string Name, HttpClient Client, Func<int, string> Path)>
        {
            ("clerk  queue counts", clerk, _ => "/api/desk/queues"),
        };
        foreach (var queue in new[] { "sign-for", "handling", "information", "due-soon", "overdue", "approvals", "resolved", "all" })
        {
            scenarios.Add(($"clerk  {queue}", clerk, _ => $"/api/desk/tickets?queue={queue}"));
        }

        scenarios.AddRange(
        [
            ("clerk  all, page 50", clerk, _ => "/api/desk/tickets?queue=all&page=50"),
            ("clerk  resolved, category", clerk, _ => $"/api/desk/tickets?queue=resolved&category={category}"),
            ("clerk  all, enterprise", clerk, i => $"/api/desk/tickets?queue=all&enterprise={Uri.EscapeDataString(BenchEnterprises.Brands[i % BenchEnterprises.Brands.Length])}"),
            ("clerk  all, period", clerk, _ => $"/api/desk/tickets?queue=all&{period}"),
            ("clerk  all, text", clerk, i => $"/api/desk/tickets?queue=all&q={Uri.EscapeDataString(Words[i % Words.Length])}"),
            ("clerk  all, number", clerk, _ => $"/api/desk/tickets?queue=all&q={number}"),
            ("clerk  resolved, all filters", clerk, i => $"/api/desk/tickets?queue=resolved&category={category}&enterprise={Uri.EscapeDataString(BenchEnterprises.Places[i % BenchEnterprises.Places.Length])}&{period}&q={Uri.EscapeDataString(Words[i % Words.Length])}"),
            ("clerk  handling, urgent first", clerk, _ => "/api/desk/tickets?queue=handling&sort=urgent"),
            ("clerk  ticket page", clerk, i => $"/api/desk/tickets/{ids[i % ids.Count]}"),
            ("dispatcher queue counts", dispatcher, _ => "/api/desk/queues"),
            ("dispatcher triage", dispatcher, _ => "/api/desk/tickets?queue=triage"),
            ("dispatcher all", dispatcher, _ => "/api/desk/tickets?queue=all"),
            ("dispatcher overdue", dispatcher, _ => "/api/desk/tickets?queue=overdue"),
            ("dispatcher all, enterprise", dispatcher, i => $"/api/desk/tickets?queue=all&enterprise={Uri.EscapeDataString(BenchEnterprises.Brands[i % BenchEnterprises.Brands.Length])}"),
            ("dispatcher all, text", dispatcher, i => $"/api/desk/tickets?queue=all&q={Uri.EscapeDataString(Words[i % Words.Length])}"),
            ("dispatcher all, period", dispatcher, _ => $"/api/desk/tickets?queue=all&{period}"),
            ("dispatcher ticket page", dispatcher, i => $"/api/desk/tickets/{ids[(i + 7) % ids.Count]}"),
        ]);

        var worst = 0.0;
        foreach (var (name, client, path) in scenarios)
        {
            for (var i = 0; i < 5; i++)
            {
                await Get(client, path(i));
            }

            var times = new List<double>();
            var total = 0L;
            for (var i = 0; i < samples; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var body = await Get(client, path(i));
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                total += body.ValueKind == JsonValueKind.Object && body.TryGetProperty("total", out var t) ? t.GetInt64() : 0;
            }

            var p95 = Latency.Percentile(times, 0.95);
            worst = Math.Max(worst, p95);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34} {Latency.Describe(times)} p95={p95:0.00} ms  (mean total {total / samples})"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worst p95 over all desk reads: {worst:0.00} ms (target ≤ 50 ms)"));
        return 0;
    }

    private static readonly string[] Words = ["贷款", "厂房", "招聘", "停电", "补贴", "审批", "专精特新", "用地"];

    internal static async Task Fill(IDocumentStore store, DeskRules rules, int count)
    {
        await using (var query = store.QuerySession())
        {
            if (await query.Query<StaffMember>().AnyAsync(s => s.Id == "dispatcher"))
            {
                Console.WriteLine("store already filled (--keep): measuring it as it is");
                return;
            }
        }

        var filling = Stopwatch.StartNew();
        var people = await DemoVerb.AddPeople(store, rules, Password);
        await DemoVerb.Fill(store, rules, people, count, BenchEnterprises.All, DateTimeOffset.UtcNow, seed: 20261203, days: 365,
            progress: done =>
            {
                if (done % 10_000 == 0 || done == count)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  filed {done} tickets, {filling.Elapsed.TotalSeconds:0} s"));
                }
            });
        // As autovacuum leaves a settled table: statistics for the planner, the visibility map for index-only counts.
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var vacuum = new NpgsqlCommand("vacuum analyze", connection);
        await vacuum.ExecuteNonQueryAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"filled {count} tickets in {filling.Elapsed.TotalSeconds:0} s"));
    }

    private sealed record Totals(long Total, long Department, long Events);

    private static async Task<(string Department, Totals Totals)> Busiest(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        var schema = store.Options.DatabaseSchemaName;
        var rows = await session.AdvancedSql.QueryAsync<string>(
            $"select lead_department_id from {schema}.mt_doc_ticket where lead_department_id is not null group by 1 order by count(*) desc limit 1", CancellationToken.None);
        var department = rows[0];
        var total = await session.Query<Ticket>().CountAsync();
        var lead = await session.Query<Ticket>().CountAsync(t => t.LeadDepartmentId == department);
        var events = (await session.AdvancedSql.QueryAsync<long>($"select count(*) from {schema}.mt_events", CancellationToken.None))[0];
        return (department, new Totals(total, lead, events));
    }

    private static async Task<string> Category(IDocumentStore store, string department)
    {
        await using var session = store.QuerySession();
        return (await session.Query<Ticket>().Where(t => t.LeadDepartmentId == department).Select(t => t.Category).FirstAsync());
    }

    private static async Task<List<Guid>> SomeTickets(IDocumentStore store, string department, int count)
    {
        await using var session = store.QuerySession();
        var schema = store.Options.DatabaseSchemaName;
        return (await session.AdvancedSql.QueryAsync<Guid>(
            $"select id from {schema}.mt_doc_ticket where lead_department_id = '{department}' order by md5(id::text) limit {count}", CancellationToken.None)).ToList();
    }

    private static async Task<string> NumberOf(IDocumentStore store, Guid id)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<Ticket>(id))!.Number;
    }

    private static async Task<HttpClient> SignIn(Uri address, string login)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = true }) { BaseAddress = address };
        var session = await client.GetFromJsonAsync<JsonElement>("/api/desk/session");
        client.DefaultRequestHeaders.Add(Assistant.Bot.SignIn.DeskAntiforgery.Header, session.GetProperty("antiforgeryToken").GetString());
        var response = await client.PostAsJsonAsync("/api/desk/session", new { login, password = Password });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{login} could not sign in: {(int)response.StatusCode} {body}");
        }

        client.DefaultRequestHeaders.Remove(Assistant.Bot.SignIn.DeskAntiforgery.Header);
        client.DefaultRequestHeaders.Add(Assistant.Bot.SignIn.DeskAntiforgery.Header, body.GetProperty("antiforgeryToken").GetString());
        return client;
    }

    private static async Task<JsonElement> Get(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

/// <summary>Some two thousand six hundred enterprise names, so that an enterprise filter picks a few out of many.</summary>
public static class BenchEnterprises
{
    public static readonly string[] Places = ["常州", "泰州", "无锡", "苏州", "南通", "扬州", "镇江", "盐城", "淮安", "江苏"];

    public static readonly string[] Brands =
    [
        "宏晟", "恒泰", "博远", "瑞丰", "华晨", "金帆", "德润", "绿源", "天合", "中科",
        "康宁", "精工", "星辰", "海润", "新益", "永盛", "鑫达", "嘉禾", "东方", "长江",
    ];

    private static readonly string[] Trades = ["纺织", "精密机械", "数据科技", "新材料", "汽车零部件", "化工", "光伏科技", "食品", "智能装备", "医疗器械", "模具", "电子", "物流"];

    public static IReadOnlyList<string> All { get; } =
        [.. from place in Places from brand in Brands from trade in Trades select $"{place}{brand}{trade}有限公司"];
}
