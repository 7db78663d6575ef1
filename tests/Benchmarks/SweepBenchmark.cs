using System.Diagnostics;
using System.Globalization;
using Assistant.Bot.Deadlines;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Tickets;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Assistant.Benchmarks;

/// <summary>
/// The deadline sweep over a large store: the release host on its embedded PostgreSQL, filled as the desk benchmark
/// fills it (tickets lived through the desk's decisions over a year), its own sweep switched off so that only the
/// measured rounds run. The first round catches up on every card due (the filled history never had a sweep); the
/// following rounds are the steady state, where the queue's index finds the few tickets a card is due for. The plan
/// of the queue's query is printed with its buffers. <c>--keep</c> reuses the desk benchmark's filled cluster.
/// </summary>
public static class SweepBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
        var count = numbers.ElementAtOrDefault(0) is > 0 and var n ? n : 100_000;
        var rounds = numbers.ElementAtOrDefault(1) is > 0 and var r ? r : 50;
        var data = Path.Combine(Path.GetTempPath(), $"assistant-desk-bench-{count}");
        if (!args.Contains("--keep") && Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        await using var factory = new WebApplicationFactory<Assistant.Bot.Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:Marten", "");
            host.UseSetting("Database:Embedded:DataDirectory", data);
            host.UseSetting("Deadlines:Enabled", "false");
            host.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        var store = factory.Services.GetRequiredService<IDocumentStore>();
        var rules = factory.Services.GetRequiredService<DeskRules>();
        await DeskBenchmark.Fill(store, rules, count);
        var sweep = factory.Services.GetRequiredService<DeadlineSweep>();
        var schema = store.Options.DatabaseSchemaName;
        await using (var session = store.QuerySession())
        {
            var open = (await session.AdvancedSql.QueryAsync<long>(
                $"select count(*) from {schema}.mt_doc_ticket where status in ('Routed', 'SignedFor', 'Handling', 'AwaitingInformation')", CancellationToken.None))[0];
            var total = (await session.AdvancedSql.QueryAsync<long>($"select count(*) from {schema}.mt_doc_ticket", CancellationToken.None))[0];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {total} tickets, {open} open"));
        }

        var clock = Stopwatch.StartNew();
        var first = (await sweep.RunOnce(CancellationToken.None))!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first sweep (catching up): {clock.Elapsed.TotalSeconds:0.0} s, {first.Read} tickets warned: {first.Yellow} 黄牌, {first.Red} 红牌, {first.Supervised} 督办"));

        var times = new List<double>();
        var cards = 0;
        for (var i = 0; i < rounds; i++)
        {
            clock.Restart();
            var report = (await sweep.RunOnce(CancellationToken.None))!;
            times.Add(clock.Elapsed.TotalMilliseconds);
            cards += report.Cards;
        }

        Console.WriteLine($"steady sweeps ({rounds}): {Latency.Describe(times)}; {cards} cards issued meanwhile");
        await using (var session = store.QuerySession())
        {
            // What the index finds each round without a card to issue: the tickets whose next card comes within a working
            // day. Of these only the id and the dispatch instant are read; a document only when its card has come.
            var now0 = DateTimeOffset.UtcNow;
            var read = await session.QueryAsync<Ticket>(
                "where (d.uncarded_due <= ? or d.unred_due <= ? or d.unsupervised_due <= ?)", CancellationToken.None,
                rules.Calendar.AddWorkingMinutes(now0, rules.Calendar.MinutesPerDay), now0, rules.Calendar.SubtractWorkingMinutes(now0, rules.Calendar.MinutesPerDay));
            foreach (var group in read.GroupBy(t => (t.Status, CardDue: WarnTicket.DueWarnings(t, rules, now0).Any())))
            {
                Console.WriteLine($"  found by the index each round: {group.Count()} tickets {group.Key}");
            }
        }

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        var now = DateTimeOffset.UtcNow;
        await using var explain = new NpgsqlCommand(
            $"explain (analyze, buffers) select id from {schema}.mt_doc_ticket where uncarded_due <= @yellow or unred_due <= @now or unsupervised_due <= @supervised",
            connection)
        {
            Parameters =
            {
                new("yellow", rules.Calendar.AddWorkingMinutes(now, rules.Calendar.MinutesPerDay)),
                new("now", now),
                new("supervised", rules.Calendar.SubtractWorkingMinutes(now, rules.Calendar.MinutesPerDay)),
            },
        };
        await using var reader = await explain.ExecuteReaderAsync();
        Console.WriteLine("plan of the queue's query:");
        while (await reader.ReadAsync())
        {
            Console.WriteLine("  " + reader.GetString(0));
        }

        return 0;
    }
}
