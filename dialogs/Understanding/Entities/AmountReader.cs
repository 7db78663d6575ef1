using System.Text.RegularExpressions;

namespace Assistant.Dialogs.Understanding.Entities;

/// <summary>The money (in yuan) a request is about: the sum asked for, the planned investment, the sum at stake.
/// Background money (营收, 注册资本, current credit lines), vague sums (几十万, 两百多万) and foreign currency are not slots.</summary>
internal static partial class AmountReader
{
    /// <summary>Below this a figure is a count or a price, not what an enterprise asks the government about.</summary>
    private const decimal MinimumYuan = 100m;

    public static Mention<decimal>? Read(RequestText text, IReadOnlyList<(int Start, int End)> taken)
    {
        var candidates = new List<Mention<decimal>>();
        foreach (var number in text.Numbers)
        {
            if (Overlaps(taken, number.Start, number.End) || Vagueness.IsVague(text, number))
            {
                continue;
            }

            var (value, end) = Scale(text, number);
            var after = text.After(end, 8);
            var before = text.Before(number.Start, 14);
            if (value < MinimumYuan || !IsMoney(number, value, after, before) || ForeignCurrency().IsMatch(after) || ForeignPrefix().IsMatch(before))
            {
                continue;
            }

            var context = text.SentenceBefore(number.Start, 24) + "|" + after;
            // "研发费用补助", "电费补贴": a background word that names the claim is not background.
            var inClause = Background().IsMatch(NamingClaim().Replace(before, "")) && !Claim().IsMatch(before);
            var inSentence = Background().IsMatch(NamingClaim().Replace(text.SentenceBefore(number.Start, 14), "")) && !Claim().IsMatch(before + "|" + after);
            if (inClause || inSentence)
            {
                continue;
            }

            var claimed = Claim().IsMatch(context) || Sought().IsMatch(context);
            var invested = Investment().IsMatch(context);
            if (!claimed && invested && Past().IsMatch(text.SentenceBefore(number.Start, 40)))
            {
                continue;
            }

            var score = 1 + (Claim().IsMatch(context) ? 4 : Sought().IsMatch(context) ? 2 : 0) + (invested ? 2 : 0);
            candidates.Add(new Mention<decimal>(value, number.Start, end, score));
        }

        return Mentions.Pick(text, candidates);
    }

    private static (decimal Value, int End) Scale(RequestText text, NumberMention number)
    {
        if (number.Text.EndsWith('万') || number.Text.EndsWith('亿'))
        {
            return (number.Value, number.End);
        }

        var rest = text.After(number.End, 3).TrimStart();
        var skipped = text.After(number.End, 3).Length - rest.Length;
        return rest.StartsWith('万') ? (number.Value * 10_000m, number.End + skipped + 1)
            : rest.StartsWith('亿') ? (number.Value * 100_000_000m, number.End + skipped + 1)
            : (number.Value, number.End);
    }

    private static bool IsMoney(NumberMention number, decimal value, string after, string before)
    {
        if (OtherUnit().IsMatch(after))
        {
            return false;
        }

        if (Yuan().IsMatch(after) || YuanPrefix().IsMatch(before))
        {
            return true;
        }

        return value >= 10_000m && (number.Text.Contains('万') || number.Text.Contains('亿') || after.TrimStart().StartsWith('万') || after.TrimStart().StartsWith('亿'));
    }

    private static bool Overlaps(IReadOnlyList<(int Start, int End)> taken, int start, int end) =>
        taken.Any(t => start < t.End && t.Start < end);

    [GeneratedRegex(@"^\s*(万|亿)?\s*(元|块钱|块(?![地儿])|rmb|yuan|人民币)")]
    private static partial Regex Yuan();

    [GeneratedRegex(@"(¥|￥|rmb|cny|人民币)\s*$")]
    private static partial Regex YuanPrefix();

    [GeneratedRegex(@"^\s*(万|亿)?\s*(美元|美金|欧元|日元|英镑|港币|港元|韩元|卢布|泰铢|dollars?|usd|eur|euro|gbp|jpy)")]
    private static partial Regex ForeignCurrency();

    [GeneratedRegex(@"(\$|us\$|€|£|usd|eur)\s*$")]
    private static partial Regex ForeignPrefix();

    [GeneratedRegex(@"^\s*(万|亿)?\s*(人|名|个|位|亩|平|㎡|m²|m2|吨|套|件|台|辆|次|天|年|月|日|号|%|倍|家|项|条|层|米|公里|kwh|kw|mw|度|千瓦|兆瓦|伏|小时|周(?!转)|岁|份|批|张|种|款(?!项)|只|箱|斤|公斤|kg|升|立方|方(?![面式案])|户|间|栋|所|期|轮|标准煤|sku|pcs|days|hours|units|sets|tons|kva|亩)")]
    private static partial Regex OtherUnit();

    [GeneratedRegex("缺口|窟窿|贷(?!了)|融资|借(?!了)|补贴|补助|奖励|奖补|资助|贴息|欠|货款|抽|压贷|转贷|过桥|到期|担保|保证金|赔|损失|索赔|标的|涉案|募|获|拨付|兑现|周转|loan|financing|subsid")]
    private static partial Regex Claim();

    [GeneratedRegex("需要|需|要(?!求)|差|申请|规模|金额|改成|改为|争取|need")]
    private static partial Regex Sought();

    [GeneratedRegex("投资|投入|预算|造价|项目|拟|计划|建设|invest|budget")]
    private static partial Regex Investment();

    /// <summary>Spending already made is eligibility evidence, not the money asked for.</summary>
    [GeneratedRegex(@"了|已|20[0-2]\d年|去年|前年")]
    private static partial Regex Past();

    [GeneratedRegex("营收|营业收入|收入|销售额|销售收入|产值|纳税|缴税|税收|利润|注册资本|注册资金|实缴|资产|估值|市值|年销售|营业额|工资|月薪|年薪|薪资|授信|去年|前年|累计|研发投入|研发费用|电费|成本|每个月|每月|一个月|降到|压到|压缩到|减到|降至|调到|营业|亩均|达到|指标|考核|投资了|投入了|投了|花了|已投|贷了|借了|revenue|turnover|capital")]
    private static partial Regex Background();

    [GeneratedRegex("(研发投入|研发费用|电费|工资|房租|租金|社保|成本)(补助|补贴|奖励|奖补|资助|贴息|减免|返还)")]
    private static partial Regex NamingClaim();
}
