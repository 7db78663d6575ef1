using Assistant.Dialogs.Understanding;

namespace Assistant.Dialogs.Conversations.Submit;

/// <summary>A request being put together in the chat: what was said, what was understood, what was asked.</summary>
public sealed class RequestDraft
{
    /// <summary>The user's own words about the need, in order.</summary>
    public List<string> Texts { get; set; } = [];

    public string? Category { get; set; }

    public double Confidence { get; set; }

    /// <summary>The user picked the category (after a clarifying question, or a correction).</summary>
    public bool CategoryChosen { get; set; }

    /// <summary>Categories the bot asked the user to choose between.</summary>
    public List<string> Clarify { get; set; } = [];

    public RequestEntities Entities { get; set; } = RequestEntities.None;

    public string? ContactName { get; set; }

    /// <summary>Free-text details by slot key (location, purpose, positions …).</summary>
    public Dictionary<string, string> Details { get; set; } = [];

    public HashSet<string> Skipped { get; set; } = [];

    public string? Asking { get; set; }

    /// <summary>The field the user chose to correct from the summary.</summary>
    public string? Editing { get; set; }

    public bool OfferedRememberedPhone { get; set; }

    public bool Summarised { get; set; }

    public bool CategoryAnnounced { get; set; }

    /// <summary>The last answer did not fill the slot asked, which is now asked again (in other words).</summary>
    public bool AskingAgain { get; set; }

    public string Text => string.Join("\n", Texts);
}
