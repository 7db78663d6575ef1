using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Conversations;

/// <summary>After filing: my requests, progress by number and 查询码, adding information, withdrawing, rating.</summary>
public sealed class TicketConversationTests(PostgresServer server) : ConversationContext(server)
{
    private async Task<(Chat Chat, Ticket Ticket)> Filed()
    {
        var chat = NewChat();
        await Script(chat, "招20个普工，下个月要到岗", "泰州宏力重工有限公司，张伟，13606182453", "确认提交");
        return (chat, Assert.Single(await Tickets()));
    }

    [Fact]
    public async Task My_requests_lists_the_tickets_of_this_user_with_status_and_deadline()
    {
        var (chat, ticket) = await Filed();

        var list = await chat.Says("我的诉求");

        Assert.Contains($"1. {ticket.Number}｜用工｜待签收｜2026年11月30日 17:30前办结", list.Text(), StringComparison.Ordinal);
        Assert.Equal([ticket.Number], list.Buttons());
        Assert.Equal("您还没有通过本账号提交过诉求。可以直接描述您的问题来提交。", (await NewChat(user: "u-2002").Says("我的诉求")).Text());
    }

    [Fact]
    public async Task The_number_and_query_code_show_progress_from_any_conversation_but_the_number_alone_does_not()
    {
        var (_, ticket) = await Filed();
        await Desk.Run(new SignForTicket(ticket.Id, new Actor("li.na", "李娜", ActorRole.Staff, "human-resources")), Cancel);
        var stranger = NewChat(user: "u-3003");

        var withCode = (await stranger.Says($"查询 {ticket.Number} {ticket.QueryCode}")).Text();
        Assert.Contains("当前状态：已签收", withCode, StringComparison.Ordinal);
        Assert.Contains("已派送人力资源和社会保障局办理", withCode, StringComparison.Ordinal);
        Assert.Contains("人力资源和社会保障局已签收", withCode, StringComparison.Ordinal);
        Assert.DoesNotContain("李娜", withCode, StringComparison.Ordinal);

        var withoutCode = (await stranger.Says(ticket.Number)).Text();
        Assert.Contains("没有找到与查询码匹配的诉求", withoutCode, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guessing_query_codes_stops_after_five_failures_for_the_number_everywhere_until_the_window_has_passed()
    {
        var (owner, ticket) = await Filed();
        var guesser = NewChat(user: "u-4004");
        for (var i = 0; i < 5; i++)
        {
            Assert.Contains("没有找到与查询码匹配的诉求", (await guesser.Says($"查询 {ticket.Number} QQQQQ{i}")).Text(), StringComparison.Ordinal);
        }

        var locked = (await guesser.Says($"查询 {ticket.Number} {ticket.QueryCode}")).Text();

        Assert.Equal("为保护企业信息，查询失败次数较多，查询功能已暂停，请15分钟后再试。如需帮助，请联系营商环境服务中心。", locked);
        Assert.StartsWith("为保护企业信息", (await NewChat(user: "u-5005").Says($"查询 {ticket.Number} {ticket.QueryCode}")).Text(), StringComparison.Ordinal);
        Assert.Contains("当前状态", (await owner.Says($"查询 {ticket.Number}")).Text(), StringComparison.Ordinal);
        Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Contains("当前状态", (await guesser.Says($"查询 {ticket.Number} {ticket.QueryCode}")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_adds_information_and_then_withdraws()
    {
        var (chat, ticket) = await Filed();

        Assert.Contains("请输入需要补充给承办部门的内容", (await chat.Says($"补充 {ticket.Number}")).Text(), StringComparison.Ordinal);
        Assert.Equal("已收到，您补充的内容已转交承办部门。", (await chat.Says("另外还需要两名叉车工")).Text());
        Assert.Contains("确定要撤回诉求", (await chat.Says($"撤回 {ticket.Number}")).Text(), StringComparison.Ordinal);
        Assert.Equal($"诉求 {ticket.Number} 已撤回。", (await chat.Says("是")).Text());

        var stored = Assert.Single(await Tickets());
        Assert.Equal(TicketStatus.Withdrawn, stored.Status);
    }

    [Fact]
    public async Task Someone_else_cannot_withdraw_even_with_the_number()
    {
        var (_, ticket) = await Filed();

        var replies = await NewChat(user: "u-3003").Says($"撤回 {ticket.Number}");

        Assert.Equal($"在您通过本账号提交的诉求中没有找到 {ticket.Number}，请核对编号。", replies.Text());
        Assert.Equal(TicketStatus.Routed, Assert.Single(await Tickets()).Status);
    }

    [Fact]
    public async Task A_dissatisfied_rating_from_the_outcome_card_asks_why_and_reopens_the_ticket()
    {
        var (chat, ticket) = await Filed();
        var clerk = new Actor("li.na", "李娜", ActorRole.Staff, "human-resources");
        await Desk.Run(new SignForTicket(ticket.Id, clerk), Cancel);
        await Desk.Run(new ResolveTicket(ticket.Id, clerk, "已推荐两家劳务公司，并在下周招聘会上为贵企业设专区。"), Cancel);

        var why = await chat.Submits(new { action = "rate", ticket = ticket.Number, rating = "Dissatisfied" });
        Assert.StartsWith("很抱歉没能让您满意", why.Text(), StringComparison.Ordinal);
        var reply = await chat.Says("招聘会人太少，还是没招到");

        Assert.Contains("已安排人力资源和社会保障局重新办理", reply.Text(), StringComparison.Ordinal);
        var stored = Assert.Single(await Tickets());
        Assert.Equal((TicketStatus.Handling, Satisfaction.Dissatisfied, "招聘会人太少，还是没招到"), (stored.Status, stored.Rating!.Value, stored.RatingComment));
    }

    [Fact]
    public async Task A_satisfied_rating_typed_in_the_chat_closes_the_ticket()
    {
        var (chat, ticket) = await Filed();
        var clerk = new Actor("li.na", "李娜", ActorRole.Staff, "human-resources");
        await Desk.Run(new SignForTicket(ticket.Id, clerk), Cancel);
        await Desk.Run(new ResolveTicket(ticket.Id, clerk, "已推荐两家劳务公司，并在下周招聘会上为贵企业设专区。"), Cancel);

        Assert.Contains("请您对诉求", (await chat.Says($"评价 {ticket.Number}")).Text(), StringComparison.Ordinal);
        Assert.Equal("感谢您的评价！", (await chat.Says("满意")).Text());
        Assert.Equal(TicketStatus.Closed, Assert.Single(await Tickets()).Status);
    }
}
