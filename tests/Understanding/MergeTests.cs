using Assistant.Dialogs.Understanding;

namespace Assistant.Tests.Understanding;

/// <summary>Slots across the turns of a dialog: corrections replace, totals win, additions add, new slots join.</summary>
public sealed class MergeTests
{
    private static RequestEntities After(params string[] turns) =>
        turns.Aggregate(RequestEntities.None, Shared.Understander.Merge);

    [Fact]
    public void A_later_amount_replaces_the_earlier_one() =>
        Assert.Equal(3_000_000m, After("大概要500万吧", "算了，改成300万，先解决燃眉之急").AmountCny);

    [Fact]
    public void A_correction_inside_one_message_keeps_the_corrected_value()
    {
        Assert.Equal(3500m, After("面积2500平，哦是3500平，看错了").AreaSqm);
        Assert.Equal(40m, After("三十亩…不对…四十亩").AreaMu);
        Assert.Equal(18m, After("大概有十五亩，嗯其实我量了下是十八亩").AreaMu);
        Assert.Equal(38_600m, After("金额36800元…哦不对，是38600元").AmountCny);
    }

    [Fact]
    public void A_corrected_headcount_is_not_added_to_the_one_it_corrects() =>
        Assert.Equal(40, After("大概要招三十个吧，不对，四十个").Headcount);

    [Fact]
    public void A_correction_in_the_next_message_replaces_the_value() =>
        Assert.Equal(1_020_000m, After("金额是120万", "哦说错了，是102万").AmountCny);

    [Fact]
    public void An_explicit_total_wins_over_the_sum() =>
        Assert.Equal(80, After("一共60个人", "哦漏了，还有20个叉车工，一共80").Headcount);

    [Fact]
    public void An_addition_without_a_total_is_added() =>
        Assert.Equal(3, After("我们打算引进两个博士，想先把人才公寓申请好", "再加一个硕士").Headcount);

    [Fact]
    public void A_new_headcount_without_an_addition_word_replaces_the_old_one() =>
        Assert.Equal(30, After("要招20个普工", "不对，要招30个普工").Headcount);

    [Fact]
    public void A_changed_phone_replaces_the_old_one() =>
        Assert.Equal("13961673820", After("电话13914726385", "这个号码不用了，打我手机13961673820").Phone);

    [Fact]
    public void New_slots_join_the_known_ones_and_background_adds_nothing()
    {
        var entities = After("想申请贷款", "注册资本500万", "我们是无锡恒达精密机械有限公司", "研发人员现在15个", "电话13914726385", "最好月底前能到位");

        Assert.Equal(
            new Dictionary<string, object> { ["company"] = "无锡恒达精密机械有限公司", ["phone"] = "13914726385", ["deadline"] = "月底前" },
            entities.ToKeys());
    }

    [Fact]
    public void A_credit_code_brings_its_validity_with_it()
    {
        var entities = After("统一社会信用代码：913204116803355831", "哦写错了，是91320282706058650F");

        Assert.Equal("91320282706058650F", entities.CreditCode);
        Assert.True(entities.CreditCodeValid);
    }
}
