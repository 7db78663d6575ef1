using Assistant.Dialogs.Understanding.Lexicon;

namespace Assistant.Dialogs.Understanding;

/// <summary>When no cue is found (an unforeseen slip: "工业用低"), the character pairs of the cue words, by how specific each
/// is to one category, suggest the categories to ask between; it never decides alone.</summary>
internal sealed class BigramGuess
{
    /// <summary>Below this total the pairs say nothing useful.</summary>
    private const double Minimum = 1.5;

    /// <summary>Pairs every request uses; inside a cue word they say nothing about its category.</summary>
    private static readonly HashSet<string> Generic =
    [
        "咨询", "申请", "怎么", "什么", "问题", "一下", "企业", "公司", "我们", "政府", "办理", "需要", "不能", "可以", "多少",
        "时候", "没有", "情况", "相关", "部门", "服务", "支持", "帮忙", "协调", "了解", "问问", "想问", "项目", "工作", "管理",
        "操作", "反映", "办公", "地方", "压力", "不出", "出去", "设备", "车间", "生产", "公司", "单位", "我们", "这个", "那个",
    ];

    private readonly Dictionary<string, Dictionary<string, double>> _pairs = [];

    public BigramGuess(IEnumerable<Cue> cues)
    {
        foreach (var cue in cues.Where(c => c.Pattern is null && c.Category != CueLexicon.Neutral && c.Text.Length >= 2))
        {
            foreach (var pair in Pairs(cue.Text))
            {
                var shares = _pairs.TryGetValue(pair, out var s) ? s : _pairs[pair] = [];
                shares[cue.Category] = shares.GetValueOrDefault(cue.Category) + cue.Weight;
            }
        }

        foreach (var shares in _pairs.Values)
        {
            var total = shares.Values.Sum();
            foreach (var category in shares.Keys.ToList())
            {
                shares[category] /= total;
            }
        }
    }

    public (IReadOnlyList<CategoryScore> Scores, IReadOnlyList<Evidence> Evidence) Guess(string normalized)
    {
        var totals = new Dictionary<string, double>();
        var evidence = new List<Evidence>();
        foreach (var pair in Pairs(normalized).Distinct())
        {
            if (Generic.Contains(pair) || !_pairs.TryGetValue(pair, out var shares))
            {
                continue;
            }

            var (category, share) = shares.MaxBy(s => s.Value);
            if (share < 0.6)
            {
                continue;
            }

            totals[category] = totals.GetValueOrDefault(category) + share;
            evidence.Add(new Evidence(category, $"“{pair}”", Math.Round(share, 2)));
        }

        var scores = totals.Where(t => t.Value >= Minimum).OrderByDescending(t => t.Value)
            .Select(t => new CategoryScore(t.Key, Math.Round(t.Value, 2))).ToList();
        return scores.Count == 0 ? ([], []) : (scores, evidence.Where(e => scores.Any(s => s.Category == e.Category)).ToList());
    }

    private static IEnumerable<string> Pairs(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (TextNormalizer.IsCjk(text[i]) && TextNormalizer.IsCjk(text[i + 1]))
            {
                yield return text.Substring(i, 2);
            }
        }
    }
}
