using System.Globalization;
using System.Text.RegularExpressions;

namespace Assistant.Dialogs.Understanding;

/// <summary>A word (or a pattern for an indirect statement) that speaks for a category with a weight.</summary>
internal sealed record Cue(string Category, string Text, double Weight, Regex? Pattern)
{
    /// <summary>Gaps in patterns stay inside one sentence.</summary>
    private const string InSentence = "[^。！？!?；;\\n]";

    /// <summary>Reads a cue table: <c>weight: term term …</c> for words (an underscore is a space), and
    /// <c>weight~ pattern</c> for a regular expression whose dots do not cross a sentence end.</summary>
    public static IEnumerable<Cue> Parse(string category, string table)
    {
        foreach (var raw in table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = raw.IndexOf(':', StringComparison.Ordinal);
            var tilde = raw.IndexOf('~', StringComparison.Ordinal);
            if (tilde > 0 && (colon < 0 || tilde < colon))
            {
                var weight = double.Parse(raw[..tilde], CultureInfo.InvariantCulture);
                var pattern = Regex.Replace(raw[(tilde + 1)..].Trim(), @"(?<!\\)\.", InSentence);
                yield return new Cue(category, raw[(tilde + 1)..].Trim(), weight,
                    new Regex(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant));
                continue;
            }

            var w = double.Parse(raw[..colon], CultureInfo.InvariantCulture);
            foreach (var term in raw[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return new Cue(category, term.Replace('_', ' ').ToLowerInvariant(), w, null);
            }
        }
    }
}
