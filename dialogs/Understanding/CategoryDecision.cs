namespace Assistant.Dialogs.Understanding;

/// <summary>Turns scores into a category, a confidence, and the categories to ask between. A confident wrong answer sends
/// the request to the wrong department for days, so close calls and thin evidence become a question instead.</summary>
internal static class CategoryDecision
{
    /// <summary>The runner-up within this share of the winner makes the call a close one.</summary>
    public const double CloseRatio = 0.6;

    /// <summary>Less evidence than this is a guess, even with no rival.</summary>
    public const double ThinEvidence = 2.0;

    /// <summary>A category decided only by general words ("补贴", "员工", "客户": no cue this specific) and not much of them is asked about; such words appear in every kind of request.</summary>
    public const double SpecificCue = 4.0;

    public const double Plenty = 6.0;

    public static (string Category, double Confidence, IReadOnlyList<string> Clarify) Decide(ScoreSheet sheet)
    {
        var scores = sheet.Scores;
        if (scores.Count == 0)
        {
            return (Categories.Other, 0, []);
        }

        var best = scores[0];
        var second = scores.Count > 1 ? scores[1].Score : 0;
        var share = best.Score / (best.Score + second);
        var strength = 1 - Math.Exp(-best.Score / 3);
        var confidence = Math.Round(share * strength, 2);

        var rivals = scores.Skip(1).TakeWhile(s => s.Score >= best.Score * CloseRatio).Take(2).Select(s => s.Category).ToList();
        if (rivals.Count > 0)
        {
            return (best.Category, confidence, [best.Category, .. rivals]);
        }

        if (best.Score < ThinEvidence || sheet.Strongest.GetValueOrDefault(best.Category) < SpecificCue && best.Score < Plenty)
        {
            var fallback = scores.Count > 1 ? scores[1].Category : best.Category == Categories.Other ? null : Categories.Other;
            return fallback is null ? (best.Category, confidence, []) : (best.Category, confidence, [best.Category, fallback]);
        }

        return (best.Category, confidence, []);
    }
}
