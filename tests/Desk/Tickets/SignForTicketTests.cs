using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Desk.Tickets;

public sealed class SignForTicketTests
{
    [Fact]
    public void Staff_of_the_lead_department_sign_for_a_routed_ticket()
    {
        var story = new Story().SignedFor(People.LandClerk);

        Assert.Equal(TicketStatus.SignedFor, story.Ticket.Status);
        Assert.Equal("王芳", story.Ticket.AssigneeName);
        Assert.Equal(story.Now, story.Ticket.SignedForAt);
    }

    [Fact]
    public void A_second_signature_is_refused_and_names_who_signed_first()
    {
        var story = new Story().SignedFor(People.LandClerk);

        var decision = story.Try((t, now) => new SignForTicket(t.Id, People.LandClerk2).Decide(t, story.Rules, now));

        Assert.Equal(RejectionCode.AlreadySignedFor, decision.Rejection!.Code);
        Assert.Equal("诉求 YQ2026-000001 已由王芳于2026年11月23日 10:00签收，无需重复签收。", decision.Rejection.Message);
    }

    [Fact]
    public void Signing_twice_tells_the_same_person_they_already_did()
    {
        var story = new Story().SignedFor(People.LandClerk);

        var decision = story.Try((t, now) => new SignForTicket(t.Id, People.LandClerk).Decide(t, story.Rules, now));

        Assert.StartsWith("诉求 YQ2026-000001 已由您于", decision.Rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_department_cannot_sign_for_it()
    {
        var story = new Story();

        var decision = story.Try((t, now) => new SignForTicket(t.Id, People.FinanceClerk).Decide(t, story.Rules, now));

        Assert.Equal(RejectionCode.WrongDepartment, decision.Rejection!.Code);
        Assert.Equal("诉求 YQ2026-000001 由自然资源和规划局主办，您所在的部门不能签收。", decision.Rejection.Message);
    }

    [Fact]
    public void An_enterprise_or_a_leader_cannot_sign_for_it()
    {
        var story = new Story();

        Assert.Equal(RejectionCode.NotPermitted, story.Try((t, now) => new SignForTicket(t.Id, People.Enterprise).Decide(t, story.Rules, now)).Rejection!.Code);
        Assert.Equal(RejectionCode.NotPermitted, story.Try((t, now) => new SignForTicket(t.Id, People.Leader).Decide(t, story.Rules, now)).Rejection!.Code);
    }

    [Fact]
    public void A_withdrawn_ticket_cannot_be_signed_for()
    {
        var story = new Story().Then((t, now) => new WithdrawTicket(t.Id, People.Enterprise, "问题已自行解决").Decide(t, Shipped.Rules(), now));

        var decision = story.Try((t, now) => new SignForTicket(t.Id, People.LandClerk).Decide(t, story.Rules, now));

        Assert.Equal("诉求 YQ2026-000001 当前状态为“已撤回”，不能签收。", decision.Rejection!.Message);
    }
}
