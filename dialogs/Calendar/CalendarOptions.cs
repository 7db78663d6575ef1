using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Assistant.Dialogs.Calendar;

/// <summary>Section <c>Desk:Calendar</c>: the time zone, office hours and holiday years beyond the built-in ones.</summary>
public sealed class CalendarOptions : IValidatableObject
{
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Office hours as "HH:mm-HH:mm" periods; empty means 09:00-12:00 and 13:30-17:30.</summary>
    /// <remarks>No default items in the list itself: configuration binding appends to a list, it does not replace it.</remarks>
    public List<string> WorkingHours { get; set; } = [];

    /// <summary>Holiday arrangements for years not shipped with the product, keyed by year.</summary>
    public Dictionary<string, YearOptions> Years { get; set; } = [];

    public sealed class YearOptions
    {
        public string Source { get; set; } = "";

        /// <summary>Days off, as dates ("2027-01-01") or ranges ("2027-02-05..2027-02-12").</summary>
        public List<string> DaysOff { get; set; } = [];

        /// <summary>Weekend days that are working days (调休上班).</summary>
        public List<string> Workdays { get; set; } = [];
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var errors = new List<ValidationResult>();
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            errors.Add(new ValidationResult($"Desk:Calendar:TimeZone '{TimeZone}' is not a known time zone."));
        }

        try
        {
            _ = WorkingPeriods();
            _ = HolidayYears().ToList();
        }
        catch (FormatException ex)
        {
            errors.Add(new ValidationResult(ex.Message));
        }

        return errors;
    }

    public IReadOnlyList<(TimeOnly Start, TimeOnly End)> WorkingPeriods()
    {
        var periods = new List<(TimeOnly, TimeOnly)>();
        foreach (var text in WorkingHours.Count > 0 ? WorkingHours : ["09:00-12:00", "13:30-17:30"])
        {
            var parts = text.Split('-', StringSplitOptions.TrimEntries);
            if (parts.Length != 2
                || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
                || end <= start)
            {
                throw new FormatException($"Desk:Calendar:WorkingHours entry '{text}' must look like \"09:00-12:00\".");
            }

            periods.Add((start, end));
        }

        periods.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (var i = 1; i < periods.Count; i++)
        {
            if (periods[i].Item1 < periods[i - 1].Item2)
            {
                throw new FormatException("Desk:Calendar:WorkingHours periods must not overlap.");
            }
        }

        return periods;
    }

    public IEnumerable<(int Year, HolidaySchedule Schedule)> HolidayYears()
    {
        foreach (var (key, year) in Years)
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 2000 || number > 2100)
            {
                throw new FormatException($"Desk:Calendar:Years key '{key}' must be a year such as 2027.");
            }

            var off = year.DaysOff.Select(ParseRange).ToList();
            var work = year.Workdays.Select(ParseDate).ToList();
            yield return (number, HolidaySchedule.Create(number, year.Source, off, work));
        }
    }

    private static (DateOnly, DateOnly) ParseRange(string text)
    {
        var parts = text.Split("..", StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            1 => (ParseDate(parts[0]), ParseDate(parts[0])),
            2 => (ParseDate(parts[0]), ParseDate(parts[1])),
            _ => throw new FormatException($"Desk:Calendar day range '{text}' must look like \"2027-02-05..2027-02-12\"."),
        };
    }

    private static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"Desk:Calendar date '{text}' must look like \"2027-01-01\".");
}
