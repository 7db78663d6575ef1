using System.Text.RegularExpressions;

namespace Assistant.Dialogs.Understanding.Entities;

/// <summary>The people a message counts; a total ("一共80") replaces what was known, an addition ("再加一个硕士") adds to it.</summary>
internal sealed record HeadcountMention(int Count, bool IsTotal, bool IsAddition);

/// <summary>People to hire, to train or named in a talent claim; groups are summed ("三百人、技术员四十人" → 340).
/// A range counts by its upper end ("30到50人" → 50). Workforce totals, staff counts as evidence, capacity, children and
/// vague counts ("二十多个", "百来号人") are not slots.</summary>
internal static partial class HeadcountReader
{
    public static HeadcountMention? Read(RequestText text)
    {
        var groups = new List<NumberMention>();
        NumberMention? total = null;
        var lastClause = -1;
        foreach (var said in text.Numbers)
        {
            var number = said;
            if (Vagueness.IsVague(text, said))
            {
                if (Vagueness.RangeTop(text, said) is not { } top)
                {
                    continue;
                }

                number = said with { Value = top };
            }

            if (number.Value is <= 0 or > 100_000 || number.Value != decimal.Truncate(number.Value))
            {
                continue;
            }

            var before = text.Before(number.Start, 18);
            var after = text.After(number.End, 24);
            var person = Person().Match(after);
            var role = RoleBefore().IsMatch(before) && PersonUnit().IsMatch(after)
                || HireVerbBefore().IsMatch(before) && PersonUnit().IsMatch(after)
                || BareCount().IsMatch(after) && RoleInSentence().IsMatch(text.SentenceBefore(number.Start, 24));
            if (Total().IsMatch(before) && (person.Success || PersonUnit().IsMatch(after) || after.Trim().Length == 0 || groups.Count > 0))
            {
                total = number;
                continue;
            }

            var corrects = groups.Count > 0 && Mentions.Corrects(text, groups[^1].End, number.Start)
                && (PersonUnit().IsMatch(after) || BareCount().IsMatch(after));
            if (corrects)
            {
                // "招三十个吧，不对，四十个": the new count takes the old one's place.
                groups[^1] = number;
                continue;
            }

            if (!person.Success && !role)
            {
                continue;
            }

            var needed = Need().IsMatch(text.SentenceBefore(number.Start, 24)) || Need().IsMatch(after);
            if (NotAbout().IsMatch(before) || NotAboutAfter().IsMatch(after) || Has().IsMatch(before) && !Need().IsMatch(before + after))
            {
                continue;
            }

            var clause = ClauseIndex(text, number.Start);
            if (needed || role && groups.Count > 0 || clause == lastClause + 1 && groups.Count > 0 && before.Length <= 12)
            {
                groups.Add(number);
                lastClause = clause;
            }
        }

        if (total is not null)
        {
            return new HeadcountMention((int)total.Value, IsTotal: true, IsAddition: false);
        }

        return groups.Count == 0
            ? null
            : new HeadcountMention((int)groups.Sum(g => g.Value), IsTotal: false, IsAddition: Addition().IsMatch(text.Normalized));
    }

    private static int ClauseIndex(RequestText text, int position) =>
        text.Normalized[..position].Count(c => c is ',' or '。' or '!' or '?' or ';' or '\n');

    private const string Roles =
        "员工|工人|普工|技工|焊工|电工|钳工|车工|木工|操作工|叉车工|缝纫工|装配工|维修工|临时工|农民工|学徒|应届生|毕业生|大学生|实习生|" +
        "博士|硕士|研究生|本科生|技术员|工程师|研发人员|司机|人才|骨干|师傅";

    /// <summary>A role word shortened to its last character ("分拣员", "装卸工"), but not 员会/工作/工程 and the like.</summary>
    private const string ShortRoles = "员(?![会工])|工(?![作程艺厂地资期龄时商业序位具伤会])";

    private const string EnglishRoles =
        "phd|phds|engineers?|workers?|people|staff|interns?|graduates?|technicians?|operators?|welders?|electricians?|drivers?|" +
        "programmers?|developers?|designers?|employees?|hires";

    /// <summary>"20个普工", "三百人", "150 人", "2名", "3 个 PhD", "二十个学徒", "40 skilled welders".</summary>
    [GeneratedRegex(@"^\s*(人次|人(?!民|才|事|工|口|社|均|员)|名|位|号人|个人|(个|名|位)?\s*(" + Roles + "|" + ShortRoles + @")|个\s*[\u4e00-\u9fff]{1,3}?(" + Roles + "|" + ShortRoles + @")|个?\s*([a-z-]+\s+)?(" + EnglishRoles + @")\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Person();

    [GeneratedRegex(@"^\s*(人次|人|名|位|个)")]
    private static partial Regex PersonUnit();

    [GeneratedRegex(@"(招|聘|招了|招聘|招录|招收|引进|引进了|录用)\s*$")]
    private static partial Regex HireVerbBefore();

    [GeneratedRegex(@"^\s*(个|名|位)?\s*(左右)?\s*([,.。;!?]|$)")]
    private static partial Regex BareCount();

    [GeneratedRegex("(招|聘|引进|需要|缺|新增|增加|提供).{0,12}(" + Roles + "|岗位)")]
    private static partial Regex RoleInSentence();

    [GeneratedRegex(@"(" + Roles + @"|labor|labour|workers?)\s*(大约|大概|约|左右)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RoleBefore();

    [GeneratedRegex("招|聘|引进|引|需要|需|要|缺|新增|增加|补充|加|还有|培训|培养|组织|录用|录|申请|找|计划|准备|打算|想|吸纳|安置|派遣|hire|hiring|need|recruit|train")]
    private static partial Regex Need();

    [GeneratedRegex(@"(一共|总共|合计|共计|总计|共)(是)?\s*$")]
    private static partial Regex Total();

    [GeneratedRegex("再加|还有|另外|加上|外加|又|再招|再要|多加")]
    private static partial Regex Addition();

    [GeneratedRegex(@"现有|目前|现在|共有|一共有|总共有|在职|员工总数|总人数|全厂|宿舍|住|孩子|子女|学生|岁|年龄|家属|已有|名额|工伤|去年|当时|以前|原来|第\s*$")]
    private static partial Regex NotAbout();

    /// <summary>"我们有50个员工" tells the workforce, unless the same clause asks for them.</summary>
    [GeneratedRegex(@"(?<!还)有\s*$")]
    private static partial Regex Has();

    [GeneratedRegex("^[^,。;!?]{0,3}(的(企业|公司|工厂|规模|团队|厂)|左右的(企业|公司))")]
    private static partial Regex NotAboutAfter();
}
