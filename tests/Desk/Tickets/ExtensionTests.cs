using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Desk.Tickets;

public sealed class ExtensionTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static Story SignedTicket() => new Story().SignedFor();

    private static Func<Ticket, DateTimeOffset, Decision> Ask(Story story, int days, string reason = "需要园区管委会上会研究用地指标") =>
        (t, now) => new RequestExtension(t.Id, People.LandClerk, days, reason).Decide(t, story.Rules, now);

    [Fact]
    public void The_head_approves_an_extension_and_the_resolve_deadline_moves_by_working_days()
    {
        var story = SignedTicket();
        story.Then(Ask(story, 5)).Then((t, now) => new DecideExtension(t.Id, People.LandHead, Approve: true).Decide(t, story.Rules, now));

        // Was Monday 30 November; five more working days.
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 17, 30, 0, Beijing), story.Ticket.ResolveDue);
        Assert.Equal(5, story.Ticket.ExtendedDays);
        Assert.Null(story.Ticket.PendingExtension);
    }

    [Fact]
    public void An_extension_over_National_Day_skips_the_holiday_and_counts_the_make_up_Saturday()
    {
        var story = new Story(filedAt: new DateTimeOffset(2026, 9, 24, 9, 0, 0, Beijing)).SignedFor();

        // Five working days from Thursday 24 September: 9/28, 9/29, 9/30, 10/8, 10/9 (中秋 and 国庆 are off).
        Assert.Equal(new DateTimeOffset(2026, 10, 9, 17, 30, 0, Beijing), story.Ticket.ResolveDue);

        story.Then(Ask(story, 2))
            .Then((t, now) => new DecideExtension(t.Id, People.Dispatcher, Approve: true).Decide(t, story.Rules, now));

        // Two more: Saturday 10/10 (调休上班) and Monday 10/12.
        Assert.Equal(new DateTimeOffset(2026, 10, 12, 17, 30, 0, Beijing), story.Ticket.ResolveDue);
    }

    [Fact]
    public void The_approver_may_grant_fewer_days_than_asked_but_not_more()
    {
        var story = SignedTicket();
        story.Then(Ask(story, 5));

        Assert.Equal("批准的延期天数应为1至5个工作日。",
            story.Try((t, now) => new DecideExtension(t.Id, People.LandHead, true, Days: 8).Decide(t, story.Rules, now)).Rejection!.Message);
        story.Then((t, now) => new DecideExtension(t.Id, People.LandHead, true, Days: 2).Decide(t, story.Rules, now));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 17, 30, 0, Beijing), story.Ticket.ResolveDue);
    }

    [Fact]
    public void An_extension_asked_after_the_deadline_is_refused()
    {
        var story = SignedTicket().At(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Beijing));

        var decision = story.Try(Ask(story, 3));

        Assert.Equal(RejectionCode.DeadlinePassed, decision.Rejection!.Code);
        Assert.Equal("延期须在办结时限（2026年11月30日 17:30）前申请，现已超期。", decision.Rejection.Message);
    }

    [Fact]
    public void An_extension_past_thirty_working_days_from_dispatch_is_refused_with_the_latest_date()
    {
        var story = SignedTicket();

        var decision = story.Try(Ask(story, 30));

        Assert.Equal(RejectionCode.LimitExceeded, decision.Rejection!.Code);
        Assert.Contains("办结时限最长为派单后30个工作日（2027年1月5日 17:30）", decision.Rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_request_waits_for_the_first_and_a_clerk_cannot_approve_their_own()
    {
        var story = SignedTicket();
        story.Then(Ask(story, 3));

        Assert.Equal("已有一项延期3个工作日的申请正在审批，请等待审批结果。", story.Try(Ask(story, 2)).Rejection!.Message);
        Assert.Equal(RejectionCode.NotPermitted,
            story.Try((t, now) => new DecideExtension(t.Id, People.LandClerk, true).Decide(t, story.Rules, now)).Rejection!.Code);
    }

    [Fact]
    public void A_rejected_extension_keeps_the_deadline_and_needs_a_reason()
    {
        var story = SignedTicket();
        story.Then(Ask(story, 3));
        var before = story.Ticket.ResolveDue;

        Assert.Equal("请填写不同意延期的理由（至少2个字）。",
            story.Try((t, now) => new DecideExtension(t.Id, People.Dispatcher, false).Decide(t, story.Rules, now)).Rejection!.Message);
        story.Then((t, now) => new DecideExtension(t.Id, People.Dispatcher, false, Reason: "材料齐全，应按期办结").Decide(t, story.Rules, now));

        Assert.Equal(before, story.Ticket.ResolveDue);
        Assert.Null(story.Ticket.PendingExtension);
    }
}
