using Assistant.Dialogs.Engine;

namespace Assistant.Tests.Engine;

public sealed class RecognizerTests
{
    [Theory]
    [InlineData("三十", 30)]
    [InlineData("两百", 200)]
    [InlineData("５００", 500)]
    [InlineData("1.2万", 12000)]
    [InlineData("大概要3,000吧", 3000)]
    [InlineData("十八", 18)]
    public void Numbers_are_read_as_people_write_them_in_Chinese(string text, decimal expected) =>
        Assert.Equal(expected, ChineseNumbers.First(text));

    [Fact]
    public void Numbers_are_read_in_English_too() => Assert.Equal(40m, ChineseNumbers.First("about forty", english: true));

    [Fact]
    public void Text_without_a_number_gives_none() => Assert.Null(ChineseNumbers.First("还不确定"));

    [Theory]
    [InlineData("是", true)]
    [InlineData("是的，没问题", true)]
    [InlineData("对", true)]
    [InlineData("好的", true)]
    [InlineData("Yes", true)]
    [InlineData("否", false)]
    [InlineData("不用了", false)]
    [InlineData("不是", false)]
    [InlineData("no", false)]
    [InlineData("不用了谢谢", false)]
    public void Yes_and_no_are_understood_in_many_forms(string text, bool expected) =>
        Assert.Equal(expected, ConfirmPrompt.Recognize(text));

    [Fact]
    public void An_unrelated_answer_is_neither_yes_nor_no() => Assert.Null(ConfirmPrompt.Recognize("下午再说"));

    private static readonly Choice[] Menu = [new("提交诉求", ["我要反映问题"]), new("查询进度"), new("我的诉求"), new("帮助")];

    [Theory]
    [InlineData("查询进度", "查询进度")]
    [InlineData("查询进度。", "查询进度")]
    [InlineData("我要反映问题", "提交诉求")]
    [InlineData("2", "查询进度")]
    [InlineData("第三个", "我的诉求")]
    [InlineData("３", "我的诉求")]
    [InlineData("我想查询进度", "查询进度")]
    public void A_choice_is_found_by_title_synonym_number_or_mention(string text, string expected) =>
        Assert.Equal(expected, ChoicePrompt.Recognize(text, Menu)!.Value);

    [Fact]
    public void A_message_that_names_two_choices_is_not_guessed() =>
        Assert.Null(ChoicePrompt.Recognize("查询进度还是我的诉求", Menu));

    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("下周三之前", "2026-12-02")]
    [InlineData("3月15日前", "2027-03-15")]
    public void Deadline_phrases_resolve_against_the_local_date(string text, string date)
    {
        var found = DateTimePrompt.Recognize(text, Monday)!;
        Assert.Contains(date, $"{found.Value} {found.Start} {found.End}", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("年底前能定下来吗", "年底前", "2026-12-31")]
    [InlineData("最好月底前能到位", "月底前", "2026-11-30")]
    [InlineData("明年年底", "明年年底", "2027-12-31")]
    [InlineData("下个月底之前", "下个月底之前", "2026-12-31")]
    public void Period_ends_the_recognizer_misses_end_on_the_last_day_of_the_period(string text, string phrase, string end)
    {
        var found = DateTimePrompt.Recognize(text, Monday)!;
        Assert.Equal((phrase, end), (found.Text, found.End));
    }
}
