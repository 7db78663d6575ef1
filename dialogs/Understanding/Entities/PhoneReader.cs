using System.Text.RegularExpressions;

namespace Assistant.Dialogs.Understanding.Entities;

/// <summary>Mobile and landline numbers as written ("138 0615 2947", "+86 139 2160 4837", "0519-86723415").</summary>
internal static partial class PhoneReader
{
    public static Mention<string>? Read(RequestText text)
    {
        var candidates = new List<Mention<string>>();
        foreach (Match m in Phone().Matches(text.Normalized))
        {
            var before = text.Normalized[Math.Max(0, m.Index - 8)..m.Index];
            var end = m.Index + m.Length;
            if (NotPhone().IsMatch(before) || end < text.Normalized.Length && text.Normalized[end] == '@')
            {
                continue;
            }

            var landlineWithoutArea = m.Groups["local"].Success && !m.Groups["area"].Success;
            if (landlineWithoutArea && !Label().IsMatch(before))
            {
                continue;
            }

            var score = Label().IsMatch(before) ? 2 : 1;
            candidates.Add(new Mention<string>(text.Verbatim(m.Index, end), m.Index, end, score));
        }

        return Mentions.Pick(text, candidates, laterWins: false);
    }

    [GeneratedRegex(@"(?<![0-9a-z])(?:(?:\+?86[\s-]?)?1[3-9][0-9](?:[\s-]?[0-9]{4}){2}|400[\s-]?[0-9]{3}[\s-]?[0-9]{4}|(?<area>\(?0[1-9][0-9]{1,2}\)?[\s-]?)?(?<local>[2-8][0-9]{6,7})(?:\s*(?:-|转)\s*[0-9]{1,5})?)(?![0-9a-z])")]
    private static partial Regex Phone();

    [GeneratedRegex("电话|手机|联系|座机|tel|phone|call|号码|微信|打")]
    private static partial Regex Label();

    [GeneratedRegex("备案号|申请号|编号|单号|受理号|案号|流水号|订单号|合同号|账号|卡号|身份证|邮箱|qq|代码|项目号|批号|证号")]
    private static partial Regex NotPhone();
}
