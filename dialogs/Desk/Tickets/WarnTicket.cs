namespace Assistant.Dialogs.Desk.Tickets;

public enum WarningLevel
{
    /// <summary>黄牌: the deadline is near (one working day, or half the stage when the stage is shorter).</summary>
    Yellow,

    /// <summary>红牌: the deadline has passed.</summary>
    Red,

    /// <summary>督办: the deadline has been passed by Desk:SuperviseAfterOverdueWorkingDays; the system supervises the ticket.</summary>
    Supervised,
}

public enum DeadlineStage
{
    SignFor,
    FirstContact,
    Resolve,
}

/// <summary>Issue the yellow and red cards that are due now; each card is issued once per stage and deadline.</summary>
public sealed record WarnTicket(Guid TicketId) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now) =>
        Decision.Accept(DueWarnings(ticket, rules, now).ToArray<object>());

    public static IEnumerable<TicketWarned> DueWarnings(Ticket ticket, DeskRules rules, DateTimeOffset now)
    {
        if (ticket.DispatchedAt is not { } start)
        {
            yield break;
        }

        foreach (var (stage, due) in RunningClocks(ticket))
        {
            var level = LevelAt(rules, start, due, now);
            if (level == WarningLevel.Red && SupervisedFrom(rules, due) is { } supervised && now >= supervised)
            {
                level = WarningLevel.Supervised;
            }

            if (level is { } l && !ticket.Warnings.Any(w => w.Stage == stage && w.Due == due && w.Level >= l))
            {
                yield return new TicketWarned(l, stage, due, now);
            }
        }
    }

    /// <summary>When a deadline passed without the stage done brings the automatic 督办; null when that is turned off.</summary>
    public static DateTimeOffset? SupervisedFrom(DeskRules rules, DateTimeOffset due) =>
        rules.Options.SuperviseAfterOverdueWorkingDays is > 0 and var days
            ? rules.Calendar.AddWorkingMinutes(due, days * rules.Calendar.MinutesPerDay)
            : null;

    /// <summary>The running clock deadlines of the ticket that have no card at or above the level yet, earliest first.</summary>
    public static DateTimeOffset? EarliestWithout(Ticket ticket, WarningLevel level) =>
        RunningClocks(ticket)
            .Where(c => !ticket.Warnings.Any(w => w.Stage == c.Stage && w.Due == c.Due && w.Level >= level))
            .Select(c => (DateTimeOffset?)c.Due)
            .Min();

    /// <summary>The card a clock shows now: none while there is time, yellow near the deadline, red once it has passed.</summary>
    public static WarningLevel? LevelAt(DeskRules rules, DateTimeOffset start, DateTimeOffset due, DateTimeOffset now) =>
        now >= due ? WarningLevel.Red : now >= YellowFrom(rules, start, due) ? WarningLevel.Yellow : null;

    /// <summary>The stage clocks still running on the ticket, with their deadlines.</summary>
    public static IEnumerable<(DeadlineStage Stage, DateTimeOffset Due)> RunningClocks(Ticket ticket)
    {
        if (ticket.Status == TicketStatus.Routed && ticket.SignForDue is { } signFor)
        {
            yield return (DeadlineStage.SignFor, signFor);
        }

        if (ticket.FirstContactAt is null && ticket.Status is TicketStatus.Routed or TicketStatus.SignedFor && ticket.FirstContactDue is { } contact)
        {
            yield return (DeadlineStage.FirstContact, contact);
        }

        if (ticket.Status is TicketStatus.Routed or TicketStatus.SignedFor or TicketStatus.Handling or TicketStatus.AwaitingInformation
            && ticket.ResolvePausedAt is null && ticket.ResolveDue is { } resolve)
        {
            yield return (DeadlineStage.Resolve, resolve);
        }
    }

    /// <summary>When a stage from start to due shows its 黄牌: a working day before, or half-way when it is shorter than two.</summary>
    public static DateTimeOffset YellowFrom(DeskRules rules, DateTimeOffset start, DateTimeOffset due)
    {
        var stage = rules.Calendar.WorkingMinutesBetween(start, due);
        var warning = Math.Min(rules.Calendar.MinutesPerDay, stage / 2);
        return rules.Calendar.AddWorkingMinutes(start, stage - warning);
    }
}

public sealed record TicketWarned(WarningLevel Level, DeadlineStage Stage, DateTimeOffset Due, DateTimeOffset At);
