using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Tickets;

namespace Assistant.Bot.Desk;

/// <summary>Tickets as the console shows them: a row, and the running deadlines with their cards.</summary>
public static class TicketRows
{
    public static TicketRow Row(Ticket t, DeskRules rules, DateTimeOffset now) => new(
        t.Id,
        t.Number,
        t.Status.ToString(),
        t.Status.ToChinese(),
        t.Category,
        rules.CategoryNames.GetValueOrDefault(t.Category) ?? t.Category,
        t.Text.Length > 80 ? t.Text[..80] + "…" : t.Text,
        t.Enterprise.Name,
        t.LeadDepartmentId,
        t.LeadDepartmentId is null ? "（未派单）" : rules.DepartmentName(t.LeadDepartmentId),
        t.AssigneeName,
        t.SubmittedAt,
        Deadlines(t, rules, now).OrderBy(d => d.Due).FirstOrDefault(),
        t.SupervisionCount > 0,
        t.Urgent);

    public static IReadOnlyList<DeadlineView> Deadlines(Ticket t, DeskRules rules, DateTimeOffset now)
    {
        if (t.DispatchedAt is not { } start)
        {
            return [];
        }

        return WarnTicket.RunningClocks(t).Select(clock =>
        {
            var late = now >= clock.Due;
            var minutes = late ? -rules.Calendar.WorkingMinutesBetween(clock.Due, now) : rules.Calendar.WorkingMinutesBetween(now, clock.Due);
            var card = WarnTicket.LevelAt(rules, start, clock.Due, now) switch
            {
                WarningLevel.Red => "red",
                WarningLevel.Yellow => "yellow",
                _ => "green",
            };
            return new DeadlineView(clock.Stage.ToString(), DeskViewText.StageName(clock.Stage), clock.Due, rules.Calendar.Describe(clock.Due), minutes, Left(minutes, rules), card);
        }).ToList();
    }

    /// <summary>"剩余1个工作日3小时", "已超期2小时": in working time, as the deadline counts it.</summary>
    public static string Left(int minutes, DeskRules rules)
    {
        var span = Math.Abs(minutes);
        var perDay = rules.Calendar.MinutesPerDay;
        var days = span / perDay;
        var hours = span % perDay / 60;
        var rest = span % 60;
        var text = (days > 0 ? $"{days}个工作日" : "") + (hours > 0 ? $"{hours}小时" : "") + (days == 0 && rest > 0 ? $"{rest}分钟" : "");
        if (text.Length == 0)
        {
            text = "不到1分钟";
        }

        return minutes >= 0 ? "剩余" + text : "已超期" + text;
    }
}
