using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Conversations;

/// <summary>Filing a request in the chat, read as transcripts.</summary>
public sealed class SubmitRequestTests(PostgresServer server) : ConversationContext(server)
{
    [Fact]
    public async Task A_land_request_is_filed_after_asking_only_for_what_is_missing()
    {
        var chat = NewChat();

        var first = await chat.Says("我们厂房太挤了，想在园区再找二十亩工业用地，年底前能落实吗？");
        Assert.Equal(["好的，您的诉求属于“用地”类，将由自然资源和规划局承办。希望的位置或所在园区是？"], first.Select(r => r.Text));
        Assert.StartsWith("用地或厂房准备做什么用？", (await chat.Says("新材料产业园")).Text(), StringComparison.Ordinal);
        Assert.StartsWith("请留下贵企业的名称、您的称呼和联系电话", (await chat.Says("跳过")).Text(), StringComparison.Ordinal);

        var summary = (await chat.Says("常州宏晟纺织有限公司，信用代码91320411MA1W5XYX3X，刘洋，138 0615 2947")).Text();
        Assert.Contains("企业名称：常州宏晟纺织有限公司", summary, StringComparison.Ordinal);
        Assert.Contains("统一社会信用代码：91320411MA1W5XYX3X", summary, StringComparison.Ordinal);
        Assert.Contains("联系人：刘洋", summary, StringComparison.Ordinal);
        Assert.Contains("用地面积：20亩", summary, StringComparison.Ordinal);
        Assert.Contains("位置/园区：新材料产业园", summary, StringComparison.Ordinal);
        Assert.Contains("时限要求：年底前", summary, StringComparison.Ordinal);
        Assert.Contains("联系电话：138 0615 2947", summary, StringComparison.Ordinal);
        Assert.Contains("承办部门：自然资源和规划局", summary, StringComparison.Ordinal);

        var filed = (await chat.Says("确认提交")).Text();
        var ticket = Assert.Single(await Tickets());
        Assert.Contains($"诉求编号：{ticket.Number}", filed, StringComparison.Ordinal);
        Assert.Contains($"查询码：{ticket.QueryCode}", filed, StringComparison.Ordinal);
        Assert.Contains("承办部门：自然资源和规划局", filed, StringComparison.Ordinal);
        Assert.Contains("2026年11月24日 17:30前签收，2026年11月30日 17:30前办结", filed, StringComparison.Ordinal);
        Assert.Equal(("land", "刘洋", "91320411MA1W5XYX3X"), (ticket.Category, ticket.Contact.Name, ticket.Enterprise.CreditCode));
        Assert.Equal("新材料产业园", ticket.Entities["location"]);
        Assert.Equal("年底前", ticket.Entities["deadline"]);
        Assert.Equal("test:u-1001", ticket.SubmittedBy);
    }

    [Fact]
    public async Task A_wrong_credit_code_given_in_passing_is_explained_and_kept_off_the_summary()
    {
        var chat = NewChat();
        await chat.Says("想申请贷款贴息，需要300万");

        var replies = (await chat.Says("常州智联新能源科技有限公司，信用代码913204116803355831，王工，13912345678")).Text();

        Assert.Contains("您提供的统一社会信用代码“913204116803355831”未通过校验：统一社会信用代码的校验位不符", replies, StringComparison.Ordinal);
        Assert.Contains("如暂时无法核对，可以不填。", replies, StringComparison.Ordinal);
        Assert.Contains("请核对您的诉求信息", replies, StringComparison.Ordinal);
        Assert.DoesNotContain("统一社会信用代码：", replies, StringComparison.Ordinal);
        Assert.Contains("统一社会信用代码：91320282706058650F", (await chat.Says("信用代码改成91320282706058650F")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_given_in_passing_are_acknowledged_once_kept_and_never_asked_for()
    {
        var chat = NewChat();
        await chat.Says("银行抽贷了，急需周转资金");

        var replies = (await chat.Says("我们是无锡恒达精密机械有限公司，我姓刘，电话13914726385")).Text();

        Assert.Contains("企业名称：无锡恒达精密机械有限公司\n联系人：刘\n联系电话：13914726385", replies, StringComparison.Ordinal);
        Assert.DoesNotContain("这些情况已记下", replies, StringComparison.Ordinal);
        Assert.Contains("已更新：资金需求 300万元。", await Script(chat, "大概要500万吧", "算了，改成300万"), StringComparison.Ordinal);
        var summary = (await chat.Says("没有别的了")).Text() + await Script(chat, "确认提交");
        Assert.DoesNotContain("请问贵企业的全称是？", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("请留下", summary, StringComparison.Ordinal);
    }

    private static readonly string[] LoanToSummary = ["需要流动资金贷款500万，月底前", "江阴华澄机电有限公司，周工，13961673820"];

    [Fact]
    public async Task A_correction_at_the_summary_is_taken_in_and_the_summary_shown_again()
    {
        var chat = NewChat();
        Assert.Contains("请核对您的诉求信息", await Script(chat, LoanToSummary), StringComparison.Ordinal);

        var again = (await chat.Says("算了，改成300万")).Text();

        Assert.Contains("资金需求：300万元", again, StringComparison.Ordinal);
        Assert.Contains("确认提交", again, StringComparison.Ordinal);
        Assert.Empty(await Tickets());
    }

    [Fact]
    public async Task Any_field_can_be_changed_from_the_summary()
    {
        var chat = NewChat();
        await Script(chat, LoanToSummary);

        Assert.Contains("请问要修改哪一项？", (await chat.Says("修改")).Text(), StringComparison.Ordinal);
        Assert.Contains("当前为：13961673820", (await chat.Says("联系电话")).Text(), StringComparison.Ordinal);
        Assert.Contains("联系电话：0510-85213376", (await chat.Says("0510-85213376")).Text(), StringComparison.Ordinal);
    }

    private static readonly string[] HiringToSummary = ["招20个普工，下个月新车间投产", "泰州宏力重工有限公司，张伟，13606182453"];

    [Fact]
    public async Task Next_time_the_same_user_is_offered_the_details_left_before()
    {
        var chat = NewChat();
        await Script(chat, [.. HiringToSummary, "确认提交"]);

        var again = NewChat();
        var offer = await Script(again, "还想申请稳岗返还");

        Assert.Contains("您上次留下的信息是：泰州宏力重工有限公司，联系人张伟，电话136****2453。这次仍使用这些信息吗？", offer, StringComparison.Ordinal);
        Assert.Contains("请核对您的诉求信息", (await again.Says("是")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_confirmation_files_no_second_ticket()
    {
        var chat = NewChat();
        await Script(chat, HiringToSummary);
        var confirm = new Dialogs.Activities.Activity { Id = $"{chat.ConversationId}|confirm", Text = "确认提交", Locale = "zh-CN" };

        await chat.Sends(confirm);
        await chat.Sends(confirm);

        Assert.Single(await Tickets());
    }

    [Fact]
    public async Task In_web_chat_the_summary_is_an_Adaptive_Card_whose_button_files_the_request()
    {
        var chat = NewChat(channel: "directline");
        await Script(chat, HiringToSummary[..^1]);

        var summary = await chat.Says(HiringToSummary[^1]);
        var card = Assert.Single(summary.SelectMany(r => r.Attachments ?? []));
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
        Assert.Contains("泰州宏力重工有限公司", card.Content!.Value.GetRawText(), StringComparison.Ordinal);

        var filed = await chat.Submits(new { action = "submit" });

        Assert.Contains("诉求编号：", filed.Text(), StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Routed, Assert.Single(await Tickets()).Status);
    }

    [Fact]
    public async Task When_unsure_between_categories_the_bot_asks_with_buttons_and_does_not_guess()
    {
        var chat = NewChat();

        var question = await chat.Says("出口受影响很大，有没有政策支持");

        Assert.Contains("请确认您的诉求属于哪一类", question.Text(), StringComparison.Ordinal);
        Assert.True(question.Buttons().Count >= 2);
        var chosen = await chat.Says(question.Buttons()[0]);
        Assert.Contains("类，将由", chosen.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_English_speaker_is_answered_in_English()
    {
        var chat = NewChat(locale: "en-US");

        var first = await chat.Says("We need a bank loan of 5 million yuan for working capital");

        Assert.Contains("Understood: this is a Financing request, to be handled by the Local Financial Regulatory Bureau.", first.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(first.Text(), c => c >= 0x4E00 && c <= 0x9FFF);
        Assert.Contains("What is the money for?", first.Text(), StringComparison.Ordinal);
    }
}
