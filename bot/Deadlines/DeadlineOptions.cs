using System.ComponentModel.DataAnnotations;

namespace Assistant.Bot.Deadlines;

/// <summary>Section <c>Deadlines</c>: the sweep that issues 黄牌, 红牌 and the automatic 督办 as the clocks run out.</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Deadlines";

    public bool Enabled { get; set; } = true;

    /// <summary>How often one host (whichever holds the lock) looks for cards that are due; another host takes over within
    /// this time when that one stops.</summary>
    [Range(5, 600, ErrorMessage = "Deadlines:SweepSeconds 须在 5 到 600 之间。")]
    public int SweepSeconds { get; set; } = 30;
}
