using Assistant.Dialogs.Calendar;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly WorkingCalendar _calendar = Shipped.Rules().Calendar;

    private static DateTimeOffset At(int year, int month, int day, int hour = 10, int minute = 0) => new(year, month, day, hour, minute, 0, Beijing);

    [Theory]
    [InlineData(2026, 2, 14, true)]   // Saturday, 调休上班 before Spring Festival
    [InlineData(2026, 2, 16, false)]  // Monday in the Spring Festival holiday
    [InlineData(2026, 2, 23, false)]  // last day of the 9-day holiday
    [InlineData(2026, 2, 28, true)]   // Saturday make-up working day after it
    [InlineData(2026, 9, 20, true)]   // Sunday make-up working day before National Day
    [InlineData(2026, 10, 7, false)]
    [InlineData(2026, 10, 10, true)]  // Saturday make-up working day
    [InlineData(2026, 10, 11, false)] // an ordinary Sunday
    [InlineData(2025, 1, 26, true)]   // Sunday make-up day before Spring Festival 2025
    [InlineData(2025, 10, 8, false)]  // National Day and Mid-Autumn merged, 8 days
    [InlineData(2025, 1, 1, false)]
    [InlineData(2026, 11, 23, true)]  // an ordinary Monday
    public void Knows_the_State_Council_holidays_and_make_up_working_days(int year, int month, int day, bool working) =>
        Assert.Equal(working, _calendar.IsWorkingDay(new DateOnly(year, month, day)));

    [Fact]
    public void One_working_day_from_the_Friday_before_Spring_Festival_is_the_make_up_Saturday() =>
        Assert.Equal(At(2026, 2, 14, 17, 30), _calendar.AddWorkingDays(At(2026, 2, 13, 15), 1));

    [Fact]
    public void Five_working_days_across_Spring_Festival_skip_the_nine_days_off() =>
        // 2/14 (调休), then 2/24, 2/25, 2/26, 2/27.
        Assert.Equal(At(2026, 2, 27, 17, 30), _calendar.AddWorkingDays(At(2026, 2, 13, 9), 5));

    [Fact]
    public void A_request_on_the_eve_of_National_Day_is_due_after_the_holiday_and_on_the_make_up_Saturday() =>
        // 9/30 is not counted; 10/1–10/7 off; 10/8, 10/9, 10/10 (调休 Saturday).
        Assert.Equal(At(2026, 10, 10, 17, 30), _calendar.AddWorkingDays(At(2026, 9, 30, 16), 3));

    [Fact]
    public void The_make_up_Sunday_before_National_Day_counts_as_a_working_day() =>
        Assert.Equal(At(2026, 9, 20, 17, 30), _calendar.AddWorkingDays(At(2026, 9, 18, 11), 1));

    [Fact]
    public void Spring_Festival_2025_counts_its_make_up_Sunday() =>
        Assert.Equal(At(2025, 1, 27, 17, 30), _calendar.AddWorkingDays(At(2025, 1, 24, 10), 2));

    [Fact]
    public void A_request_on_a_weekend_is_due_at_close_of_office_on_the_next_working_day() =>
        Assert.Equal(At(2026, 11, 30, 17, 30), _calendar.AddWorkingDays(At(2026, 11, 28, 20), 1));

    [Fact]
    public void Working_hours_continue_after_the_lunch_break_and_on_the_next_working_day()
    {
        Assert.Equal(At(2026, 11, 23, 14, 30), _calendar.AddWorkingMinutes(At(2026, 11, 23, 11), 120));
        // Friday 16:30 + 2 h: one hour on Friday, one on the make-up Saturday of Spring Festival.
        Assert.Equal(At(2026, 2, 14, 10), _calendar.Add(At(2026, 2, 13, 16, 30), WorkingDuration.Hours(2)));
    }

    [Fact]
    public void Working_minutes_between_two_instants_leave_out_nights_lunch_and_holidays()
    {
        Assert.Equal(7 * 60, _calendar.MinutesPerDay);
        Assert.Equal(60 + 7 * 60, _calendar.WorkingMinutesBetween(At(2026, 2, 13, 16, 30), At(2026, 2, 24, 9)));
        Assert.Equal(0, _calendar.WorkingMinutesBetween(At(2026, 2, 16), At(2026, 2, 20)));
    }

    [Fact]
    public void A_year_without_a_schedule_estimates_the_statutory_holidays_and_says_so_once()
    {
        var missing = new List<int>();
        var calendar = WorkingCalendar.FromOptions(new CalendarOptions(), missing.Add);

        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));  // 元旦, a Friday
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 10, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 10, 4)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 10, 9)));  // an ordinary Saturday
        Assert.Equal([2027], missing);
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void The_statutory_estimate_agrees_with_every_announced_holiday_it_knows(int year)
    {
        // Each statutory day falls inside the State Council's days off for the same year.
        var announced = HolidaySchedule.BuiltIn.Single(s => s.Year == year).DaysOff;
        Assert.All(StatutoryHolidays.For(year), day => Assert.Contains(day, announced));
    }

    [Fact]
    public void The_statutory_estimate_finds_the_lunar_holidays_of_2027()
    {
        var days = StatutoryHolidays.For(2027);
        Assert.Contains(new DateOnly(2027, 2, 5), days);  // 除夕
        Assert.Contains(new DateOnly(2027, 6, 9), days);  // 端午
        Assert.Contains(new DateOnly(2027, 9, 15), days); // 中秋
        Assert.Contains(new DateOnly(2027, 4, 5), days);  // 清明
    }

    [Fact]
    public void Years_from_configuration_add_holidays_and_make_up_days()
    {
        var options = new CalendarOptions
        {
            Years = { ["2027"] = new() { DaysOff = ["2027-01-01", "2027-02-05..2027-02-12"], Workdays = ["2027-02-14"] } },
        };
        var calendar = WorkingCalendar.FromOptions(options);

        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 2, 8)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 14)));
        Assert.Contains(2027, calendar.YearsWithSchedule);
    }

    [Theory]
    [InlineData("5d", 5, WorkingUnit.Days)]
    [InlineData("4h", 4, WorkingUnit.Hours)]
    [InlineData("3个工作日", 3, WorkingUnit.Days)]
    [InlineData(" 1 H ", 1, WorkingUnit.Hours)]
    public void Limits_are_written_as_working_days_or_hours(string text, int value, WorkingUnit unit) =>
        Assert.Equal(new WorkingDuration(value, unit), WorkingDuration.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("0d")]
    [InlineData("five days")]
    [InlineData("5w")]
    public void Other_limit_texts_are_refused(string text) => Assert.False(WorkingDuration.TryParse(text, out _));

    [Fact]
    public void Malformed_office_hours_are_reported_with_the_setting_to_fix()
    {
        var options = new CalendarOptions { WorkingHours = ["9点到12点"] };
        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();
        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Desk:Calendar:WorkingHours", StringComparison.Ordinal));
    }

    [Fact]
    public void Going_back_one_working_day_from_the_day_after_National_Day_lands_before_the_holiday() =>
        // 10/8 09:30 minus 420 office minutes: 30 on 10/8, then 390 back from 9/30 17:30 (9/30 is a working day).
        Assert.Equal(At(2026, 9, 30, 9, 30), _calendar.SubtractWorkingMinutes(At(2026, 10, 8, 9, 30), _calendar.MinutesPerDay));

    [Theory]
    [InlineData(2026, 10, 12, 17, 30, 420)]
    [InlineData(2026, 10, 10, 11, 0, 45)]
    [InlineData(2026, 2, 24, 14, 0, 900)]
    [InlineData(2026, 11, 23, 13, 31, 1)]
    public void Subtracting_office_minutes_undoes_adding_them(int year, int month, int day, int hour, int minute, int minutes)
    {
        var end = At(year, month, day, hour, minute);
        Assert.Equal(end, _calendar.AddWorkingMinutes(_calendar.SubtractWorkingMinutes(end, minutes), minutes));
    }
}
