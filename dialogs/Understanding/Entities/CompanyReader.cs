using System.Text.RegularExpressions;

namespace Assistant.Dialogs.Understanding.Entities;

/// <summary>The user's own company as written: a full legal name ("常州天锐精密模具有限公司"), or a short name given as the
/// company's name ("华锦精密", "我们是博远数据"). Banks, universities and counterparties are not the user's company.</summary>
internal static partial class CompanyReader
{
    /// <summary>Where company names stand, so the industry words inside them ("…数据科技有限公司") are not read as a need.</summary>
    public static IEnumerable<(int Start, int End)> Names(string normalized) =>
        LegalName().Matches(normalized)
            .Select(m => (Start: m.Index + Lead().Match(m.Value).Length, End: m.Index + m.Length))
            .Where(n => n.End - n.Start >= 6 && normalized[n.End - 1] != '厂' && !NotOwn().IsMatch(normalized[n.Start..n.End]));

    public static Mention<string>? Read(RequestText text)
    {
        var candidates = new List<Mention<string>>();
        foreach (Match m in LegalName().Matches(text.Normalized))
        {
            var start = m.Index + Lead().Match(m.Value).Length;
            var end = m.Index + m.Length;
            var name = text.Normalized[start..end];
            if (end - start < 6 || NotOwn().IsMatch(name) || Counterparty().IsMatch(text.Before(start, 8)) || CounterpartyLead().IsMatch(name)
                || name.EndsWith('厂') && (Generic().IsMatch(name) || !OwnMarker().IsMatch(text.Before(start, 8))))
            {
                continue;
            }

            var own = OwnMarker().IsMatch(text.Before(start, 8)) ? 2 : 0;
            candidates.Add(new Mention<string>(text.Verbatim(start, end), start, end, 4 + own));
        }

        var typed = TextNormalizer.HalfWidth(text.Original);
        foreach (Match m in EnglishName().Matches(typed))
        {
            var lead = typed[Math.Max(0, m.Index - 24)..m.Index].ToLowerInvariant();
            if (NotOwn().IsMatch(m.Value) || m.Value.Contains("Bank", StringComparison.Ordinal) || EnglishCounterparty().IsMatch(lead))
            {
                continue;
            }

            candidates.Add(new Mention<string>(text.Verbatim(m.Index, m.Index + m.Length), m.Index, m.Index + m.Length, EnglishOwn().IsMatch(lead) ? 6 : 4));
        }

        foreach (Match m in ShortName().Matches(text.Normalized))
        {
            var name = m.Groups["name"];
            if (NotOwn().IsMatch(name.Value) || Generic().IsMatch(name.Value) || candidates.Any(c => c.Start <= name.Index && name.Index < c.End))
            {
                continue;
            }

            var marked = m.Groups["marker"].Success;
            if (!marked && !SelfIntroduction().IsMatch(text.Normalized))
            {
                continue;
            }

            candidates.Add(new Mention<string>(text.Verbatim(name.Index, name.Index + name.Length), name.Index, name.Index + name.Length, marked ? 2 : 1));
        }

        return Mentions.Pick(text, candidates, laterWins: false);
    }

    private const string Industry =
        "精密|纺织|数据|科技|机械|电子|材料|医药|药业|智能|新能源|汽配|电器|化工|制造|物流|食品|服饰|服装|包装|模具|环保|光电|半导体|" +
        "生物|重工|装备|软件|信息|网络|建材|印染|家纺|五金|塑胶|塑业|铸造|实业|贸易|机电|电机|仪器|设备|医疗|器械|能源|动力|钢铁|钢构|" +
        "玻璃|陶瓷|家具|纸业|微电子|光伏|汽车|车业|金属|线缆|电缆|照明|自动化|机器人|传感|芯片|航空|船舶|农业|酒业|茶业|股份|集团|工贸|纺机";

    [GeneratedRegex(@"[\u4e00-\u9fffa-z0-9()（）·&]{2,40}?(股份有限公司|有限责任公司|集团有限公司|有限公司|集团公司|股份公司|(?<=[\u4e00-\u9fff]{4})厂(?![房区里子家商方长内外门]))(\((普通|有限)合伙\))?")]
    private static partial Regex LegalName();

    [GeneratedRegex(@"^((总公司|母公司|上级公司|我们公司|我公司|我们|我司|本公司|我单位|本单位|我是|我们是|就是|这边是|这里是|公司名称|企业名称|单位名称|公司名字|公司名|名称|名字|公司|企业|单位|想|拟|打算|准备|叫做|叫|是|为|系|:|\(|（|\s)+)")]
    private static partial Regex Lead();

    /// <summary>A short name after "我们是", "公司叫", "公司名：", or standing alone as a clause of a self-introduction.</summary>
    [GeneratedRegex(@"((?<marker>我们是|我们公司是|我司是|我公司是|公司叫|公司名叫|公司名称是|公司名称|公司名字叫|公司名|企业名称|单位名称|公司)\s*[:：]?\s*|(?<=^|[,，。;；!！?？\n :：]))(?<name>[\u4e00-\u9fff]{2,6}?(" + Industry + @"))(?=\s*([,，。;；!！?？\n]|$|电话|手机|联系|的电话))")]
    private static partial Regex ShortName();

    [GeneratedRegex(@"\b[A-Z][A-Za-z&'-]*(\s+[A-Z][A-Za-z&'-]*)*,?\s+(Co\.,?\s*Ltd\.?|Co\.|Ltd\.?|Limited|Inc\.?|Corp\.?|Corporation|LLC|GmbH|Group)")]
    private static partial Regex EnglishName();

    [GeneratedRegex(@"(we are|we're|our company|company name|this is|i am from|i'm from|on behalf of)[\s:,(]*$")]
    private static partial Regex EnglishOwn();

    [GeneratedRegex(@"(customer|client|supplier|from|with|to|by|against|sued|owes?)[\s:,]*$")]
    private static partial Regex EnglishCounterparty();

    [GeneratedRegex("我们是|我司|我公司|本公司|公司叫|公司名|名字|公司:|公司：|企业名称|电话|手机|联系")]
    private static partial Regex SelfIntroduction();

    [GeneratedRegex("银行|大学|学院|学校|医院|政府|管委会|委员会|局$|法院|研究所|中心$|担保公司|证券|保险|信用社|供电公司|电力公司|国网|子公司|母公司")]
    private static partial Regex NotOwn();

    [GeneratedRegex("^(一家|一个|这家|那家|这个|那个|我们|本地|外地|当地|小微|中小|民营|国有|做|新|老|大|小|高端|传统)|[的哪什么吗呢了着过要需请办怎没是在和与及或把被让给对从向往到这那些个做搞弄找买卖用进出]")]
    private static partial Regex Generic();

    [GeneratedRegex(@"(对方|客户|供应商|给|和|与|跟|向|同|被|委托|合作方|甲方|乙方|受让方为|转让给|收购|起诉|欠)\s*$")]
    private static partial Regex Counterparty();

    [GeneratedRegex("^(对方|客户|供应商|合作方|甲方|乙方|债务人|被告|原告|跟|和|与|给|向|被|欠|帮)")]
    private static partial Regex CounterpartyLead();

    [GeneratedRegex(@"(我公司|我们是|我司|本公司|公司叫|公司名|公司|叫|名称)\s*[:：(（]?\s*$")]
    private static partial Regex OwnMarker();
}
