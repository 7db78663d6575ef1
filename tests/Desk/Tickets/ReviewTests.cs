using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Desk.Tickets;

/// <summary>The two reviews a region may want: the head approves a clerk's 退单, the dispatcher releases an outcome (审核).</summary>
public sealed class ReviewTests
{
    private static readonly DeskRules Reviewing = Shipped.Rules(options => options.ReviewOutcomes = true);

    [Fact]
    public void A_clerks_return_waits_for_the_head_who_sends_it_to_the_dispatcher()
    {
        var story = new Story().Then((t, now) => new ReturnTicket(t.Id, People.LandClerk, "该事项为贷款贴息，属金融局职责").Decide(t, Shipped.Rules(), now));
        Assert.Equal(TicketStatus.Routed, story.Ticket.Status);
        Assert.Equal("该事项为贷款贴息，属金融局职责", story.Ticket.PendingReturn!.Text);
        Assert.Equal("诉求 YQ2026-000001 已有退单申请在等待部门负责人审核。",
            story.Try((t, now) => new ReturnTicket(t.Id, People.LandClerk2, "不属于本局职责范围").Decide(t, story.Rules, now)).Rejection!.Message);
        Assert.Equal("只有主办部门负责人可以审核退单。",
            story.Try((t, now) => new DecideReturn(t.Id, People.LandClerk2, Approve: true).Decide(t, story.Rules, now)).Rejection!.Message);

        story.Then((t, now) => new DecideReturn(t.Id, People.LandHead, Approve: true).Decide(t, story.Rules, now));

        Assert.Equal(TicketStatus.Returned, story.Ticket.Status);
        Assert.Equal("该事项为贷款贴息，属金融局职责", story.Ticket.ReturnReason);
        Assert.Null(story.Ticket.PendingReturn);
    }

    [Fact]
    public void The_head_can_keep_the_ticket_in_the_department_with_a_reason()
    {
        var story = new Story()
            .Then((t, now) => new ReturnTicket(t.Id, People.LandClerk, "该事项为贷款贴息，属金融局职责").Decide(t, Shipped.Rules(), now));

        Assert.Equal("请填写不同意退单的理由（至少2个字）。", story.Try((t, now) => new DecideReturn(t.Id, People.LandHead, Approve: false).Decide(t, story.Rules, now)).Rejection!.Message);
        story.Then((t, now) => new DecideReturn(t.Id, People.LandHead, Approve: false, Reason: "涉及用地指标，由我局牵头办理").Decide(t, story.Rules, now));

        Assert.Equal(TicketStatus.Routed, story.Ticket.Status);
        Assert.Null(story.Ticket.PendingReturn);
    }

    [Fact]
    public void With_review_switched_on_an_outcome_reaches_the_enterprise_only_once_a_dispatcher_releases_it()
    {
        var story = new Story(Reviewing).SignedFor()
            .Then((t, now) => new ResolveTicket(t.Id, People.LandClerk, "已协调园区管委会，预留二十亩工业用地。").Decide(t, Reviewing, now));
        Assert.Equal(TicketStatus.SignedFor, story.Ticket.Status);
        Assert.Equal("已协调园区管委会，预留二十亩工业用地。", story.Ticket.PendingOutcome!.Text);
        Assert.Equal("诉求 YQ2026-000001 的办理结果正在审核中，请等待审核意见。",
            story.Try((t, now) => new ResolveTicket(t.Id, People.LandClerk, "再补充一句：下周一现场踏勘。").Decide(t, Reviewing, now)).Rejection!.Message);

        story.Then((t, now) => new ReviewOutcome(t.Id, People.Dispatcher, Approve: false, Comment: "请写明踏勘时间").Decide(t, Reviewing, now))
            .Then((t, now) => new ResolveTicket(t.Id, People.LandClerk, "已协调园区管委会，预留二十亩工业用地，下周一上午现场踏勘。").Decide(t, Reviewing, now))
            .Then((t, now) => new ReviewOutcome(t.Id, People.Dispatcher, Approve: true).Decide(t, Reviewing, now));

        Assert.Equal(TicketStatus.Resolved, story.Ticket.Status);
        Assert.Equal("已协调园区管委会，预留二十亩工业用地，下周一上午现场踏勘。", story.Ticket.Outcome);
        Assert.Equal("只有调度员可以审核办理结果。",
            new Story(Reviewing).SignedFor()
                .Then((t, now) => new ResolveTicket(t.Id, People.LandClerk, "已协调园区管委会，预留二十亩工业用地。").Decide(t, Reviewing, now))
                .Try((t, now) => new ReviewOutcome(t.Id, People.LandHead, Approve: true).Decide(t, Reviewing, now)).Rejection!.Message);
    }
}
