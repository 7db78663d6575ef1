using System.Collections.Concurrent;
using System.Globalization;

namespace Assistant.Dialogs.Calendar;

/// <summary>
/// Working days and office hours in one time zone, with the State Council holidays and 调休 make-up working days.
/// "Within N working days" follows the rule of Chinese administrative deadlines: the day the clock starts is not
/// counted, and the limit ends when the office closes on the Nth working day after it. Instants come back in UTC,
/// as PostgreSQL stores them; <see cref="Describe"/> shows them in local time.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly IReadOnlyList<(TimeOnly Start, TimeOnly End)> _periods;
    private readonly Dictionary<int, HolidaySchedule> _schedules;
    private readonly ConcurrentDictionary<int, bool> _yearsWithoutSchedule = new();
    private readonly ConcurrentDictionary<int, IReadOnlySet<DateOnly>> _estimates = new();
    private readonly Action<int>? _onYearWithoutSchedule;

    public WorkingCalendar(
        TimeZoneInfo zone,
        IReadOnlyList<(TimeOnly Start, TimeOnly End)> periods,
        IEnumerable<HolidaySchedule> schedules,
        Action<int>? onYearWithoutSchedule = null)
    {
        if (periods.Count == 0)
        {
            throw new ArgumentException("At least one working period is needed.", nameof(periods));
        }

        Zone = zone;
        _periods = periods.OrderBy(p => p.Start).ToList();
        _schedules = [];
        foreach (var schedule in schedules)
        {
            _schedules[schedule.Year] = schedule;
        }

        _onYearWithoutSchedule = onYearWithoutSchedule;
        MinutesPerDay = _periods.Sum(p => (int)(p.End - p.Start).TotalMinutes);
    }

    public static WorkingCalendar FromOptions(CalendarOptions options, Action<int>? onYearWithoutSchedule = null) =>
        new(
            TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone),
            options.WorkingPeriods(),
            HolidaySchedule.BuiltIn.Concat(options.HolidayYears().Select(y => y.Schedule)),
            onYearWithoutSchedule);

    public TimeZoneInfo Zone { get; }

    public int MinutesPerDay { get; }

    public IEnumerable<int> YearsWithSchedule => _schedules.Keys.Order();

    public bool IsWorkingDay(DateOnly day)
    {
        if (_schedules.TryGetValue(day.Year, out var schedule))
        {
            if (schedule.MakeUpWorkdays.Contains(day))
            {
                return true;
            }

            if (schedule.DaysOff.Contains(day))
            {
                return false;
            }
        }
        else
        {
            if (_yearsWithoutSchedule.TryAdd(day.Year, true))
            {
                _onYearWithoutSchedule?.Invoke(day.Year);
            }

            if (_estimates.GetOrAdd(day.Year, StatutoryHolidays.For).Contains(day))
            {
                return false;
            }
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    public DateTimeOffset Add(DateTimeOffset start, WorkingDuration duration) => duration.Unit switch
    {
        WorkingUnit.Days => AddWorkingDays(start, duration.Value),
        _ => AddWorkingMinutes(start, duration.Value * 60),
    };

    /// <summary>The close of office on the Nth working day after the day of <paramref name="start"/>.</summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = LocalDay(start);
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return days == 0 ? start : At(day, _periods[^1].End).ToUniversalTime();
    }

    public DateTimeOffset AddWorkingMinutes(DateTimeOffset start, int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        if (minutes == 0)
        {
            return start;
        }

        var remaining = minutes;
        var cursor = TimeZoneInfo.ConvertTime(start, Zone);
        while (true)
        {
            var day = DateOnly.FromDateTime(cursor.DateTime);
            if (IsWorkingDay(day))
            {
                foreach (var (from, to) in _periods)
                {
                    var periodStart = At(day, from);
                    var periodEnd = At(day, to);
                    if (cursor >= periodEnd)
                    {
                        continue;
                    }

                    var begin = cursor > periodStart ? cursor : periodStart;
                    var available = (int)(periodEnd - begin).TotalMinutes;
                    if (remaining <= available)
                    {
                        return begin.AddMinutes(remaining).ToUniversalTime();
                    }

                    remaining -= available;
                    cursor = periodEnd;
                }
            }

            cursor = At(day.AddDays(1), TimeOnly.MinValue);
        }
    }

    /// <summary>A span of office minutes as staff count it: "1个工作日3小时", "2小时", "45分钟", "不到1分钟".</summary>
    public string DescribeWorkingTime(int minutes)
    {
        var span = Math.Abs(minutes);
        var (days, hours, rest) = (span / MinutesPerDay, span % MinutesPerDay / 60, span % 60);
        var text = (days > 0 ? $"{days}个工作日" : "") + (hours > 0 ? $"{hours}小时" : "") + (days == 0 && rest > 0 ? $"{rest}分钟" : "");
        return text.Length == 0 ? "不到1分钟" : text;
    }

    /// <summary>The instant <paramref name="minutes"/> office minutes before <paramref name="end"/>, walking back over the
    /// office hours of working days; the inverse of <see cref="AddWorkingMinutes"/> for an end inside office hours.</summary>
    public DateTimeOffset SubtractWorkingMinutes(DateTimeOffset end, int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        if (minutes == 0)
        {
            return end;
        }

        var remaining = minutes;
        var cursor = TimeZoneInfo.ConvertTime(end, Zone);
        for (var day = DateOnly.FromDateTime(cursor.DateTime); ; day = day.AddDays(-1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            for (var i = _periods.Count - 1; i >= 0; i--)
            {
                var periodStart = At(day, _periods[i].Start);
                var periodEnd = At(day, _periods[i].End);
                if (cursor <= periodStart)
                {
                    continue;
                }

                var finish = cursor < periodEnd ? cursor : periodEnd;
                var available = (int)(finish - periodStart).TotalMinutes;
                if (remaining <= available)
                {
                    return finish.AddMinutes(-remaining).ToUniversalTime();
                }

                remaining -= available;
                cursor = periodStart;
            }
        }
    }

    /// <summary>Office minutes between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public int WorkingMinutesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return 0;
        }

        var total = 0;
        for (var day = LocalDay(from); day <= LocalDay(to); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            foreach (var (start, end) in _periods)
            {
                var begin = Max(At(day, start), from);
                var finish = Min(At(day, end), to);
                if (finish > begin)
                {
                    total += (int)(finish - begin).TotalMinutes;
                }
            }
        }

        return total;
    }

    /// <summary>An instant as a user reads it: "2026年11月24日 17:30".</summary>
    public string Describe(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The same, for English replies: "24 Nov 2026, 17:30".</summary>
    public string Describe(DateTimeOffset instant, bool english) =>
        english ? TimeZoneInfo.ConvertTime(instant, Zone).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) : Describe(instant);

    public DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
