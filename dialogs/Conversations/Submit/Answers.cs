using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Assistant.Dialogs.Engine;

namespace Assistant.Dialogs.Conversations.Submit;

/// <summary>Reading one slot out of a free answer, for what the understanding component does not cover.</summary>
public static partial class Answers
{
    /// <summary>An organisation's name, as an answer to "贵企业的全称是？".</summary>
    public static string? CompanyName(string answer)
    {
        var name = NamePrefix().Replace(answer.Trim(), "").Trim().TrimEnd('。', '.', '，', ',');
        if (name.Length is < 2 or > 40 || name.Any(char.IsDigit))
        {
            return null;
        }

        if (OrganisationSuffix().IsMatch(name))
        {
            return name;
        }

        // A short name without sentence words ("华锦精密", "博远数据") is a name; "装修完了要验收" is not.
        return name.Length <= 10 && !name.Any(c => "了吗呢吧啊要想请问能会是有在没不的，。？！?!,. 　".Contains(c, StringComparison.Ordinal)) ? name : null;
    }

    public static bool HasOrganisationSuffix(string name) => OrganisationSuffix().IsMatch(name);

    /// <summary>How the user wants to be addressed: "我姓刘" → 刘, "联系人周工" → 周工, "张伟" → 张伟.</summary>
    public static string? ContactName(string answer)
    {
        var match = ContactPattern().Match(answer);
        if (match.Success)
        {
            return match.Groups["name"].Value.Trim();
        }

        var bare = answer.Trim().TrimEnd('。', '.', '，', ',');
        return bare.Length is >= 1 and <= 4 && bare.All(c => c >= 0x4E00 && c <= 0x9FFF)
            || bare.Length is >= 2 and <= 30 && bare.All(c => char.IsAsciiLetter(c) || c is ' ' or '.' or '-')
            ? bare
            : null;
    }

    public static string? CreditCodeIn(string answer)
    {
        var match = CreditCodePattern().Match(answer.Normalize(NormalizationForm.FormKC));
        return match.Success ? match.Value.ToUpperInvariant() : null;
    }

    public static string? PhoneIn(string answer)
    {
        var match = PhonePattern().Match(answer);
        return match.Success ? match.Value.Trim() : null;
    }

    /// <summary>
    /// A bare number given as the whole answer ("五百", "300", "大概40个"), when no unit told the understanding what it
    /// was. Longer messages and phone numbers are not read this way.
    /// </summary>
    public static decimal? BareNumber(string answer, bool english) =>
        answer.Trim().Length <= 12 && PhoneIn(answer) is null ? ChineseNumbers.First(answer, english) : null;

    public static string Clip(string text, int length = 200) =>
        text.Length <= length ? text.Trim() : string.Create(CultureInfo.InvariantCulture, $"{text[..length].Trim()}…");

    [GeneratedRegex(@"^(我们是|我们公司是|我们公司叫|我们叫|公司叫|公司名称是?|公司名是?|公司名|企业名称是?|企业名称|单位名称|单位是|名称是?|公司|企业)\s*[:：]?\s*")]
    private static partial Regex NamePrefix();

    [GeneratedRegex("(有限责任公司|股份有限公司|有限公司|公司|集团|厂|中心|研究院|研究所|合作社|事务所|工作室|商行|医院|学校|协会|商会|Co\\.?,? ?Ltd\\.?|Inc\\.?|LLC|GmbH)$", RegexOptions.IgnoreCase)]
    private static partial Regex OrganisationSuffix();

    [GeneratedRegex(@"(?:我姓|免贵姓|本人姓)(?<name>[\u4e00-\u9fff])|(?:我叫|我是|联系人(?:是)?[:：]?|叫我|找)\s*(?<name>[\u4e00-\u9fff]{1,3}(?:先生|女士|经理|总|工|主任|会计)?)(?=$|[\s，,。；;\d电手联])|(?<name>[\u4e00-\u9fff](?:先生|女士|经理|总|工|主任))")]
    private static partial Regex ContactPattern();

    [GeneratedRegex("(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])", RegexOptions.IgnoreCase)]
    private static partial Regex CreditCodePattern();

    [GeneratedRegex(@"(\+86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}-?\d{7,8}")]
    private static partial Regex PhonePattern();
}
