using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Conversations;

/// <summary>Whatever arrives, the user gets a clear, polite answer and the conversation stays intact.</summary>
public sealed class BadInputTests(PostgresServer server) : ConversationContext(server)
{
    [Theory]
    [InlineData("", "没有收到文字内容，请输入您要咨询或反映的问题。")]
    [InlineData("   ", "没有收到文字内容，请输入您要咨询或反映的问题。")]
    [InlineData("😀😀👍", "抱歉，我暂时只能识别文字，请用文字描述您的需求。")]
    [InlineData("？？？！！", "抱歉，我暂时只能识别文字，请用文字描述您的需求。")]
    public async Task Empty_or_symbol_only_messages_get_a_polite_answer(string text, string answer) =>
        Assert.Equal(answer, (await NewChat().Says(text)).Text());

    [Fact]
    public async Task A_very_long_message_is_declined_and_the_question_still_waits()
    {
        var chat = NewChat();
        await chat.Says("想申请贷款贴息");

        var declined = await chat.Says(new string('贷', 2001));

        Assert.Equal("您的消息较长（2001字），请精简到2000字以内，或分几条发送。", declined.Text());
        Assert.StartsWith("请留下贵企业的名称、您的称呼和联系电话", (await chat.Says("300万")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_is_stripped_before_anything_reads_it()
    {
        var chat = NewChat();
        await Script(chat, "<script>alert('x')</script>招20个普工<b>急</b>", "泰州宏力重工有限公司，张伟，13606182453", "确认提交");

        var ticket = Assert.Single(await Tickets());
        Assert.DoesNotContain("<", ticket.Text, StringComparison.Ordinal);
        Assert.Contains("招20个普工", ticket.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_card_payload_is_answered_and_changes_nothing()
    {
        var chat = NewChat();

        var replies = await chat.Submits(new { action = "launchRocket", payload = new[] { 1, 2 } });

        Assert.StartsWith("抱歉，这个按钮已失效", replies.Text(), StringComparison.Ordinal);
        Assert.Empty(await Tickets());
    }

    [Fact]
    public async Task A_stale_card_button_in_the_middle_of_a_request_is_answered_and_the_question_repeated()
    {
        var chat = NewChat();
        await chat.Says("想申请贷款贴息");

        var replies = await chat.Submits(new { action = "rate", ticket = "YQ2026-999999" });

        Assert.Contains("大约需要多少资金？", replies.Text(), StringComparison.Ordinal);
    }
}
