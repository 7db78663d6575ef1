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
        }).Concat(Paused(t, rules)).ToList();
    }

    /// <summary>A 办结 clock standing still for the enterprise's 补充材料: the time it keeps, and the deadline as it stands.</summary>
    private static IEnumerable<DeadlineView> Paused(Ticket t, DeskRules rules)
    {
        if (t.ResolvePausedAt is { } paused && t.ResolveDue is { } due && t.Status == TicketStatus.AwaitingInformation)
        {
            var left = rules.Calendar.WorkingMinutesBetween(paused, due);
            yield return new DeadlineView(nameof(DeadlineStage.Resolve), DeskViewText.StageName(DeadlineStage.Resolve), due, rules.Calendar.Describe(due) + "（企业补充材料后顺延）",
                left, $"暂停计时，{Left(left, rules)}", "paused");
        }
    }

    /// <summary>"剩余1个工作日3小时", "已超期2小时": in working time, as the deadline counts it.</summary>
    public static string Left(int minutes, DeskRules rules) =>
        (minutes >= 0 ? "剩余" : "已超期") + rules.Calendar.DescribeWorkingTime(minutes);
}
