namespace Assistant.Tests.Understanding;

/// <summary>The money a request is about, in yuan; background, vague and foreign sums are not recorded.</summary>
public sealed class AmountTests
{
    [Theory]
    [InlineData("想申请贷款500万元", 5_000_000)]
    [InlineData("资金缺口５００万", 5_000_000)]
    [InlineData("需要两千万的授信支持", 20_000_000)]
    [InlineData("大概需要三百万周转", 3_000_000)]
    [InlineData("项目总投资1.2亿元，申请用地", 120_000_000)]
    [InlineData("债券规模 5 亿左右", 500_000_000)]
    [InlineData("客户拖欠货款１２０万", 1_200_000)]
    [InlineData("申请技改补贴约60万元", 600_000)]
    [InlineData("急需八百万，下个月要付货款", 8_000_000)]
    [InlineData("稳岗返还8.6万元一直没到账", 86_000)]
    public void The_sum_asked_for_or_at_stake_is_recorded_in_yuan(string text, decimal yuan) =>
        Assert.Equal(yuan, Shared.Understander.Understand(text).Entities.AmountCny);

    [Theory]
    [InlineData("我们年营收两个亿，想了解一下专精特新怎么报")]
    [InlineData("注册资本500万，想新开一家公司")]
    [InlineData("银行授信从两千万降到了一千万")]
    [InlineData("需要几十万的周转资金")]
    [InlineData("资金缺口两百多万")]
    [InlineData("需要贷款300万-500万")]
    [InlineData("能不能帮忙搞个三四百万的贷款")]
    [InlineData("能不能帮我们申请贴息，我们去年贷了2000万")]
    [InlineData("大概要一百来万")]
    [InlineData("计划投资2000万美元建厂")]
    [InlineData("年用电约 3000万 kWh，想参加绿电交易")]
    [InlineData("年产30万套汽车内饰件的项目备案")]
    [InlineData("想在园区再拿一块地")]
    public void Background_vague_and_foreign_figures_are_not_recorded(string text) =>
        Assert.Null(Shared.Understander.Understand(text).Entities.AmountCny);

    [Fact]
    public void The_subsidy_claimed_wins_over_the_past_spending_it_is_based_on()
    {
        const string text = "我公司2023年实施技改项目，设备投资3200万元，按政策可获技改补贴320万元，至今未拨付。";

        Assert.Equal(3_200_000m, Shared.Understander.Understand(text).Entities.AmountCny);
    }

    [Fact]
    public void Of_a_reduced_credit_line_only_the_gap_asked_for_is_recorded()
    {
        const string text = "银行把授信从两千万降到了一千万，现在采购的钱不够，缺口差不多五百万。";

        Assert.Equal(5_000_000m, Shared.Understander.Understand(text).Entities.AmountCny);
    }

    [Fact]
    public void Wan_yi_is_in_case_and_not_a_digit()
    {
        Assert.Equal(800_000m, Shared.Understander.Understand("对方欠我们货款80万一直不还").Entities.AmountCny);
    }
}
