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

    /// <summary>Details the user gave or corrected themselves, which what is read from the request never overwrites.</summary>
    public HashSet<string> Stated { get; set; } = [];

    /// <summary>Optional details the user passed over or cleared: never asked again.</summary>
    public HashSet<string> Skipped { get; set; } = [];

    /// <summary>Every question asked, in order (slot keys), so none is asked twice.</summary>
    public List<string> Asked { get; set; } = [];

    /// <summary>The enterprise's own questions, for the department to answer (企业关心的问题).</summary>
    public List<string> Concerns { get; set; } = [];

    /// <summary>Why the request is urgent, in the user's words; null when nothing said so.</summary>
    public string? Urgency { get; set; }

    public UrgencyKind? UrgencyKind { get; set; }

    public string? Asking { get; set; }

    /// <summary>The field the user chose to correct from the summary.</summary>
    public string? Editing { get; set; }

    public bool OfferedRememberedPhone { get; set; }

    public bool Summarised { get; set; }

    /// <summary>Which summary card is the live one: buttons of an earlier card are answered, not acted on.</summary>
    public int CardVersion { get; set; }

    public bool CategoryAnnounced { get; set; }

    /// <summary>The last question or reminder put to the user, so the same words are never said twice in a row.</summary>
    public string? LastAsked { get; set; }

    /// <summary>Times the bot reminded the user of missing contact details instead of asking again.</summary>
    public int Reminders { get; set; }

    /// <summary>What this turn has to say before its question (one acknowledgement per turn); empty between turns.</summary>
    public List<string> Saying { get; set; } = [];

    /// <summary>What this turn added ("已记录：…"): said before a question, left to the summary card when one follows.</summary>
    public string? Noted { get; set; }

    /// <summary>This turn's word of understanding for an urgent situation, said first.</summary>
    public string? Empathy { get; set; }

    /// <summary>Whether this turn has anything to say before its question.</summary>
    public bool HasSaying => Saying.Count > 0 || Noted is not null || Empathy is not null;

    public string Text => string.Join("\n", Texts);

    public bool Urgent => Urgency is not null;

    /// <summary>How many times a slot has been asked.</summary>
    public int TimesAsked(string key) => Asked.Count(a => a == key);
}
