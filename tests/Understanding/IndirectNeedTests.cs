namespace Assistant.Tests.Understanding;

/// <summary>Many requests name no category: they describe the trouble, and the need follows from it.</summary>
public sealed class IndirectNeedTests
{
    [Theory]
    [InlineData("银行说我们的抵押物不够，贷不下来", "financing")]
    [InlineData("账上没钱了，下个月工资都发不出", "financing")]
    [InlineData("订单多了，人手根本不够", "hiring")]
    [InlineData("年轻人都不愿意来厂里干，招不到人", "hiring")]
    [InlineData("电不够用，新设备开不起来", "energy")]
    [InlineData("天然气老是供不上，生产线三天两头停", "energy")]
    [InlineData("车间太挤了，周边还有没有地", "land")]
    [InlineData("隔壁那块地空着好几年了，能不能给我们用", "land")]
    [InlineData("东西做出来了卖不出去", "market")]
    [InlineData("产品不错就是找不到客户", "market")]
    [InlineData("项目卡在环评这一步两个月了", "approval")]
    [InlineData("厂门口的路被挖断了，货车进不来", "other")]
    [InlineData("有个技术难题一直攻不下来，想找高校专家合作", "technology")]
    [InlineData("政策太多了看不懂，不知道我们能享受哪些", "policy")]
    public void A_described_trouble_is_routed_to_the_desk_that_solves_it(string text, string category) =>
        Assert.Equal(category, Shared.Understander.Understand(text).Category);

    [Theory]
    [InlineData("我们不缺钱，缺的是人", "hiring")]
    [InlineData("资金不是问题，主要是招不到人", "hiring")]
    [InlineData("不需要贷款，主要想问问用地的事", "land")]
    [InlineData("土地已经解决了，现在就是缺电", "energy")]
    [InlineData("听说有个科技贷不需要抵押，我们能申请吗", "financing")]
    public void A_topic_set_aside_does_not_decide(string text, string category) =>
        Assert.Equal(category, Shared.Understander.Understand(text).Category);

    [Fact]
    public void A_long_story_is_routed_by_what_is_asked_for_now()
    {
        const string story = "我们是做汽车配件的，前几年在园区拿了地，厂房也盖好了，员工有三百多人。去年申请过技改补贴，"
            + "也参加过几次展会。现在最急的是新产线要上，电力容量不够，变压器带不动，想请供电部门帮忙尽快增容。";

        var result = Shared.Understander.Understand(story);

        Assert.Equal("energy", result.Category);
        Assert.Empty(result.Clarify);
    }
}
