using System.Runtime.CompilerServices;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Infrastructure;
using Marten;

namespace Assistant.Tests.Desk.Tickets;

/// <summary>Commands through Marten on real PostgreSQL: what is stored, what the view shows, what is never written.</summary>
public sealed class TicketDeskTests(PostgresServer server) : DeskContext(server)
{
    [Fact]
    public async Task A_submitted_request_gets_a_readable_number_a_query_code_and_is_routed()
    {
        var ticket = await Submitted();

        Assert.Matches(@"^YQ2026-\d{6}$", ticket.Number);
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$", ticket.QueryCode);
        await using var session = Store.QuerySession();
        var stored = await session.LoadAsync<Ticket>(ticket.Id, Cancel);
        Assert.Equal(TicketStatus.Routed, stored!.Status);
        Assert.Equal("natural-resources", stored.LeadDepartmentId);
        Assert.Equal("常州宏晟纺织有限公司", stored.Enterprise.Name);
        Assert.Equal("conv-1", stored.Conversation!.ConversationId);
        Assert.Equal(2, (await session.Events.FetchStreamAsync(ticket.Id, token: Cancel)).Count);
    }

    [Fact]
    public async Task The_whole_life_of_a_ticket_is_one_stream_and_the_view_follows_every_step()
    {
        var ticket = await Submitted();
        var desk = Desk;
        await Expect(desk.Run(new SignForTicket(ticket.Id, People.LandClerk), Cancel));
        Clock.Advance(TimeSpan.FromHours(2));
        await Expect(desk.Run(new ContactEnterprise(ticket.Id, People.LandClerk, "已电话联系，约定周三现场查看"), Cancel));
        await Expect(desk.Run(new ResolveTicket(ticket.Id, People.LandClerk, "已在新材料产业园预留二十亩工业用地，下周一现场踏勘。"), Cancel));
        await Expect(desk.Run(new RecordOutcomeDelivery(ticket.Id, "webchat"), Cancel));
        await Expect(desk.Run(new RateTicket(ticket.Id, People.Enterprise, Satisfaction.Satisfied, "办事效率很高"), Cancel));

        await using var session = Store.QuerySession();
        var view = await session.LoadAsync<Ticket>(ticket.Id, Cancel);
        var events = await session.Events.FetchStreamAsync(ticket.Id, token: Cancel);
        Assert.Equal(TicketStatus.Closed, view!.Status);
        Assert.Equal(DeskContext.Monday10, view.SignedForAt);
        Assert.Equal(DeskContext.Monday10.AddHours(2), view.FirstContactAt);
        Assert.Equal(Satisfaction.Satisfied, view.Rating);
        Assert.Equal(events.Count, view.Version);
        Assert.Equal(
            ["TicketSubmitted", "TicketRouted", "TicketSignedFor", "EnterpriseContacted", "TicketResolved", "OutcomeDelivered", "TicketRated", "TicketClosed"],
            events.Select(e => e.EventType.Name));
    }

    [Fact]
    public async Task A_refused_command_writes_nothing()
    {
        var ticket = await Submitted();
        var before = await EventCount();

        var result = await Desk.Run(new ResolveTicket(ticket.Id, People.FinanceClerk, "已经处理完毕，请企业确认。"), Cancel);

        Assert.False(result.IsAccepted);
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task An_unknown_ticket_is_reported_as_not_found()
    {
        var result = await Desk.Run(new SignForTicket(Guid.NewGuid(), People.LandClerk), Cancel);
        Assert.Equal(RejectionCode.NotFound, result.Rejection!.Code);
    }

    [Fact]
    public async Task Two_staff_signing_for_the_same_ticket_at_the_same_moment_exactly_one_succeeds()
    {
        var ticket = await Submitted();
        var desk = Desk;

        // Both decisions are made on the same version before either is saved, so one save must lose the race.
        using var bothDecided = new Barrier(2);
        var attempts = new StrongBox<int>();
        Task<DeskResult> Sign(Actor who) => Task.Run(() => desk.Run(new Racing(new SignForTicket(ticket.Id, who), bothDecided, attempts), Cancel));

        var results = await Task.WhenAll(Sign(People.LandClerk), Sign(People.LandClerk2));

        var winner = Assert.Single(results, r => r.IsAccepted);
        var loser = Assert.Single(results, r => !r.IsAccepted);
        Assert.Equal(RejectionCode.AlreadySignedFor, loser.Rejection!.Code);
        Assert.Contains($"已由{winner.Ticket!.AssigneeName}于", loser.Rejection.Message, StringComparison.Ordinal);
        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(ticket.Id, token: Cancel);
        Assert.Single(events, e => e.Data is TicketSignedFor);
    }

    [Fact]
    public async Task Marten_refuses_an_append_on_a_stale_version()
    {
        var ticket = await Submitted();
        await using var first = Store.LightweightSession();
        await using var second = Store.LightweightSession();
        var a = await first.Events.FetchForWriting<Ticket>(ticket.Id, Cancel);
        var b = await second.Events.FetchForWriting<Ticket>(ticket.Id, Cancel);
        a.AppendOne(new TicketSignedFor(People.LandClerk, DeskContext.Monday10));
        b.AppendOne(new TicketSignedFor(People.LandClerk2, DeskContext.Monday10));

        await first.SaveChangesAsync(Cancel);
        var conflict = await Assert.ThrowsAnyAsync<Exception>(() => second.SaveChangesAsync(Cancel));

        Assert.True(StoreConflicts.IsRetryable(conflict), conflict.ToString());
    }

    [Fact]
    public async Task Ticket_numbers_stay_unique_when_many_requests_arrive_at_once()
    {
        var tickets = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Desk.Submit(Requests.Land(), Cancel)));

        Assert.All(tickets, t => Assert.True(t.IsAccepted));
        Assert.Equal(20, tickets.Select(t => t.Ticket!.Number).Distinct().Count());
        Assert.Equal(20, tickets.Select(t => t.Ticket!.QueryCode).Distinct().Count());
    }

    [Fact]
    public async Task A_retried_submission_with_the_same_key_files_no_second_ticket()
    {
        var first = await Desk.Submit(Requests.Land(key: "webchat|conv-1|0000003"), Cancel);
        var again = await Desk.Submit(Requests.Land(key: "webchat|conv-1|0000003"), Cancel);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Desk.Submit(Requests.Land(key: "webchat|conv-1|0000004"), Cancel)));

        Assert.Equal(first.Ticket!.Number, again.Ticket!.Number);
        Assert.Empty(again.Events);
        Assert.Single(concurrent.Select(r => r.Ticket!.Id).Distinct());
        // Marten leaves a typeless "tombstone" stream behind a failed append to keep its event sequence gapless; count tickets.
        await using var session = Store.QuerySession();
        Assert.Equal(2, await session.Query<Ticket>().CountAsync(Cancel));
    }

    [Fact]
    public async Task A_ticket_is_found_by_number_and_query_code_and_not_by_number_alone()
    {
        var ticket = await Submitted();
        await using var session = Store.QuerySession();

        Assert.Equal(ticket.Id, (await LookUpTicket.ByNumberAndCode(session, ticket.Number.ToLowerInvariant(), ticket.QueryCode, Cancel))!.Id);
        Assert.Null(await LookUpTicket.ByNumberAndCode(session, ticket.Number, "AAAAAA", Cancel));
        Assert.Null(await LookUpTicket.ByNumberAndCode(session, "YQ2026-999999", ticket.QueryCode, Cancel));
    }

    private static async Task Expect(Task<DeskResult> command)
    {
        var result = await command;
        Assert.True(result.IsAccepted, result.Rejection?.Message);
    }

    /// <summary>A command whose first two decisions wait for each other, so both are made on the same version.</summary>
    private sealed record Racing(ITicketCommand Inner, Barrier BothDecided, StrongBox<int> Attempts) : ITicketCommand
    {
        public Guid TicketId => Inner.TicketId;

        public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now)
        {
            if (Interlocked.Increment(ref Attempts.Value) <= 2)
            {
                BothDecided.SignalAndWait(TimeSpan.FromSeconds(30));
            }

            return Inner.Decide(ticket, rules, now);
        }
    }
}
