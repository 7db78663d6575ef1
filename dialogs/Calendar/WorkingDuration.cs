using System.Globalization;
using System.Text.RegularExpressions;

namespace Assistant.Dialogs.Calendar;

public enum WorkingUnit
{
    Days,
    Hours,
}

/// <summary>A limit counted in working time: "5d" is five working days, "4h" four working hours.</summary>
public readonly partial record struct WorkingDuration(int Value, WorkingUnit Unit)
{
    public static WorkingDuration Days(int value) => new(value, WorkingUnit.Days);

    public static WorkingDuration Hours(int value) => new(value, WorkingUnit.Hours);

    public static bool TryParse(string? text, out WorkingDuration duration)
    {
        duration = default;
        var match = Pattern().Match(text ?? "");
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return false;
        }

        duration = new WorkingDuration(value, match.Groups[2].Value.ToLowerInvariant() is "d" or "个工作日" or "工作日" ? WorkingUnit.Days : WorkingUnit.Hours);
        return true;
    }

    public static WorkingDuration Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"'{text}' is not a working duration; write e.g. \"5d\" (working days) or \"4h\" (working hours).");

    public override string ToString() => Unit == WorkingUnit.Days ? $"{Value}d" : $"{Value}h";

    /// <summary>How a user reads it: "5个工作日", "4个工作小时".</summary>
    public string ToChinese() => Unit == WorkingUnit.Days ? $"{Value}个工作日" : $"{Value}个工作小时";

    [GeneratedRegex(@"^\s*(\d{1,3})\s*(d|h|D|H|个工作日|工作日|个工作小时|工作小时|小时)\s*$")]
    private static partial Regex Pattern();
}
