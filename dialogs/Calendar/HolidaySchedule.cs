namespace Assistant.Dialogs.Calendar;

/// <summary>
/// One year of the State Council holiday arrangement (国务院办公厅关于部分节假日安排的通知):
/// the days off, and the weekend days that are working days (调休上班).
/// </summary>
public sealed record HolidaySchedule(int Year, string Source, IReadOnlySet<DateOnly> DaysOff, IReadOnlySet<DateOnly> MakeUpWorkdays)
{
    public static HolidaySchedule Create(int year, string source, IEnumerable<(DateOnly From, DateOnly To)> daysOff, IEnumerable<DateOnly> makeUpWorkdays)
    {
        var off = new HashSet<DateOnly>();
        foreach (var (from, to) in daysOff)
        {
            for (var d = from; d <= to; d = d.AddDays(1))
            {
                off.Add(d);
            }
        }

        return new HolidaySchedule(year, source, off, makeUpWorkdays.ToHashSet());
    }

    /// <summary>The arrangements shipped with the product. Later years come from configuration (Desk:Calendar:Years).</summary>
    public static IReadOnlyList<HolidaySchedule> BuiltIn { get; } =
    [
        Create(2025, "国办发明电〔2024〕12号",
            [
                (new(2025, 1, 1), new(2025, 1, 1)),
                (new(2025, 1, 28), new(2025, 2, 4)),
                (new(2025, 4, 4), new(2025, 4, 6)),
                (new(2025, 5, 1), new(2025, 5, 5)),
                (new(2025, 5, 31), new(2025, 6, 2)),
                (new(2025, 10, 1), new(2025, 10, 8)),
            ],
            [new(2025, 1, 26), new(2025, 2, 8), new(2025, 4, 27), new(2025, 9, 28), new(2025, 10, 11)]),
        Create(2026, "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）",
            [
                (new(2026, 1, 1), new(2026, 1, 3)),
                (new(2026, 2, 15), new(2026, 2, 23)),
                (new(2026, 4, 4), new(2026, 4, 6)),
                (new(2026, 5, 1), new(2026, 5, 5)),
                (new(2026, 6, 19), new(2026, 6, 21)),
                (new(2026, 9, 25), new(2026, 9, 27)),
                (new(2026, 10, 1), new(2026, 10, 7)),
            ],
            [new(2026, 1, 4), new(2026, 2, 14), new(2026, 2, 28), new(2026, 5, 9), new(2026, 9, 20), new(2026, 10, 10)]),
    ];
}
