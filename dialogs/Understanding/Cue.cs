using System.Globalization;
using System.Text.RegularExpressions;

namespace Assistant.Dialogs.Understanding;

/// <summary>A word (or a pattern for an indirect statement) that speaks for a category with a weight.</summary>
/// <param name="General">A word for a kind of help ("补贴", "什么政策", "哪些手续") rather than a topic: it decides a
/// category only when no topic does, and does not make a rival of a category some topic word speaks for.</param>
internal sealed record Cue(string Category, string Text, double Weight, Regex? Pattern, bool General = false)
{
    /// <summary>A cue lighter than this is general whether marked so or not.</summary>
    public const double TopicWeight = 4.0;

    /// <summary>Gaps in patterns stay inside one sentence.</summary>
    private const string InSentence = "[^。！？!?；;\\n]";

    /// <summary>Reads a cue table: <c>weight: term term …</c> for words (an underscore is a space), and
    /// <c>weight~ pattern</c> for a regular expression whose dots do not cross a sentence end. A <c>g</c> after the weight
    /// (<c>5g~ …</c>) marks the cues of the line general.</summary>
    public static IEnumerable<Cue> Parse(string category, string table)
    {
        foreach (var raw in table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = raw.IndexOf(':', StringComparison.Ordinal);
            var tilde = raw.IndexOf('~', StringComparison.Ordinal);
            if (tilde > 0 && (colon < 0 || tilde < colon))
            {
                var (weight, general) = WeightOf(raw[..tilde]);
                var pattern = Regex.Replace(raw[(tilde + 1)..].Trim(), @"(?<!\\)\.", InSentence);
                yield return new Cue(category, raw[(tilde + 1)..].Trim(), weight,
                    new Regex(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant), general);
                continue;
            }

            var (w, g) = WeightOf(raw[..colon]);
            foreach (var term in raw[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return new Cue(category, term.Replace('_', ' ').ToLowerInvariant(), w, null, g);
            }
        }
    }

    private static (double Weight, bool General) WeightOf(string text)
    {
        var marked = text.EndsWith('g');
        var weight = double.Parse(marked ? text[..^1] : text, CultureInfo.InvariantCulture);
        return (weight, marked || weight < TopicWeight);
    }
}
