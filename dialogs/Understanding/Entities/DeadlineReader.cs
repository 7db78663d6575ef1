using System.Text.RegularExpressions;

namespace Assistant.Dialogs.Understanding.Entities;

/// <summary>The limit the user needs ("下周三之前", "最晚九月份") or the date of an event forcing the need (a maturity, a start,
/// an inspection), verbatim; background times, planned optional steps, past dates and "春节后" are not deadlines.</summary>
internal static partial class DeadlineReader
{
    public static Mention<string>? Read(RequestText text)
    {
        var english = EnglishTime().Matches(text.Normalized);
        var bare = EnglishBareTime().Matches(text.Normalized).Where(b => !english.Any(e => e.Index <= b.Index && b.Index < e.Index + e.Length));
        var candidates = Time().Matches(text.Normalized).Concat(english).Concat(bare)
            .Select(m => new Mention<string>(text.Verbatim(m.Index, m.Index + m.Length).Trim(), m.Index, m.Index + m.Length, Score(text, m)))
            .Where(c => c.Score > 0);
        return Mentions.Pick(text, candidates, laterWins: false);
    }

    /// <summary>3 for a stated limit, 2 for a time tied to the need or to a forcing event, 0 for anything else.</summary>
    private static double Score(RequestText text, Match m)
    {
        var core = m.Groups["core"].Value;
        var before = text.Before(m.Index, 10);
        if (m.Groups["past"].Success || core.Length == 0 || Past().IsMatch(before))
        {
            return 0;
        }

        if (m.Groups["limit"].Success || m.Groups["latest"].Success)
        {
            return Background().IsMatch(text.Before(m.Index, 30)) ? 0 : 3;
        }

        var after = text.After(m.Index + m.Length, 7);
        var lead = text.Before(m.Index, 24);
        var forced = Forcing().IsMatch(after) || ForcingBefore().IsMatch(lead) || EnglishForcing().IsMatch(lead);
        var wanted = Hope().IsMatch(before) || Completion().IsMatch(after);
        if (!forced && !wanted || IsBareYear(core) && !Forcing().IsMatch(after) && !Insisted().IsMatch(after))
        {
            return 0;
        }

        return Plan().IsMatch(before) ? 0 : 2;
    }

    private static bool IsBareYear(string core) => core is "今年" or "明年" or "后年";

    private const string Num = "[0-9一二三四五六七八九十两]";

    [GeneratedRegex(
        "(?<latest>最晚|最迟)?\\s*(?<core>(?<past>去年|前年|上个?月|上周|上星期|昨天|前天)[底初末中]?|" +
        "((今年|明年|后年|" + Num + "{2,4}年)\\s*)?" + Num + "{1,3}\\s*月(份)?(\\s*" + Num + "{1,3}\\s*[日号])?(底|初|中旬|上旬|下旬|末|中)?" +
        "|((今年|明年)\\s*)?(第?[一二三四1-4]|本|这个|下个?)季度(末|底)?" +
        "|[0-9]{4}年[底末初中]|(今年|明年|后年)?\\s*(年底|年末|年初|年中|年内|上半年|下半年)|(今年|明年|后年)[底末初中]?" +
        "|(这个月|本月|下个月|下月|当月)\\s*" + Num + "{1,3}\\s*[日号]|(这个月|本月|下个月|下月|当月)(底|初|中|末)?|月底|月初|月中|月末" +
        "|(这|本|下下|下)(个)?(周|星期|礼拜)([一二三四五六日天1-7]|末)?|(周|星期|礼拜)[一二三四五六日天1-7]" +
        "|今天|明天|后天|大后天|近日|近期" +
        "|" + Num + "{1,3}\\s*(个)?\\s*(工作日|天|日|周|星期|个月|月|年)(?=\\s*(之内|以内|内))|半(个)?(月|年)(?=\\s*(之内|以内|内))" +
        "|(春节|国庆|元旦|五一|中秋|端午|节)(?=前|之前)" +
        "|季度末)" +
        "(?<limit>\\s*(之前|以前|前|之内|以内|内|为止|截止))?")]
    private static partial Regex Time();

    [GeneratedRegex(@"\b(?<limit>(?<latest>no later than)|by|before|within|until)\s+(?<core>(the\s+)?(end\s+of\s+)?(next\s+|this\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|january|february|march|april|may|june|july|august|september|october|november|december|q[1-4]|(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|a|an)\s+(working\s+)?(days?|weeks?|months?))(\s+\d{1,2}(st|nd|rd|th)?)?)")]
    private static partial Regex EnglishTime();

    /// <summary>"expires next year": a relative time without a limit word, kept only when an event forces it.</summary>
    [GeneratedRegex(@"\b(?<core>(next|this)\s+(week|month|year|monday|tuesday|wednesday|thursday|friday)|tomorrow)\b")]
    private static partial Regex EnglishBareTime();

    [GeneratedRegex(@"(已于|已经|已在|已|上|去年|前年|昨天|前天|过去|当时|原定)\s*$")]
    private static partial Regex Past();

    [GeneratedRegex("当时|当初|约定|原定|去年|以前|曾经|本来|签约时|说好|承诺|答应")]
    private static partial Regex Background();

    [GeneratedRegex("到期|投产|开工|开业|运营|开始运营|检查|验收|截止|交货|要货|到货|进场|被拆|拆迁|拆除|搬走|收回|关停|停产|关闭|建成|竣工|完工|交付|评审|年审|复审|审核|上线|搬迁|入驻|开展|举办|开幕|due|expire")]
    private static partial Regex Forcing();

    [GeneratedRegex(@"(检查|验收|检验|评审|审核|到期|开业|投产|开工|inspection|audit|visit)[^,。;]{0,6}(约在|定在|安排在|放在|就在|是)\s*$")]
    private static partial Regex ForcingBefore();

    [GeneratedRegex(@"\b(expires?|expiring|is due|due|starts?|starting|opens?|opening|begins?|inspection is|deadline is|matures?)\s*(in\s+)?$")]
    private static partial Regex EnglishForcing();

    [GeneratedRegex(@"(希望|争取|力争|务必|确保|必须|最好|要求|赶在|得在|要在|需在|须在|能在|before|by)\s*(在|于)?\s*$")]
    private static partial Regex Hope();

    [GeneratedRegex(@"^\s*(就)?(能|要|得|必须|需要|需|就得|一定要|务必)\s*[\u4e00-\u9fff]{0,3}?(拿到|拿证|到位|办好|办下来|办完|批下来|定下来|完成|投产|开工|交付|交货|上线|开业|入驻|用上|用|搬|落地|签约|到账|放款|发放|拨付|下来|出来|验|批|签|办|到|付|还|交|缴|生产|试产|试生产|运行|营业|发|开)")]
    private static partial Regex Completion();

    /// <summary>"明年就要用了": a bare year is a limit only when insisted on.</summary>
    [GeneratedRegex(@"^\s*(就要|就得|必须|一定要|务必|就需要)")]
    private static partial Regex Insisted();

    [GeneratedRegex("打算|计划|拟|准备")]
    private static partial Regex Plan();
}
