using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Engine;

public enum ListStyle
{
    /// <summary>Suggested actions where the channel shows them (web chat), a hero card in Teams, else a numbered list.</summary>
    Auto,
    None,
    SuggestedAction,
    HeroCard,
    List,
}

/// <summary>A choice with the words that also select it.</summary>
public sealed record Choice(string Value, IReadOnlyList<string>? Synonyms = null);

public sealed record FoundChoice(string Value, int Index, string MatchedBy);

/// <summary>What a prompt says, what it says after a wrong answer, and the choices it offers. Stored with the prompt.</summary>
public sealed record PromptOptions
{
    public Activity? Prompt { get; init; }

    public Activity? RetryPrompt { get; init; }

    public IReadOnlyList<Choice>? Choices { get; init; }

    /// <summary>What to say when the question is repeated after an interruption, when the prompt also said other things.</summary>
    public Activity? Repeat { get; init; }

    public ListStyle Style { get; init; } = ListStyle.Auto;

    /// <summary>Words that end the prompt without an answer (an optional question); the prompt then returns null.</summary>
    public IReadOnlyList<string>? SkipWords { get; init; }

    public static PromptOptions Asking(string text, string? retry = null, IReadOnlyList<Choice>? choices = null) => new()
    {
        Prompt = new Activity { Text = text },
        RetryPrompt = retry is null ? null : new Activity { Text = retry },
        Choices = choices,
    };
}
