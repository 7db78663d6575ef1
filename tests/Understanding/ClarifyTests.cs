namespace Assistant.Tests.Understanding;

/// <summary>When two desks are close the bot asks with buttons; when one is clear it does not ask.</summary>
public sealed class ClarifyTests
{
    [Theory]
    [InlineData("有人吗")]
    [InlineData("你好，想咨询个事")]
    [InlineData("您好")]
    [InlineData("")]
    public void A_greeting_states_no_need_and_asks_nothing_specific(string text)
    {
        var result = Shared.Understander.Understand(text);

        Assert.False(result.HasNeed);
        Assert.Equal("other", result.Category);
        Assert.Empty(result.Clarify);
    }

    [Fact]
    public void A_clear_request_is_confident_with_no_question()
    {
        var result = Shared.Understander.Understand("我们想申请一笔500万的流动资金贷款，银行那边能不能帮忙协调");

        Assert.Equal("financing", result.Category);
        Assert.True(result.HasNeed);
        Assert.Empty(result.Clarify);
        Assert.True(result.Confidence > 0.7);
        Assert.Equal("financing", result.Scores[0].Category);
    }

    [Theory]
    [InlineData("新车间要不要做能评？我们设备耗能挺大，指标怕是不够", "approval", "energy")]
    [InlineData("出口受影响很大，有没有政策支持", "market", "policy")]
    public void Two_close_desks_are_offered_as_a_question(string text, string one, string other)
    {
        var result = Shared.Understander.Understand(text);

        Assert.Contains(one, result.Clarify);
        Assert.Contains(other, result.Clarify);
        Assert.Contains(result.Category, result.Clarify);
    }

    [Theory]
    [InlineData("低效用地再开发有什么政策", "land")]
    [InlineData("我们的不动产证丢了，补办要什么手续", "land")]
    [InlineData("稳岗返还的钱到现在还没到账，请帮忙查一下", "hiring")]
    [InlineData("公司实验室想对外开放共享，有什么补贴", "technology")]
    [InlineData("参加展会太贵了，有没有补贴啊", "market")]
    public void Words_for_a_kind_of_help_follow_the_topic_they_are_about(string text, string category)
    {
        var result = Shared.Understander.Understand(text);

        Assert.Equal(category, result.Category);
        Assert.Empty(result.Clarify);
    }

    [Theory]
    [InlineData("有啥补贴能申请", "policy")]
    [InlineData("听说今年出了很多新政策，我们能享受哪些", "policy")]
    [InlineData("我们这个项目能不能先开工后补手续", "approval")]
    public void Words_for_a_kind_of_help_alone_decide_without_a_question(string text, string category)
    {
        var result = Shared.Understander.Understand(text);

        Assert.Equal(category, result.Category);
        Assert.Empty(result.Clarify);
    }

    [Fact]
    public void Industry_words_inside_the_company_name_do_not_count()
    {
        var result = Shared.Understander.Understand("我们是苏州云帆数据科技有限公司，想申请贷款500万");

        Assert.Equal("financing", result.Category);
        Assert.Empty(result.Clarify);
        Assert.DoesNotContain(result.Evidence, e => e.Category == "technology");
    }

    [Fact]
    public void Scores_are_best_first_and_confidence_stays_between_zero_and_one()
    {
        var result = Shared.Understander.Understand("厂房不够用，还想招一百个工人，另外电力也要增容");

        Assert.Equal(result.Scores.OrderByDescending(s => s.Score).Select(s => s.Category), result.Scores.Select(s => s.Category));
        Assert.InRange(result.Confidence, 0, 1);
    }
}
