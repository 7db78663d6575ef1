using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Desk.Tickets;

public sealed class ResolveAndRateTests
{
    private static Func<Ticket, DateTimeOffset, Decision> Rate(Story story, Satisfaction rating, string? comment = null, Actor? by = null) =>
        (t, now) => new RateTicket(t.Id, by ?? People.Enterprise, rating, comment).Decide(t, story.Rules, now);

    [Fact]
    public void The_lead_department_resolves_with_an_outcome_the_enterprise_can_read()
    {
        var story = new Story().Resolved();

        Assert.Equal(TicketStatus.Resolved, story.Ticket.Status);
        Assert.StartsWith("已协调园区管委会", story.Ticket.Outcome, StringComparison.Ordinal);
        Assert.Equal(story.Now, story.Ticket.FirstContactAt);
    }

    [Fact]
    public void A_one_word_outcome_is_refused()
    {
        var story = new Story().SignedFor();
        var decision = story.Try((t, now) => new ResolveTicket(t.Id, People.LandClerk, "已办结").Decide(t, story.Rules, now));
        Assert.Equal("请填写办理结果（至少10个字）。", decision.Rejection!.Message);
    }

    [Fact]
    public void A_ticket_nobody_signed_for_cannot_be_resolved()
    {
        var story = new Story();
        var decision = story.Try((t, now) => new ResolveTicket(t.Id, People.LandClerk, "已协调园区管委会解决用地问题").Decide(t, story.Rules, now));
        Assert.Equal("诉求 YQ2026-000001 当前状态为“待签收”，不能办结。", decision.Rejection!.Message);
    }

    [Theory]
    [InlineData(Satisfaction.Satisfied, "企业评价“满意”，归档")]
    [InlineData(Satisfaction.BasicallySatisfied, "企业评价“基本满意”，归档")]
    public void A_satisfied_enterprise_closes_the_ticket(Satisfaction rating, string reason)
    {
        var story = new Story().Resolved();
        story.Then(Rate(story, rating));

        Assert.Equal(TicketStatus.Closed, story.Ticket.Status);
        Assert.Equal(rating, story.Ticket.Rating);
        Assert.Equal(reason, story.Events.OfType<TicketClosed>().Single().Reason);
    }

    [Fact]
    public void Dissatisfaction_reopens_the_ticket_with_a_fresh_resolve_deadline()
    {
        var story = new Story().Resolved().At(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8)));
        story.Then(Rate(story, Satisfaction.Dissatisfied, "只答复了政策，地块还是没有落实"));

        Assert.Equal(TicketStatus.Handling, story.Ticket.Status);
        Assert.Equal(1, story.Ticket.ReopenCount);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 17, 30, 0, TimeSpan.FromHours(8)), story.Ticket.ResolveDue);
        Assert.Equal("企业评价“不满意”：只答复了政策，地块还是没有落实", story.Events.OfType<TicketReopened>().Single().Reason);
    }

    [Fact]
    public void After_the_allowed_re_handlings_dissatisfaction_archives_the_ticket_for_the_dispatcher()
    {
        var story = new Story(Shipped.Rules(o => o.MaxReopens = 1)).Resolved();
        story.Then(Rate(story, Satisfaction.Dissatisfied))
            .Then((t, now) => new ResolveTicket(t.Id, People.LandClerk, "再次协调后，管委会同意出让相邻十二亩闲置地块。").Decide(t, story.Rules, now))
            .Then(Rate(story, Satisfaction.Dissatisfied));

        Assert.Equal(TicketStatus.Closed, story.Ticket.Status);
        Assert.Equal("企业评价“不满意”，已重办1次，归档并转调度员跟进", story.Events.OfType<TicketClosed>().Single().Reason);
    }

    [Fact]
    public void Only_the_enterprise_that_asked_rates_and_only_once()
    {
        var story = new Story().Resolved();

        Assert.Equal("只有提交诉求的企业可以评价。", story.Try(Rate(story, Satisfaction.Satisfied, by: People.OtherEnterprise)).Rejection!.Message);
        story.Then(Rate(story, Satisfaction.Satisfied));
        Assert.Equal(RejectionCode.WrongState, story.Try(Rate(story, Satisfaction.Satisfied)).Rejection!.Code);
    }

    [Fact]
    public void The_outcome_report_is_recorded_once_per_resolution()
    {
        var story = new Story().Resolved();
        story.Then((t, now) => new RecordOutcomeDelivery(t.Id, "webchat").Decide(t, story.Rules, now));

        Assert.Equal("诉求 YQ2026-000001 的办理结果已送达。",
            story.Try((t, now) => new RecordOutcomeDelivery(t.Id, "webchat").Decide(t, story.Rules, now)).Rejection!.Message);
    }

    [Fact]
    public void A_dispatcher_reopens_an_archived_ticket_when_a_callback_finds_it_unsolved()
    {
        var story = new Story().Resolved();
        story.Then(Rate(story, Satisfaction.Satisfied))
            .Then((t, now) => new ReopenTicket(t.Id, People.Dispatcher, "回访发现用地仍未落实").Decide(t, story.Rules, now));

        Assert.Equal(TicketStatus.Handling, story.Ticket.Status);
        Assert.Equal(RejectionCode.NotPermitted,
            story.Try((t, now) => new ReopenTicket(t.Id, People.LandClerk, "自行重办").Decide(t, story.Rules, now)).Rejection!.Code);
    }
}
