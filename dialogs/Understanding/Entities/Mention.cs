using System.Text.RegularExpressions;

namespace Assistant.Dialogs.Understanding.Entities;

/// <summary>A candidate value for one slot, where it stands, and how strongly it is tied to the request.</summary>
internal sealed record Mention<T>(T Value, int Start, int End, double Score);

/// <summary>Chooses among candidates: a value the user corrected is dropped, then the best tied one wins.</summary>
internal static partial class Mentions
{
    public static Mention<T>? Pick<T>(RequestText text, IEnumerable<Mention<T>> candidates, bool laterWins = true)
    {
        var ordered = candidates.OrderBy(c => c.Start).ToList();
        var kept = ordered.Where((c, i) => !ordered.Skip(i + 1).Any(later => IsCorrected(text, c, later))).ToList();
        if (kept.Count == 0)
        {
            return null;
        }

        var best = kept.Max(c => c.Score);
        var top = kept.Where(c => c.Score >= best).ToList();
        return laterWins ? top[^1] : top[0];
    }

    /// <summary>"2500平，哦是3500平", "三十亩…不对…四十亩", "120万…说错了，是102万".</summary>
    public static bool IsCorrected<T>(RequestText text, Mention<T> earlier, Mention<T> later) =>
        Corrects(text, earlier.End, later.Start);

    public static bool Corrects(RequestText text, int earlierEnd, int laterStart) =>
        Correction().IsMatch(text.Between(earlierEnd, laterStart));

    [GeneratedRegex("不对|说错|写错|打错|看错|搞错|记错|算错|改成|改为|改一下|更正|纠正|应该是|其实|准确地说|确切地说|哦(?!漏)|噢|喔|额不|呃|不是.{0,8}是|算了")]
    private static partial Regex Correction();
}
