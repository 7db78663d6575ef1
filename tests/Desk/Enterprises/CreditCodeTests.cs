using Assistant.Dialogs.Desk.Enterprises;

namespace Assistant.Tests.Desk.Enterprises;

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91320282706058650F")]
    [InlineData("91320902MA1799TDX8")]
    [InlineData("9132061270821440XN")]
    [InlineData("９１３２０２８２７０６０５８６５０Ｆ")]
    [InlineData("91320282 706058650f")]
    public void Codes_with_the_right_check_character_are_valid_as_people_type_them(string code) =>
        Assert.True(CreditCode.IsValid(code));

    [Theory]
    [InlineData("913204116803355831", "统一社会信用代码的校验位不符，可能有字符输错，请对照营业执照核对后重新输入。")]
    [InlineData("91320411MA3C7T6H8T", "统一社会信用代码的校验位不符，可能有字符输错，请对照营业执照核对后重新输入。")]
    [InlineData("9132041168033558", "统一社会信用代码应为18位，您输入的是16位，请核对。")]
    [InlineData("91320411MA1W5XYO3X", "统一社会信用代码中不使用字母“O”（不含 I、O、S、V、Z），请核对是否把数字输成了字母。")]
    [InlineData("9132A411MA1W5XYX3X", "统一社会信用代码第3至8位是行政区划代码，应为数字，请核对。")]
    public void Wrong_codes_are_explained_in_plain_Chinese(string code, string message) =>
        Assert.Equal(message, CreditCode.Check(CreditCode.Normalize(code)));
}
