using Assistant.Bot.Deadlines;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Assistant.Tests.Deadlines;

/// <summary>
/// The deadline sweep on real PostgreSQL with a fake clock: 黄牌, 红牌 and the automatic 督办 at the instants the
/// working-day calendar gives, each once, whichever and however many hosts sweep, and whenever one stops.
/// </summary>
public sealed class DeadlineSweepTests(PostgresServer server) : DeskContext(server)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Beijing);

    /// <summary>The clock starts on Tuesday 29 September 2026, 10:00, for the National Day test; the others move it on.</summary>
    protected override DateTimeOffset Start => At(9, 29, 10);

    private DeadlineSweep NewSweep() => new(Store, Desk, Options.Create(new DeadlineOptions()), Clock, NullLogger<DeadlineSweep>.Instance);

    [Fact]
    public async Task Across_National_Day_and_its_make_up_Saturday_every_card_comes_at_its_instant_and_once()
    {
        // Filed Tuesday 29 September 10:00: sign for by 9/30, contact by 10/8 (10/1–10/7 off), resolve by 10/12, counting
        // the 调休 Saturday 10/10 as a working day.
        var ticket = await Submitted();
        Assert.Equal((At(9, 30, 17, 30), At(10, 8, 17, 30), At(10, 12, 17, 30)), (ticket.SignForDue, ticket.FirstContactDue, ticket.ResolveDue));

        var sweep = NewSweep();
        for (var now = At(9, 29, 10); now <= At(10, 14, 18); now = now.AddMinutes(30))
        {
            Clock.SetUtcNow(now);
            Assert.NotNull(await sweep.RunOnce(Cancel));
        }

        var cards = (await Cards(ticket.Id)).Select(c => (c.Stage, c.Level, c.At.ToOffset(Beijing))).ToList();
        Assert.Equal(
            [
                (DeadlineStage.SignFor, WarningLevel.Yellow, At(9, 30, 9, 30)),
                (DeadlineStage.SignFor, WarningLevel.Red, At(9, 30, 17, 30)),
                (DeadlineStage.FirstContact, WarningLevel.Yellow, At(9, 30, 17, 30)),
                (DeadlineStage.SignFor, WarningLevel.Supervised, At(10, 8, 17, 30)),
                (DeadlineStage.FirstContact, WarningLevel.Red, At(10, 8, 17, 30)),
                (DeadlineStage.FirstContact, WarningLevel.Supervised, At(10, 9, 17, 30)),
                (DeadlineStage.Resolve, WarningLevel.Yellow, At(10, 10, 17, 30)),
                (DeadlineStage.Resolve, WarningLevel.Red, At(10, 12, 17, 30)),
                (DeadlineStage.Resolve, WarningLevel.Supervised, At(10, 13, 17, 30)),
            ],
            cards.OrderBy(c => c.Item3).ThenBy(c => c.Stage));
    }

    [Fact]
    public async Task Signing_for_in_time_stops_its_clock_and_only_the_cards_of_the_running_clocks_come()
    {
        Clock.SetUtcNow(Monday10);
        var ticket = await Submitted();
        await Desk.Run(new SignForTicket(ticket.Id, People.LandClerk), Cancel);
        await Desk.Run(new ContactEnterprise(ticket.Id, People.LandClerk, "已电话联系刘经理，约定周三现场查看"), Cancel);

        Clock.SetUtcNow(At(12, 2, 9));
        await NewSweep().RunOnce(Cancel);

        Assert.Equal([(DeadlineStage.Resolve, WarningLevel.Supervised)], (await Cards(ticket.Id)).Select(c => (c.Stage, c.Level)));
    }

    [Fact]
    public async Task Two_hosts_sweeping_at_the_same_moments_issue_each_card_once()
    {
        Clock.SetUtcNow(Monday10);
        var tickets = new List<Ticket>();
        for (var i = 0; i < 20; i++)
        {
            tickets.Add(await Submitted());
        }

        var (one, two) = (NewSweep(), NewSweep());
        foreach (var now in new[] { At(11, 24, 9, 30), At(11, 24, 17, 30), At(11, 25, 17, 30), At(11, 27, 17, 30), At(11, 30, 17, 30), At(12, 1, 17, 30) })
        {
            Clock.SetUtcNow(now);
            var reports = await Task.WhenAll(one.RunOnce(Cancel), two.RunOnce(Cancel), Task.Run(() => NewSweep().RunOnce(Cancel)));
            Assert.Contains(reports, r => r is not null);
        }

        foreach (var ticket in tickets)
        {
            var cards = await Cards(ticket.Id);
            Assert.Equal(9, cards.Count);
            Assert.Equal(cards.Count, cards.DistinctBy(c => (c.Stage, c.Level)).Count());
        }
    }

    [Fact]
    public async Task A_host_stopped_in_the_middle_of_a_sweep_leaves_the_rest_to_the_next_and_nothing_twice()
    {
        const int Count = 120;
        Clock.SetUtcNow(Monday10);
        for (var i = 0; i < Count; i++)
        {
            await Submitted();
        }

        Clock.SetUtcNow(At(11, 24, 17, 31)); // each ticket: 红牌 for signing for, 黄牌 for the contact
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var first = NewSweep().RunOnce(stop.Token);
        while (await WarnedEvents() == 0 && !first.IsCompleted)
        {
            await Task.Yield();
        }

        await stop.CancelAsync();
        var stopped = await Record.ExceptionAsync(() => first);
        var rest = await NewSweep().RunOnce(Cancel);

        Assert.Equal(2 * Count, await WarnedEvents());
        if (stopped is not null)
        {
            Assert.IsAssignableFrom<OperationCanceledException>(stopped);
            Assert.True(rest!.Cards > 0, "the second host finished what the first left");
        }

        Assert.Equal(0, (await NewSweep().RunOnce(Cancel))!.Cards);
    }

    [Fact]
    public async Task The_sweep_finds_its_tickets_through_indexes_not_by_reading_every_ticket()
    {
        await Submitted();
        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync(Cancel);
        await using (var off = new Npgsql.NpgsqlCommand("set enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync(Cancel);
        }

        await using var explain = new Npgsql.NpgsqlCommand(
            $"explain select id from {Schema}.mt_doc_ticket where uncarded_due <= now() or unred_due <= now() or unsupervised_due <= now()",
            connection);
        var lines = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(Cancel))
        {
            while (await reader.ReadAsync(Cancel))
            {
                lines.Add(reader.GetString(0));
            }
        }

        var text = string.Join("\n", lines);
        Assert.Contains("uncarded_due", text, StringComparison.Ordinal);
        Assert.Contains("Bitmap Index Scan", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_tickets_stored_before_the_sweep_existed_are_found_by_it()
    {
        Clock.SetUtcNow(Monday10);
        var old = await Submitted();
        var resolved = await Submitted();
        await Desk.Run(new SignForTicket(resolved.Id, People.LandClerk), Cancel);
        await Desk.Run(new ResolveTicket(resolved.Id, People.LandClerk, "已协调园区管委会，为贵公司预留二十亩工业用地，下周一现场踏勘。"), Cancel);
        var waiting = await Submitted();
        await Desk.Run(new SignForTicket(waiting.Id, People.LandClerk), Cancel);
        await Desk.Run(new ContactEnterprise(waiting.Id, People.LandClerk, "已电话联系刘经理，约定周三现场查看"), Cancel);
        await Desk.Run(new RequestInformation(waiting.Id, People.LandClerk, "请补充现有厂房的不动产证复印件"), Cancel);
        await using (var session = Store.LightweightSession())
        {
            session.QueueSqlCommand($"update {Schema}.mt_doc_ticket set uncarded_due = null, unred_due = null, unsupervised_due = null");
            await session.SaveChangesAsync(Cancel);
        }

        await Dialogs.Desk.DeskStore.FillScopeColumns(Store, Cancel);
        Clock.SetUtcNow(At(11, 24, 17, 31));
        var report = await NewSweep().RunOnce(Cancel);

        Assert.Equal((1, 1, 1), (report!.Read, report.Red, report.Yellow));
        Assert.Equal(2, (await Cards(old.Id)).Count);
        Assert.Equal(0, await Server.Count(Schema, $"mt_doc_ticket where id = '{waiting.Id}' and unsupervised_due is not null"));
    }

    private async Task<IReadOnlyList<TicketWarned>> Cards(Guid ticketId)
    {
        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(ticketId, token: Cancel);
        return events.Select(e => e.Data).OfType<TicketWarned>().ToList();
    }

    private Task<long> WarnedEvents() => Server.Count(Schema, "mt_events where type = 'ticket_warned'");
}
