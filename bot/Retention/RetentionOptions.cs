using System.ComponentModel.DataAnnotations;

namespace Assistant.Bot.Retention;

/// <summary>Section <c>Retention</c>: how long what people leave behind in chats is kept. Tickets are records and are always kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    public bool Enabled { get; set; } = true;

    /// <summary>A conversation idle this long, with no open ticket filed from it, is removed with its transcript and files.</summary>
    [Range(1, 3650, ErrorMessage = "Retention:ConversationDays 须在 1 到 3650 之间。")]
    public int ConversationDays { get; set; } = 180;

    /// <summary>How often one host (whichever holds the lock) looks for what has expired.</summary>
    [Range(1, 24 * 60, ErrorMessage = "Retention:SweepMinutes 须在 1 到 1440 之间。")]
    public int SweepMinutes { get; set; } = 60;
}
