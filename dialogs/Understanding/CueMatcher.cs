using Assistant.Dialogs.Understanding.Lexicon;

namespace Assistant.Dialogs.Understanding;

/// <summary>One occurrence of a cue in the normalised text.</summary>
/// <param name="Overlap">Weight of same-category words inside a pattern hit, already counted on their own.</param>
internal sealed record CueHit(Cue Cue, int Start, int Length, double Overlap = 0)
{
    public int End => Start + Length;

    public double Weight => Math.Max(0, Cue.Weight - Overlap);
}

/// <summary>Finds cues longest first: a longer cue owns its characters, so "贷款贴息" counts for financing and its
/// "贴息"/"贷款" are not counted again, and "研发费用加计扣除" is policy, not R&amp;D.</summary>
internal sealed class CueMatcher
{
    /// <summary>A pattern loses to a compound word of another category at least this long inside it.</summary>
    private const int CompoundLength = 4;

    private readonly Dictionary<string, List<Cue>> _words;
    private readonly Cue[] _patterns;

    public CueMatcher(IEnumerable<Cue> cues)
    {
        var all = cues.ToList();
        _patterns = [.. all.Where(c => c.Pattern is not null)];
        // A word may speak for two categories ("工伤": a hiring matter or a family dispute).
        _words = all.Where(c => c.Pattern is null).GroupBy(c => c.Text).ToDictionary(g => g.Key, g => g.ToList());
    }

    public IReadOnlyList<CueHit> Match(string normalized)
    {
        var candidates = new List<CueHit>();
        foreach (var (word, cues) in _words)
        {
            for (var at = normalized.IndexOf(word, StringComparison.Ordinal); at >= 0;
                 at = normalized.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                if (IsWholeWord(normalized, at, word.Length))
                {
                    candidates.AddRange(cues.Select(cue => new CueHit(cue, at, word.Length)));
                }
            }
        }

        var owner = new CueHit?[normalized.Length];
        var hits = new List<CueHit>();
        foreach (var hit in candidates.OrderByDescending(h => h.Length).ThenBy(h => h.Start).ThenByDescending(h => h.Cue.Weight))
        {
            if (!Overlaps(owner, hit, o => o.Cue.Text != hit.Cue.Text || o.Start != hit.Start))
            {
                for (var i = hit.Start; i < hit.End; i++)
                {
                    owner[i] = hit;
                }

                hits.Add(hit);
            }
        }

        var words = hits.ToList();
        foreach (var cue in _patterns)
        {
            foreach (System.Text.RegularExpressions.Match m in cue.Pattern!.Matches(normalized))
            {
                var hit = new CueHit(cue, m.Index, m.Length);
                if (m.Length > 0 && !Overlaps(owner, hit, o => o.Cue.Category != cue.Category && IsInside(o, hit)))
                {
                    // A pattern around a word of its own category says the same thing once more: count the difference.
                    var overlap = words.Where(w => w.Cue.Category == cue.Category && w.Start < hit.End && hit.Start < w.End).Sum(w => w.Cue.Weight);
                    hits.Add(hit with { Overlap = overlap });
                }
            }
        }

        // Two patterns of one category over the same words ("享受什么优惠", "什么优惠") say one thing.
        var echoes = hits.Where(h => h.Cue.Pattern is not null && hits.Any(o => o != h && o.Cue.Pattern is not null
            && o.Cue.Category == h.Cue.Category && o.Start < h.End && h.Start < o.End
            && (o.Weight > h.Weight || o.Weight == h.Weight && o.Start < h.Start))).ToHashSet();
        return [.. hits.Where(h => h.Cue.Category != CueLexicon.Neutral && !echoes.Contains(h)).OrderBy(h => h.Start)];
    }

    /// <summary>A compound of another category takes a pattern's anchor ("研发…补贴" starting inside "研发费用加计扣除") or a good
    /// part of it ("跟职业技术学院合作"); a long pattern that merely passes over a compound keeps its meaning.</summary>
    private static bool IsInside(CueHit compound, CueHit pattern) =>
        compound.Length >= CompoundLength
        && (compound.Start <= pattern.Start && pattern.Start < compound.End
            || compound.Start < pattern.End && pattern.End <= compound.End
            || compound.Length * 3 >= pattern.Length);

    private static bool Overlaps(CueHit?[] owner, CueHit hit, Func<CueHit, bool> counts)
    {
        for (var i = hit.Start; i < hit.End; i++)
        {
            if (owner[i] is { } o && counts(o))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>English words match whole words only ("land" is not in "Holland"); Chinese has no spaces to check.</summary>
    private static bool IsWholeWord(string text, int start, int length)
    {
        var end = start + length;
        var firstIsLatin = char.IsAsciiLetter(text[start]);
        var lastIsLatin = char.IsAsciiLetter(text[end - 1]);
        return (!firstIsLatin || start == 0 || !char.IsAsciiLetterOrDigit(text[start - 1]))
            && (!lastIsLatin || end == text.Length || !char.IsAsciiLetterOrDigit(text[end]));
    }
}
