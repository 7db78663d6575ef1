using System.Diagnostics;
using System.Globalization;
using Assistant.Bot.Channels.Teams;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Benchmarks;

/// <summary>
/// Staff notices through the outbox to a fake Bot Connector: the release host on its embedded PostgreSQL with Teams on,
/// a department of linked staff (half of them with a personal chat, the other half never having written, so their
/// chats are opened by POST /v3/conversations), and a burst of new tickets filed at once. Each ticket is a card for
/// each of them in the filing's commit; measured is the time from the first filing until the connector has every card,
/// as cards per second, and the filing's own latency with the cards staged in its commit.
/// </summary>
public static class NotifyBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        var numbers = args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
        var tickets = numbers.ElementAtOrDefault(0) is > 0 and var n ? n : 400;
        var people = numbers.ElementAtOrDefault(1) is > 0 and var p ? p : 10;
        var data = Path.Combine(Path.GetTempPath(), $"assistant-notify-bench-{Environment.ProcessId}");
        await using var fake = await FakeBotService.Start();
        try
        {
            await using var factory = new WebApplicationFactory<Assistant.Bot.Program>().WithWebHostBuilder(host =>
            {
                host.UseSetting("ConnectionStrings:Marten", "");
                host.UseSetting("Database:Embedded:DataDirectory", data);
                host.UseSetting("Teams:Enabled", "true");
                host.UseSetting("Teams:AppId", TeamsHost.AppId);
                host.UseSetting("Teams:AppPassword", "unused: a fixed token stands in for Entra");
                host.UseSetting("Teams:TenantId", TeamsHost.TenantId);
                host.UseSetting("Teams:OpenIdMetadataUrl", fake.MetadataUrl);
                host.UseSetting("Teams:ServiceUrl", fake.BaseUrl);
                host.UseSetting("Teams:StaffQuietHours", "false");
                host.UseSetting("Deadlines:Enabled", "false");
                host.UseSetting("Logging:LogLevel:Default", "Warning");
                host.ConfigureTestServices(services => services.AddSingleton<IConnectorTokenProvider, FixedToken>());
            });
            var store = factory.Services.GetRequiredService<IDocumentStore>();
            var desk = factory.Services.GetRequiredService<TicketDesk>();
            await Seed(store, fake.BaseUrl, people);

            // One ticket first, so that JIT and the connection pool are warm before the clock starts.
            await File(desk, 0);
            await Until(() => fake.Proactive >= people, TimeSpan.FromMinutes(1));
            var before = fake.Proactive;
            var expected = before + tickets * people;
            var filing = new List<double>();
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(1, tickets), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            {
                var started = Stopwatch.GetTimestamp();
                await File(desk, i);
                lock (filing)
                {
                    filing.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            });
            var filed = clock.Elapsed;
            await Until(() => fake.Proactive >= expected, TimeSpan.FromMinutes(10));
            var delivered = clock.Elapsed;
            var cards = fake.Proactive - before;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{tickets} tickets × {people} staff ({people - people / 2} with a chat, {people / 2} opened): {cards} cards"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"filed in {filed.TotalSeconds:0.00} s ({tickets / filed.TotalSeconds:0} tickets/s, 16 at once); filing {Latency.Describe(filing)}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"all cards at the connector after {delivered.TotalSeconds:0.00} s: {cards / delivered.TotalSeconds:0} cards/s"));
            await using var session = store.QuerySession();
            var pending = await session.Query<OutboxMessage>().CountAsync(m => m.DeliveredAt == null && m.FailedAt == null);
            Console.WriteLine($"outbox left undelivered: {pending}");
            return pending == 0 ? 0 : 1;
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static async Task Seed(IDocumentStore store, string serviceUrl, int people)
    {
        await using var session = store.LightweightSession();
        for (var i = 0; i < people; i++)
        {
            var aad = Guid.NewGuid().ToString();
            session.Store(new StaffMember($"clerk{i}", $"经办人{i}", "natural-resources", [StaffRole.Staff], TeamsUserId: aad, Login: $"clerk{i}"));
            if (i % 2 == 0)
            {
                session.Store(new TeamsConversation
                {
                    Id = $"a:chat-{i}",
                    ChannelId = "msteams",
                    ServiceUrl = serviceUrl,
                    TenantId = TeamsHost.TenantId,
                    ConversationType = "personal",
                    UserId = $"29:1clerk-{i}",
                    UserAadObjectId = aad,
                    BotId = "28:" + TeamsHost.AppId,
                    LastActivityAt = DateTimeOffset.UtcNow,
                });
            }
        }

        await session.SaveChangesAsync();
    }

    private static async Task File(TicketDesk desk, int i)
    {
        var request = new SubmitTicket(
            new EnterpriseRef(null, $"常州宏晟纺织有限公司{i}", "91320411MA1W5XYX3X"),
            new ContactPerson("刘洋", "138 0615 2947"),
            "webchat",
            "我们厂房太挤了，想在园区再找二十亩工业用地，年底前能落实吗？",
            "land",
            0.92,
            new Dictionary<string, string> { ["area_mu"] = "20" },
            new ConversationReference("webchat", "http://localhost:5080/", $"conv-{i}", $"dl_user{i}", "bot"),
            $"dl_user{i}",
            $"notify-{i}");
        var result = await desk.Submit(request, CancellationToken.None);
        if (!result.IsAccepted)
        {
            throw new InvalidOperationException(result.Rejection?.Message);
        }
    }

    private static async Task Until(Func<bool> condition, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException("The connector did not get every card in time.");
            }

            await Task.Delay(5);
        }
    }

    private sealed class FixedToken : IConnectorTokenProvider
    {
        public Task<string> GetToken(CancellationToken cancellation) => Task.FromResult("notify-benchmark-connector-token");
    }
}
