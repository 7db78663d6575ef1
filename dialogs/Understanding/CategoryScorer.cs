using Assistant.Dialogs.Understanding.Lexicon;

namespace Assistant.Dialogs.Understanding;

/// <param name="Strongest">Per category, the weight of its strongest topic cue (0 when only general words speak for it).</param>
internal sealed record ScoreSheet(IReadOnlyList<CategoryScore> Scores, IReadOnlyList<Evidence> Evidence, IReadOnlyDictionary<string, double> Strongest);

/// <summary>Sums the cues of each category, weighted by where they stand, and keeps the evidence.</summary>
internal sealed class CategoryScorer
{
    /// <summary>A cue said again adds only a little: repetition is not a second need.</summary>
    private const double Repeated = 0.3;

    /// <summary>A cue read through a character guessed from its sound ("找人" read as 招人) counts for less than one typed:
    /// the guess helps where nothing else speaks, and never outweighs what the user wrote.</summary>
    private const double GuessedFromSound = 0.6;

    private readonly CueMatcher _matcher = new(CueLexicon.All);

    public ScoreSheet Score(string original, string normalized, IEnumerable<(int Start, int End)> names, IReadOnlySet<int> guessed)
    {
        var hidden = names.ToList();
        var strongest = new Dictionary<string, double>();
        var factors = Emphasis.Weigh(normalized);
        var totals = Categories.All.ToDictionary(c => c, _ => 0.0);
        var seen = new HashSet<string>();
        var evidence = new List<Evidence>();
        var hits = _matcher.Match(normalized).Where(h => !hidden.Any(n => n.Start <= h.Start && h.End <= n.End)).ToList();
        var setAside = Negation.SetAside(normalized, hits);
        // A topic word inside a help question of its own category ("需要什么资质") is used as a help word there.
        var asHelp = hits.Where(h => h.Cue.General && h.Cue.Pattern is not null).ToList();
        foreach (var hit in hits)
        {
            var factor = Max(factors.AsSpan(hit.Start, hit.Length)) * (setAside.Contains(hit) ? Negation.Factor : 1)
                * (guessed.Count > 0 && Enumerable.Range(hit.Start, hit.Length).Any(guessed.Contains) ? GuessedFromSound : 1);
            var weight = hit.Weight * factor * (seen.Add(hit.Cue.Text) ? 1.0 : Repeated);
            if (weight <= 0)
            {
                continue;
            }

            totals[hit.Cue.Category] += weight;
            var general = hit.Cue.General || asHelp.Any(g => g.Cue.Category == hit.Cue.Category && g.Start <= hit.Start && hit.End <= g.End);
            strongest[hit.Cue.Category] = Math.Max(strongest.GetValueOrDefault(hit.Cue.Category), general ? 0 : hit.Cue.Weight);
            evidence.Add(new Evidence(hit.Cue.Category, Describe(original, normalized, hit), Math.Round(weight, 2)));
        }

        var scores = totals.Where(t => t.Value > 0)
            .OrderByDescending(t => t.Value)
            .Select(t => new CategoryScore(t.Key, Math.Round(t.Value, 2)))
            .ToList();
        return new ScoreSheet(scores, evidence.OrderByDescending(e => e.Weight).ToList(), strongest);
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        var max = 0.0;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    /// <summary>What the user typed, and the word it was read as when a typo was mended.</summary>
    private static string Describe(string original, string normalized, CueHit hit)
    {
        var typed = original.Substring(hit.Start, hit.Length);
        var read = normalized.Substring(hit.Start, hit.Length);
        return string.Equals(TextNormalizer.HalfWidth(typed), read, StringComparison.OrdinalIgnoreCase) ? typed : $"{typed}（{read}）";
    }
}
