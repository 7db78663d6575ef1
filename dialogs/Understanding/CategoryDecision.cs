namespace Assistant.Dialogs.Understanding;

/// <summary>Turns scores into a category, a confidence, and the categories to ask between. A confident wrong answer sends
/// the request to the wrong department for days, so close calls and thin evidence become a question instead.</summary>
internal static class CategoryDecision
{
    /// <summary>The runner-up within this share of the winner makes the call a close one.</summary>
    public const double CloseRatio = 0.7;

    /// <summary>Less evidence than this is a guess, even with no rival.</summary>
    public const double ThinEvidence = 2.0;

    /// <summary>A cue this heavy names a topic; lighter ones ("补贴", "员工", "客户") and those marked general speak of a kind of
    /// help and appear in every kind of request. A category decided only by such words, and not much of them, is asked about
    /// when another category has a topic word in the message; alone, they decide ("有啥补贴能申请" is a policy question).</summary>
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

        var topical = HasTopic(sheet, best.Category);
        var rivals = scores.Skip(1).TakeWhile(s => s.Score >= best.Score * CloseRatio)
            .Where(s => !topical || HasTopic(sheet, s.Category))
            .Take(2).Select(s => s.Category).ToList();
        if (rivals.Count > 0)
        {
            return (best.Category, confidence, [best.Category, .. rivals]);
        }

        if (best.Score < ThinEvidence)
        {
            var fallback = scores.Count > 1 ? scores[1].Category : best.Category == Categories.Other ? null : Categories.Other;
            return fallback is null ? (best.Category, confidence, []) : (best.Category, confidence, [best.Category, fallback]);
        }

        if (!topical && best.Score < Plenty && scores.Skip(1).FirstOrDefault(s => HasTopic(sheet, s.Category)) is { } topic)
        {
            return (best.Category, confidence, [best.Category, topic.Category]);
        }

        return (best.Category, confidence, []);
    }

    /// <summary>Whether a topic word speaks for the category, not only words for a kind of help: in "低效用地再开发有什么政策"
    /// the policy words ask what help there is for a land matter, which is the land department's to answer.</summary>
    private static bool HasTopic(ScoreSheet sheet, string category) => sheet.Strongest.GetValueOrDefault(category) >= SpecificCue;
}
