namespace Assistant.Dialogs.Understanding;

/// <summary>A topic the user sets aside ("不缺钱", "资金不是问题", "不需要贷款", "土地已经解决了") is not the need; its cue counts only a little.</summary>
internal static class Negation
{
    public const double Factor = 0.2;

    private static readonly System.Buffers.SearchValues<char> ClauseEnds = System.Buffers.SearchValues.Create("，,。！!？?；;\n");

    private static readonly string[] Before = ["不需要", "不用", "不缺", "不打算", "不考虑", "暂不", "无需", "没有要", "不"];

    private static readonly string[] After =
    [
        "不是问题", "没问题", "没有问题", "不缺", "够用", "不急", "解决了", "已解决", "已经解决", "还好", "还行", "先不说",
    ];

    /// <summary>The hits whose topic is set aside. A negation inside a clause that also names the topic plainly ("科技贷不需要抵押") describes the thing asked for and sets nothing aside.</summary>
    public static IReadOnlySet<CueHit> SetAside(string normalized, IReadOnlyList<CueHit> hits)
    {
        var negated = hits.Where(h => IsSetAside(normalized, h.Start, h.End)).ToHashSet();
        negated.RemoveWhere(n => hits.Any(h => !negated.Contains(h) && h.Cue.Category == n.Cue.Category && SameClause(normalized, h.Start, n.Start)));
        return negated;
    }

    private static bool SameClause(string text, int a, int b) =>
        text.AsSpan(Math.Min(a, b), Math.Abs(a - b)).IndexOfAny(ClauseEnds) < 0;

    private static bool IsSetAside(string normalized, int start, int end)
    {
        var before = normalized[Math.Max(0, start - 4)..start];
        before = before[(before.AsSpan().LastIndexOfAny(ClauseEnds) + 1)..];
        var after = normalized[end..Math.Min(normalized.Length, end + 8)];
        var stop = after.AsSpan().IndexOfAny(ClauseEnds);
        after = stop < 0 ? after : after[..stop];
        return Before.Any(b => before.EndsWith(b, StringComparison.Ordinal))
            || After.Any(a => after.StartsWith(a, StringComparison.Ordinal) || after.StartsWith("已经" + a, StringComparison.Ordinal)
                || after.StartsWith("都" + a, StringComparison.Ordinal) || after.StartsWith("也" + a, StringComparison.Ordinal));
    }
}
