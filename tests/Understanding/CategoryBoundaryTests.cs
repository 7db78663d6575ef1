namespace Assistant.Tests.Understanding;

/// <summary>The boundary decisions of the labelling rules: which desk owns a request that touches two.</summary>
public sealed class CategoryBoundaryTests
{
    [Theory]
    [InlineData("贷款贴息的申请材料有哪些", "financing")]
    [InlineData("去年的贴息资金什么时候拨付", "financing")]
    [InlineData("稳岗补贴今年还有没有", "hiring")]
    [InlineData("职工技能培训补贴怎么申领", "hiring")]
    [InlineData("研发费用补助今年什么时候申报", "technology")]
    [InlineData("研发费用加计扣除怎么在预缴时享受", "policy")]
    [InlineData("新上的车间要做节能审查吗，流程是怎样的", "approval")]
    [InlineData("今年的用能指标不够了，新项目投不了产", "energy")]
    [InlineData("昨天园区突然停电，生产线全停了，损失谁来赔", "other")]
    [InlineData("建设工程规划许可证什么时候能批下来", "land")]
    [InlineData("不动产权证丢了怎么补办", "land")]
    [InlineData("我们准备上市，辅导备案需要区里出什么证明", "financing")]
    [InlineData("首台套认定的条件是什么", "policy")]
    [InlineData("首购首用目录怎么申报", "market")]
    [InlineData("展位费补贴标准是多少", "market")]
    [InlineData("专精特新贷利率多少", "financing")]
    [InlineData("专精特新企业认定要什么条件", "policy")]
    [InlineData("外籍工程师的工作许可证怎么续签", "hiring")]
    [InlineData("中标以后采购单位一直不签合同", "market")]
    [InlineData("招商时答应的房租减免现在不认了", "other")]
    [InlineData("商标被人抢注了怎么办", "other")]
    [InlineData("被列入经营异常名录了怎么移出", "other")]
    [InlineData("出口退税什么时候能到账", "policy")]
    [InlineData("亩均评价C类会不会影响我们拿新的用地", "land")]
    [InlineData("技术合同登记能享受什么", "technology")]
    public void Boundary_decisions_follow_the_labelling_rules(string text, string category) =>
        Assert.Equal(category, Shared.Understander.Understand(text).Category);

    [Theory]
    [InlineData("自来水突然断了，也没提前通知，损失谁负责", "other")]
    [InlineData("水停了一天了，工人连饭都做不了", "other")]
    [InlineData("今天早上突然没水了，问了自来水公司也说不清", "other")]
    [InlineData("施工挖断了水管，我们停产半天", "other")]
    [InlineData("园区网络断了一上午，订单都发不出去", "other")]
    [InlineData("工业园区的供水压力不够，三楼以上车间经常没水", "energy")]
    [InlineData("想申请增加供水量，新产线用水量大", "energy")]
    public void An_outage_is_a_complaint_and_a_shortage_of_supply_is_energy(string text, string category) =>
        Assert.Equal(category, Shared.Understander.Understand(text).Category);

    [Fact]
    public void Evidence_names_the_compound_that_decided_and_not_its_parts()
    {
        var result = Shared.Understander.Understand("贷款贴息怎么申请");

        Assert.Equal("financing", result.Category);
        Assert.Contains(result.Evidence, e => e.Category == "financing" && e.Cue == "贷款贴息");
        Assert.DoesNotContain(result.Evidence, e => e.Category == "policy");
    }
}
