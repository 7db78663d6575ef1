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
