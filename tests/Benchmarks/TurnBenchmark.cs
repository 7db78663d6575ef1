using System.Diagnostics;
using Activity = Assistant.Dialogs.Activities.Activity;
using System.Globalization;
using Assistant.Bot.Database;
using Assistant.Dialogs;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Calendar;
using Assistant.Dialogs.Conversations;
using Assistant.Dialogs.Conversations.Tickets;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Dialogs.Turns;
using Assistant.Dialogs.Understanding;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Benchmarks;

/// <summary>
/// In-process turns per second through the whole submit flow, every turn durable in PostgreSQL (a private cluster
/// with fsync on, as the embedded default runs), at 1, 16 and 64 concurrent conversations.
/// </summary>
public static class TurnBenchmark
{
    private static readonly string[] Script =
        ["招20个普工，下个月要到岗", "要普工和焊工，最好有经验的", "泰州宏力重工有限公司", "张伟", "13606182453", "电话改成13606182454", "确认提交"];

    public static async Task<int> Run(string[] args)
    {
        var perLevel = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 64;
        var root = Path.Combine(Path.GetTempPath(), "youqiubiying-bench-" + Guid.NewGuid().ToString("N")[..8]);
        await using var postgres = await EmbeddedPostgres.Start(new EmbeddedPostgresSettings(root, Database: "bench", Schema: "bench"), NullLogger.Instance, CancellationToken.None);
        try
        {
            await using var store = DocumentStore.For(o =>
            {
                o.Connection(postgres.ConnectionString);
                o.ConfigureAssistant("bench");
            });
            await store.Storage.Database.ApplyAllConfiguredChangesToDatabaseAsync();
            var rules = Rules();
            var desk = new TicketDesk(store, rules, TimeProvider.System);
            var runner = new TurnRunner(store, new EnterpriseBot(new RequestUnderstander(), desk, new LookupGuard(new LookupGuardOptions(), TimeProvider.System)), [], TimeProvider.System, NullLogger<TurnRunner>.Instance);
            await Level(runner, 1, 4, "warm-up");
            foreach (var concurrency in new[] { 1, 16, 64 })
            {
                await Level(runner, concurrency, Math.Max(perLevel, concurrency), $"{concurrency} concurrent");
            }
        }
        finally
        {
            await postgres.DisposeAsync();
            Directory.Delete(root, recursive: true);
        }

        return 0;
    }

    private static async Task Level(TurnRunner runner, int concurrency, int conversations, string label)
    {
        var latencies = new List<double>();
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var transport = new NullTransport();
            int index;
            while ((index = Interlocked.Increment(ref next)) <= conversations)
            {
                var conversation = $"bench-{label.Replace(' ', '-')}-{index}";
                foreach (var text in Script)
                {
                    var started = Stopwatch.GetTimestamp();
                    await runner.Run(Message(conversation, text), transport, CancellationToken.None);
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    lock (latencies)
                    {
                        latencies.Add(elapsed);
                    }
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {conversations} conversations × {Script.Length} turns in {seconds:0.00} s = {latencies.Count / seconds:0} turns/s; {Latency.Describe(latencies)}"));
    }

    private static Activity Message(string conversation, string text) => new()
    {
        Id = $"{conversation}|{Guid.NewGuid():N}",
        ChannelId = "directline",
        ServiceUrl = "http://localhost:5080/",
        Conversation = new ConversationAccount { Id = conversation },
        From = new ChannelAccount { Id = "user-" + conversation, Role = "user" },
        Recipient = new ChannelAccount { Id = "bot", Role = "bot" },
        Locale = "zh-CN",
        Text = text,
    };

    private static DeskRules Rules()
    {
        var options = new DeskOptions();
        new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json").Build().GetSection(DeskOptions.Section).Bind(options);
        return new DeskRules(options, WorkingCalendar.FromOptions(options.Calendar));
    }

    private sealed class NullTransport : ITurnTransport
    {
        public IReadOnlyList<Activity> Stage(IDocumentSession session, Activity inbound, IReadOnlyList<OutboundActivity> outbound) =>
            outbound.Select(o => o.Activity).ToList();

        public Task Deliver(IReadOnlyList<Activity> staged, CancellationToken cancellation) => Task.CompletedTask;
    }
}
