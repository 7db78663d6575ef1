using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Conversations;

public sealed class InterruptionTests(PostgresServer server) : ConversationContext(server)
{
    [Fact]
    public async Task Joining_a_conversation_shows_the_welcome_and_the_menu_once()
    {
        var chat = NewChat();

        var welcome = await chat.Joins();

        Assert.StartsWith("您好，我是“有求必应”企业服务助手", welcome.Text(), StringComparison.Ordinal);
        Assert.Equal(["提交诉求", "查询进度", "我的诉求", "帮助"], welcome.Buttons());
        Assert.Empty(await chat.Joins());
    }

    [Fact]
    public async Task Help_in_the_middle_of_a_question_explains_and_asks_the_same_question_again()
    {
        var chat = NewChat();
        await chat.Says("想申请贷款贴息");

        var replies = await chat.Says("帮助");

        Assert.StartsWith("使用说明：", replies[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("大约需要多少资金？", replies[^1].Text, StringComparison.Ordinal);
        Assert.StartsWith("请留下贵企业的名称、您的称呼和联系电话", (await chat.Says("300万")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_ends_the_request_and_the_next_message_starts_afresh()
    {
        var chat = NewChat();
        await chat.Says("想申请贷款贴息");

        var cancelled = await chat.Says("取消");

        Assert.Equal("好的，已取消。请问还有什么可以帮您？", cancelled.Text());
        Assert.Null(await Draft(chat));
        Assert.Contains("“用工”类", (await chat.Says("招20个普工")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sentence_that_starts_with_a_command_word_is_a_correction_not_a_command()
    {
        var chat = NewChat();
        await chat.Says("需要贷款500万");

        await chat.Says("算了，改成300万");

        Assert.Equal(3_000_000m, (await Draft(chat))!.Entities.AmountCny);
    }

    [Fact]
    public async Task Restart_and_main_menu_leave_the_current_request()
    {
        var chat = NewChat();
        await chat.Joins();
        await chat.Says("想申请贷款贴息");

        Assert.Equal(["提交诉求", "查询进度", "我的诉求", "帮助"], (await chat.Says("返回主菜单")).Buttons());
        Assert.Null(await Draft(chat));
        await chat.Says("想申请贷款贴息");
        Assert.StartsWith("您好，我是“有求必应”", (await chat.Says("重新开始")).Text(), StringComparison.Ordinal);
        Assert.Null(await Draft(chat));
    }

    [Fact]
    public async Task A_greeting_gets_a_greeting_and_a_question_about_the_need()
    {
        var chat = NewChat();

        var replies = await chat.Says("有人吗");

        Assert.Equal(["您好！请简单描述一下贵企业遇到的问题或需要协调的事项。"], replies.Select(r => r.Text));
    }
}
