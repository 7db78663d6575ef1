namespace Assistant.Tests.Understanding;

/// <summary>Homophone slips, full-width digits, English and mixed messages are read like the clean ones.</summary>
public sealed class TypoAndLanguageTests
{
    [Theory]
    [InlineData("想申亲一笔代款", "financing")]
    [InlineData("转带资金怎么用", "financing")]
    [InlineData("场房还有没有出租的", "land")]
    [InlineData("稳钢补贴什么时候发", "hiring")]
    [InlineData("需要几个焊功，有没有劳务公司推建", "hiring")]
    [InlineData("消防演收约不上", "approval")]
    [InlineData("电力扩荣怎么申请", "energy")]
    [InlineData("技术合同等级在哪办", "technology")]
    [InlineData("政测兑现的钱还没到", "policy")]
    [InlineData("设备不贴什么时候申报", "policy")]
    [InlineData("贷款贴希需要什么材料", "financing")]
    [InlineData("过桥姿金多久能放款", "financing")]
    public void Homophone_slips_are_read_as_the_intended_words(string text, string category) =>
        Assert.Equal(category, Shared.Understander.Understand(text).Category);

    [Theory]
    [InlineData("想申请搞企认定，需要准备哪些东西", "technology", "搞企", "高企")]
    [InlineData("出口退睡的钱三个月了还没到", "policy", "退睡", "退税")]
    [InlineData("订单多了，想招五十个捍工", "hiring", "捍工", "焊工")]
    [InlineData("想参加政府才购，不知道怎么报名", "market", "才购", "采购")]
    [InlineData("今年想去参加广交惠，展位怎么申请", "market", "广交惠", "广交会")]
    public void Slips_nobody_listed_are_read_by_their_sound(string text, string category, string typed, string read)
    {
        var result = Shared.Understander.Understand(text);

        Assert.Equal(category, result.Category);
        Assert.Contains(result.Evidence, e => e.Cue.Contains(typed, StringComparison.Ordinal) && e.Cue.Contains($"{read}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("省级专精特新和科技小巨人有什么区别")]
    [InlineData("我公司统一社会信用代码是91320411MA3C7T6H8T，想咨询技改补贴")]
    [InlineData("现在只能在外面租仓库，厂房太挤了")]
    [InlineData("我们的应收账款能不能做质押")]
    public void Correct_words_that_sound_like_a_cue_are_left_as_typed(string text) =>
        Assert.DoesNotContain(Shared.Understander.Understand(text).Evidence, e => e.Cue.Contains('（'));

    [Fact]
    public void A_word_guessed_from_its_sound_never_outweighs_what_was_typed()
    {
        // "找人" is read as 招人 too, but counts for less than the patent the user wrote about.
        var result = Shared.Understander.Understand("我们的专利申请被驳回了，能不能找人帮忙看看");

        Assert.Equal("technology", result.Category);
    }

    [Fact]
    public void Evidence_shows_what_was_typed_and_what_it_was_read_as()
    {
        var result = Shared.Understander.Understand("想申请代款");

        Assert.Contains(result.Evidence, e => e.Cue == "代款（贷款）");
    }

    [Theory]
    [InlineData("We need a bank loan of about 5 million yuan for new equipment", "financing")]
    [InlineData("Is there any industrial land for a new plant of 30 mu?", "land")]
    [InlineData("How do we recruit 200 workers before the new line starts?", "hiring")]
    [InlineData("The power capacity of our plant is not enough, how to apply for more?", "energy")]
    public void English_messages_are_understood_and_marked_English(string text, string category)
    {
        var result = Shared.Understander.Understand(text);

        Assert.Equal(category, result.Category);
        Assert.Equal("en-US", result.Language);
    }

    [Theory]
    [InlineData("想参加 CES，有 booth 补贴吗", "market")]
    [InlineData("我们要招 30 个 engineers，能帮忙吗", "hiring")]
    [InlineData("R&D 投入能不能拿点补贴", "technology")]
    [InlineData("IPO 前需要哪些部门出合规证明", "financing")]
    [InlineData("新厂房的 construction permit 多久能办下来", "approval")]
    public void Chinese_with_English_words_is_Chinese_and_understood(string text, string category)
    {
        var result = Shared.Understander.Understand(text);

        Assert.Equal(category, result.Category);
        Assert.Equal("zh-CN", result.Language);
    }

    [Fact]
    public void Full_width_digits_are_read_as_numbers()
    {
        var entities = Shared.Understander.Understand("想租标准厂房 ３０００平，预算１２０万").Entities;

        Assert.Equal(3000m, entities.AreaSqm);
        Assert.Equal(1_200_000m, entities.AmountCny);
    }
}
