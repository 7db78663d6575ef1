using System.Text.RegularExpressions;

namespace Assistant.Dialogs.Understanding;

/// <summary>Long stories mention many topics; the primary need sits where the user asks. A clause that asks (请, 能不能, 怎么)
/// counts more than background (去年, 已经, 因为), and a description of the business ("我们是做电池的") counts little.</summary>
internal static partial class Emphasis
{
    public const double Asked = 1.5;
    public const double Urgent = 2.2;
    public const double Background = 0.55;
    public const double Description = 0.3;

    private static readonly string[] AskMarkers =
    [
        "请", "想", "希望", "能不能", "能否", "可否", "可不可以", "可以吗", "是否", "怎么", "如何", "咋", "哪里", "哪些",
        "哪个", "哪家", "什么", "啥", "多久", "多长时间", "吗", "呢", "?", "帮", "协调", "协助", "支持", "需要", "需",
        "有没有", "有无", "推荐", "咨询", "了解", "问问", "问下", "求", "急", "盼", "麻烦", "要", "申请", "办理", "给予",
        "please", "can ", "could", "how ", "need", "want", "help", "would like",
    ];

    private static readonly string[] UrgentMarkers =
    [
        "最急", "最主要", "主要是", "关键是", "重点是", "核心诉求", "当务之急", "眼下", "最需要", "最迫切", "燃眉之急", "现申请",
    ];

    private static readonly string[] BackgroundMarkers =
    [
        "去年", "前年", "以前", "曾经", "原来", "原先", "当时", "已经", "已完成", "已通过", "已于", "已获", "已取得", "已办",
        "已建", "本来", "因为", "由于", "虽然", "前期", "此前", "现有", "目前有", "一直在", "做了", "成立", "年前",
    ];

    public static double[] Weigh(string normalized)
    {
        var factors = new double[normalized.Length];
        foreach (var (start, end) in Clauses(normalized))
        {
            var clause = normalized[start..end];
            var asks = AskMarkers.Any(m => clause.Contains(m, StringComparison.Ordinal)) || EndsWithQuestion(normalized, end);
            var urgent = UrgentMarkers.Any(m => clause.Contains(m, StringComparison.Ordinal));
            var background = BackgroundMarkers.Any(m => clause.Contains(m, StringComparison.Ordinal));
            var factor = urgent ? Urgent : asks && !background ? Asked : !asks && background ? Background : 1.0;
            Array.Fill(factors, factor, start, end - start);
        }

        foreach (Match m in BusinessDescription().Matches(normalized))
        {
            for (var i = m.Index; i < m.Index + m.Length; i++)
            {
                factors[i] *= Description;
            }
        }

        return factors;
    }

    public static IEnumerable<(int Start, int End)> Clauses(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsClauseEnd(text, i))
            {
                if (i > start)
                {
                    yield return (start, i);
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return (start, text.Length);
        }
    }

    private static bool IsClauseEnd(string text, int i) => text[i] switch
    {
        '，' or ',' or '。' or '！' or '!' or '？' or '?' or '；' or ';' or '\n' or '：' or ':' => !IsDigitSeparator(text, i),
        '.' => !IsDigitSeparator(text, i),
        _ => false,
    };

    private static bool IsDigitSeparator(string text, int i) =>
        text[i] is ',' or '.' or ':' && i > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]);

    /// <summary>A question mark closing the sentence makes each of its clauses an ask.</summary>
    private static bool EndsWithQuestion(string text, int end)
    {
        for (var i = end; i < text.Length; i++)
        {
            if (text[i] is '?' or '？')
            {
                return true;
            }

            if (text[i] is '。' or '！' or '!' or '\n' or ';' or '；')
            {
                return false;
            }
        }

        return false;
    }

    [GeneratedRegex("(我们|我司|我公司|公司|我厂|厂里)?(是|主要)?做[^，,。；;！!？?\\n]{1,14}的(?!事|钱|人|时候|话)|(我们|我司|我公司|本公司)是一家[^，,。；;！!？?\\n]{1,20}?(企业|公司|工厂|厂)")]
    private static partial Regex BusinessDescription();
}
