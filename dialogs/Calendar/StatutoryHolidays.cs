using System.Globalization;

namespace Assistant.Dialogs.Calendar;

/// <summary>
/// The public holidays fixed by 《全国年节及纪念日放假办法》 (2024 revision): 元旦 1 day, 春节 4 days from 除夕, 清明 1,
/// 劳动节 2, 端午 1, 中秋 1, 国庆 3. Used only for years whose State Council arrangement is not configured: it cannot
/// know the 调休 make-up days, but it keeps 元旦 or 国庆 from counting as working days.
/// </summary>
public static class StatutoryHolidays
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    public static IReadOnlySet<DateOnly> For(int year)
    {
        var days = new HashSet<DateOnly> { new(year, 1, 1), new(year, 5, 1), new(year, 5, 2), new(year, 10, 1), new(year, 10, 2), new(year, 10, 3) };
        var newYear = LunarDate(year, 1, 1);
        for (var i = -1; i <= 2; i++)
        {
            days.Add(newYear.AddDays(i));
        }

        days.Add(LunarDate(year, 5, 5));
        days.Add(LunarDate(year, 8, 15));
        days.Add(new DateOnly(year, 4, QingmingDay(year)));
        return days;
    }

    private static DateOnly LunarDate(int year, int month, int day)
    {
        // A leap month before the wanted month shifts its index in the lunisolar calendar by one.
        var leap = Lunar.GetLeapMonth(year);
        var index = leap > 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    // The 清明 solar term for 2001–2099: [Y × 0.2422 + 4.81] − [Y / 4], Y the last two digits of the year.
    private static int QingmingDay(int year)
    {
        var y = year % 100;
        return (int)Math.Floor((y * 0.2422) + 4.81) - (y / 4);
    }
}
