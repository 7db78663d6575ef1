namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>延期申请: asked by the lead department before the resolve deadline, with a reason.</summary>
public sealed record RequestExtension(Guid TicketId, Actor By, int Days, string Reason) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now)
    {
        var rejection = Guards.FirstOf(
            () => Guards.InStatus(ticket, "申请延期", TicketStatus.SignedFor, TicketStatus.Handling, TicketStatus.AwaitingInformation),
            () => Guards.OfLeadDepartment(ticket, By, rules, "申请延期"),
            () => ticket.PendingExtension is { } pending
                ? new Rejection(RejectionCode.WrongState, $"已有一项延期{pending.Days}个工作日的申请正在审批，请等待审批结果。")
                : null,
            () => Days is < 1 or > 30 ? new Rejection(RejectionCode.Invalid, "延期天数应为1至30个工作日。") : null,
            () => Guards.Text(Reason, "延期理由", 5),
            () => now < ticket.ResolveDue
                ? null
                : new Rejection(RejectionCode.DeadlinePassed, $"延期须在办结时限（{rules.Calendar.Describe(ticket.ResolveDue!.Value)}）前申请，现已超期。"),
            () => ExtensionLimit.Check(ticket, rules, Days));
        return rejection?.ToDecision()
            ?? Decision.Accept(new ExtensionRequested(By, Days, Reason.Trim(), rules.Calendar.AddWorkingDays(ticket.ResolveDue!.Value, Days), now));
    }
}

public sealed record ExtensionRequested(Actor By, int Days, string Reason, DateTimeOffset ProposedResolveDue, DateTimeOffset At);

/// <summary>An extended resolve deadline may not pass the category's maximum, counted from dispatch.</summary>
internal static class ExtensionLimit
{
    public static Rejection? Check(Ticket ticket, DeskRules rules, int days)
    {
        var max = rules.LimitsFor(ticket.Category).MaxResolve;
        var latest = rules.Calendar.Add(ticket.DispatchedAt!.Value, max);
        var proposed = rules.Calendar.AddWorkingDays(ticket.ResolveDue!.Value, days);
        return proposed <= latest
            ? null
            : new Rejection(RejectionCode.LimitExceeded,
                $"办结时限最长为派单后{max.ToChinese()}（{rules.Calendar.Describe(latest)}），延期{days}个工作日将超过该上限，请减少延期天数。");
    }
}
