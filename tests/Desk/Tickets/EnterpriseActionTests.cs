using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Desk.Tickets;

public sealed class EnterpriseActionTests
{
    [Fact]
    public void Staff_ask_for_materials_and_the_enterprise_answer_puts_the_ticket_back_in_hand()
    {
        var story = new Story().SignedFor()
            .Then((t, now) => new RequestInformation(t.Id, People.LandClerk, "请补充现有厂房的不动产证复印件和新增用地的项目计划书").Decide(t, Shipped.Rules(), now));
        Assert.Equal(TicketStatus.AwaitingInformation, story.Ticket.Status);

        story.Then((t, now) => new ProvideInformation(t.Id, People.Enterprise, "已上传不动产证和项目计划书，请查收").Decide(t, story.Rules, now));

        Assert.Equal(TicketStatus.Handling, story.Ticket.Status);
        Assert.Null(story.Ticket.OpenInformationRequest);
    }

    [Fact]
    public void Another_enterprise_cannot_add_to_or_withdraw_someone_elses_ticket()
    {
        var story = new Story();

        Assert.Equal("只有提交诉求的企业可以补充诉求材料。",
            story.Try((t, now) => new ProvideInformation(t.Id, People.OtherEnterprise, "补充一下").Decide(t, story.Rules, now)).Rejection!.Message);
        Assert.Equal("只有提交诉求的企业可以撤回诉求。",
            story.Try((t, now) => new WithdrawTicket(t.Id, People.OtherEnterprise, null).Decide(t, story.Rules, now)).Rejection!.Message);
    }

    [Fact]
    public void The_enterprise_withdraws_an_open_request_but_not_a_resolved_one()
    {
        var open = new Story().Then((t, now) => new WithdrawTicket(t.Id, People.Enterprise, "已经找到合适的厂房").Decide(t, Shipped.Rules(), now));
        Assert.Equal(TicketStatus.Withdrawn, open.Ticket.Status);

        var resolved = new Story().Resolved();
        Assert.Equal("诉求 YQ2026-000001 当前状态为“已办结，待评价”，不能撤回。",
            resolved.Try((t, now) => new WithdrawTicket(t.Id, People.Enterprise, null).Decide(t, Shipped.Rules(), now)).Rejection!.Message);
    }

    [Fact]
    public void A_leader_supervises_and_a_clerk_cannot()
    {
        var story = new Story().SignedFor()
            .Then((t, now) => new SuperviseTicket(t.Id, People.Leader, "请自然资源局本周内拿出用地方案").Decide(t, Shipped.Rules(), now));

        Assert.Equal(1, story.Ticket.SupervisionCount);
        Assert.Equal("只有领导或调度员可以督办。",
            story.Try((t, now) => new SuperviseTicket(t.Id, People.LandClerk, "加快").Decide(t, story.Rules, now)).Rejection!.Message);
    }
}
