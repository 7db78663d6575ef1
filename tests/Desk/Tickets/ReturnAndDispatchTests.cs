using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Desk.Tickets;

public sealed class ReturnAndDispatchTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly Dialogs.Desk.DeskRules StoryRules = Shipped.Rules();

    [Fact]
    public void A_department_returns_a_misrouted_ticket_with_its_reason_and_the_dispatcher_sees_it()
    {
        var story = new Story().Then((t, now) => new ReturnTicket(t.Id, People.LandHead, "该事项为贷款贴息，属金融局职责").Decide(t, StoryRules, now));

        Assert.Equal(TicketStatus.Returned, story.Ticket.Status);
        Assert.Equal("该事项为贷款贴息，属金融局职责", story.Ticket.ReturnReason);
        Assert.Null(story.Ticket.AssigneeId);
    }

    [Fact]
    public void A_return_without_a_real_reason_is_refused()
    {
        var story = new Story();
        var decision = story.Try((t, now) => new ReturnTicket(t.Id, People.LandClerk, "不是").Decide(t, story.Rules, now));
        Assert.Equal("请填写退单理由（说明不属于本部门职责的依据）（至少5个字）。", decision.Rejection!.Message);
    }

    [Fact]
    public void A_return_after_two_working_days_is_refused_and_points_to_the_dispatcher()
    {
        var story = new Story().SignedFor().At(new DateTimeOffset(2026, 11, 26, 9, 0, 0, Beijing));

        var decision = story.Try((t, now) => new ReturnTicket(t.Id, People.LandClerk, "不属于本局职责范围").Decide(t, story.Rules, now));

        Assert.Equal(RejectionCode.DeadlinePassed, decision.Rejection!.Code);
        Assert.Equal("退单须在派单后2个工作日内提出（截止2026年11月25日 17:30），现已超过时限。如确属其他部门职责，请联系调度员转办。", decision.Rejection.Message);
    }

    [Fact]
    public void The_service_center_cannot_return_what_it_triages()
    {
        var story = new Story(request: Requests.Of("other", "园区门口的路灯坏了一个月了"));
        var clerk = new Actor("zheng.hao", "郑浩", ActorRole.Staff, "service-center");

        var decision = story.Try((t, now) => new ReturnTicket(t.Id, clerk, "不属于本中心职责").Decide(t, story.Rules, now));

        Assert.Equal("服务中心不能退单，请直接重新派单。", decision.Rejection!.Message);
    }

    [Fact]
    public void The_dispatcher_redispatches_a_returned_ticket_and_the_clocks_restart()
    {
        var story = new Story()
            .Then((t, now) => new ReturnTicket(t.Id, People.LandHead, "属于贷款贴息，应由金融局办理").Decide(t, StoryRules, now))
            .At(new DateTimeOffset(2026, 11, 24, 15, 0, 0, Beijing))
            .Then((t, now) => new RedispatchTicket(t.Id, People.Dispatcher, "finance", ["industry"], "贴息政策由金融局牵头").Decide(t, StoryRules, now));

        Assert.Equal(TicketStatus.Routed, story.Ticket.Status);
        Assert.Equal("finance", story.Ticket.LeadDepartmentId);
        Assert.Equal(["industry"], story.Ticket.CoHandlingDepartmentIds);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 17, 30, 0, Beijing), story.Ticket.SignForDue);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 17, 30, 0, Beijing), story.Ticket.ResolveDue);
    }

    [Fact]
    public void Only_a_dispatcher_redispatches_and_only_to_a_known_department()
    {
        var story = new Story().Then((t, now) => new ReturnTicket(t.Id, People.LandHead, "不属于本局职责范围").Decide(t, StoryRules, now));

        Assert.Equal("只有调度员可以重新派单。",
            story.Try((t, now) => new RedispatchTicket(t.Id, People.LandHead, "finance", null, null).Decide(t, story.Rules, now)).Rejection!.Message);
        Assert.Equal("部门“tourism”不存在或已停用。",
            story.Try((t, now) => new RedispatchTicket(t.Id, People.Dispatcher, "tourism", null, null).Decide(t, story.Rules, now)).Rejection!.Message);
    }

    [Fact]
    public void The_head_of_the_lead_department_transfers_a_ticket_in_hand_and_the_new_department_must_sign_for_it()
    {
        var story = new Story().SignedFor()
            .Then((t, now) => new TransferTicket(t.Id, People.LandHead, "approval", null, "涉及施工许可，由审批局办理").Decide(t, StoryRules, now));

        Assert.Equal(TicketStatus.Routed, story.Ticket.Status);
        Assert.Equal("approval", story.Ticket.LeadDepartmentId);
        Assert.Null(story.Ticket.AssigneeId);
        Assert.Equal(1, story.Ticket.TransferCount);
    }

    [Fact]
    public void A_clerk_cannot_transfer_and_nobody_transfers_to_the_same_department()
    {
        var story = new Story().SignedFor();

        Assert.Equal(RejectionCode.NotPermitted,
            story.Try((t, now) => new TransferTicket(t.Id, People.LandClerk, "approval", null, "涉及施工许可").Decide(t, story.Rules, now)).Rejection!.Code);
        Assert.Equal("诉求已由自然资源和规划局主办，请选择其他部门。",
            story.Try((t, now) => new TransferTicket(t.Id, People.Dispatcher, "natural-resources", null, "重新处理").Decide(t, story.Rules, now)).Rejection!.Message);
    }
}
