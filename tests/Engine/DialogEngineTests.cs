using Assistant.Dialogs.Activities;
using Assistant.Dialogs.State;
using Assistant.Dialogs.Turns;
using Assistant.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Tests.Engine;

/// <summary>The engine through the turn runner on real PostgreSQL; each test reads as a transcript.</summary>
public sealed class DialogEngineTests(PostgresServer server) : DeskContext(server)
{
    private TurnRunner Host() => new(Store, new VisitBot(), [], Clock, NullLogger<TurnRunner>.Instance);

    [Fact]
    public async Task A_visit_is_booked_step_by_step_with_every_kind_of_prompt()
    {
        var chat = new Chat(Host());

        Assert.Equal("请问贵公司名称？", (await chat.Says("你好")).Text());
        Assert.Equal("来访几人？", (await chat.Says("常州宏晟纺织")).Text());
        Assert.StartsWith("希望哪天来访？", (await chat.Says("三")).Text(), StringComparison.Ordinal);
        var department = await chat.Says("下周三");
        Assert.Equal(["发改委", "商务局", "科技局"], department.Buttons());
        Assert.Equal("常州宏晟纺织，3人，下周三，拜访科技局，确认吗？", (await chat.Says("科学技术局")).Text());
        Assert.Equal("已预约。", (await chat.Says("好的")).Text());
        Assert.Empty(await State());
    }

    [Fact]
    public async Task A_wrong_answer_is_explained_and_asked_again_without_losing_earlier_answers()
    {
        var chat = new Chat(Host());
        await chat.Says("你好");
        await chat.Says("常州宏晟纺织");

        Assert.Equal("人数需要是大于0的数字，例如“3”或“三”。", (await chat.Says("还没定")).Text());
        Assert.Equal("人数需要是大于0的数字，例如“3”或“三”。", (await chat.Says("0")).Text());
        Assert.StartsWith("希望哪天来访？", (await chat.Says("两")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_in_the_middle_of_a_prompt_answers_and_asks_the_same_question_again()
    {
        var chat = new Chat(Host());
        await chat.Says("你好");
        await chat.Says("常州宏晟纺织");

        var replies = await chat.Says("帮助");

        Assert.Equal(["这是预约来访的帮助：按提示回答即可。", "来访几人？"], replies.Select(r => r.Text));
        Assert.StartsWith("希望哪天来访？", (await chat.Says("4")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_optional_question_can_be_skipped_and_a_choice_made_by_number()
    {
        var chat = new Chat(Host());
        await chat.Says("你好");
        await chat.Says("华锦精密");
        await chat.Says("2");
        await chat.Says("跳过");

        Assert.Equal("华锦精密，2人，时间待定，拜访商务局，确认吗？", (await chat.Says("第二个")).Text());
        Assert.Equal("已取消预约。", (await chat.Says("不用了")).Text());
    }

    [Fact]
    public async Task Typing_and_events_do_not_answer_a_prompt()
    {
        var chat = new Chat(Host());
        await chat.Says("你好");

        Assert.Empty(await chat.Sends(new Activity { Type = ActivityTypes.Typing }));
        Assert.Empty(await chat.Sends(new Activity { Type = ActivityTypes.Event, Name = "webchat/join" }));
        Assert.Equal("来访几人？", (await chat.Says("常州宏晟纺织")).Text());
    }

    [Fact]
    public async Task Another_host_continues_the_conversation_where_the_first_left_it()
    {
        var first = new Chat(Host());
        await first.Says("你好");
        var second = new Chat(Host(), conversationId: first.ConversationId);

        Assert.Equal("来访几人？", (await second.Says("常州宏晟纺织")).Text());
    }

    [Theory]
    [InlineData("boom")]
    [InlineData("late boom")]
    public async Task A_failing_turn_apologises_in_Chinese_and_the_conversation_goes_on_where_it_was(string fault)
    {
        var chat = new Chat(Host());
        await chat.Says("你好");
        await chat.Says("常州宏晟纺织");

        var apology = await chat.Says(fault);

        Assert.Equal("抱歉，系统处理您的消息时出现了问题，我们已记录下来。请您再发送一次，或输入“重新开始”。", apology.Text());
        Assert.DoesNotContain("Exception", apology.Text(), StringComparison.Ordinal);
        Assert.Equal("希望哪天来访？不确定可以回复“跳过”。", (await chat.Says("2")).Text());
    }

    [Fact]
    public async Task A_turn_the_database_fails_keeps_nothing_and_its_retry_finds_the_conversation_as_it_was()
    {
        var chat = new Chat(Host());
        await chat.Says("你好");
        await chat.Says("常州宏晟纺织");
        var turnsBefore = (await StoredState()).Turns;

        await Assert.ThrowsAsync<Npgsql.NpgsqlException>(() => chat.Says("database down"));

        Assert.Equal(turnsBefore, (await StoredState()).Turns);
        Assert.Equal("希望哪天来访？不确定可以回复“跳过”。", (await chat.Says("2")).Text());
    }

    [Fact]
    public async Task Turns_sent_to_two_hosts_at_once_are_all_applied_and_each_reply_goes_out_once()
    {
        var hosts = new[] { Host(), Host() };
        var chats = hosts.Select(h => new Chat(h, conversationId: "conv-shared")).ToArray();
        await chats[0].Says("你好");

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => chats[i % 2].Says($"第{i}条消息，不是公司名也可以")));

        await using var session = Store.QuerySession();
        var state = await session.LoadAsync<ConversationState>(ConversationState.KeyFor("test", "conv-shared"), Cancel);
        Assert.Equal(13, state!.Turns);
        Assert.Equal(13, chats.Sum(c => c.Transport.Delivered.Count));
    }

    private async Task<ConversationState> StoredState()
    {
        await using var session = Store.QuerySession();
        return (await session.Query<ConversationState>().ToListAsync(Cancel)).Single();
    }

    private async Task<List<Dialogs.Engine.DialogInstance>> State()
    {
        await using var session = Store.QuerySession();
        var states = await session.Query<ConversationState>().ToListAsync(Cancel);
        return states.Single().Dialogs.DialogStack;
    }
}
