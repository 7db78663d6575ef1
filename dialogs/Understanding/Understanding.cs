using Assistant.Dialogs.Understanding.Entities;

namespace Assistant.Dialogs.Understanding;

/// <summary>A word or feature that pushed a category, shown to administrators to explain a routing.</summary>
public sealed record Evidence(string Category, string Cue, double Weight);

public sealed record CategoryScore(string Category, double Score);

/// <summary>What one message asks for: the category, how sure we are, and what the bot should ask when unsure.</summary>
/// <param name="Clarify">The two or three categories to offer as buttons when unsure; empty when confident.</param>
/// <param name="HasNeed">False for greetings and "想咨询个事": the bot asks an open question.</param>
public sealed record Understanding(
    string Category,
    double Confidence,
    IReadOnlyList<string> Clarify,
    IReadOnlyList<CategoryScore> Scores,
    IReadOnlyList<Evidence> Evidence,
    RequestEntities Entities,
    string Language,
    bool HasNeed)
{
    public bool IsConfident => HasNeed && Clarify.Count == 0;

    /// <summary>How the message spoke of a headcount (a total, or an addition), for merging it into a dialog's slots.</summary>
    internal HeadcountMention? Headcount { get; init; }
}
