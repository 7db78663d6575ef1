namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>
/// The head of the lead department or a dispatcher approves a pending extension (possibly for fewer days than asked)
/// or rejects it with a reason.
/// </summary>
public sealed record DecideExtension(Guid TicketId, Actor By, bool Approve, int? Days = null, string? Reason = null) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now)
    {
        var pending = ticket.PendingExtension;
        var days = Days ?? pending?.Days ?? 0;
        var rejection = Guards.FirstOf(
            () => By.Role == ActorRole.Dispatcher || (By.Role == ActorRole.DepartmentHead && By.DepartmentId == ticket.LeadDepartmentId)
                ? null
                : new Rejection(RejectionCode.NotPermitted, "只有主办部门负责人或调度员可以审批延期。"),
            () => pending is null || !ticket.Status.IsOpen()
                ? new Rejection(RejectionCode.WrongState, $"诉求 {ticket.Number} 没有待审批的延期申请。")
                : null,
            () => Approve
                ? days < 1 || days > pending!.Days
                    ? new Rejection(RejectionCode.Invalid, $"批准的延期天数应为1至{pending!.Days}个工作日。")
                    : ExtensionLimit.Check(ticket, rules, days)
                : Guards.Text(Reason, "不同意延期的理由", 2));
        if (rejection is not null)
        {
            return rejection.ToDecision();
        }

        return Approve
            ? Decision.Accept(new ExtensionApproved(By, days, rules.Calendar.AddWorkingDays(ticket.ResolveDue!.Value, days), now))
            : Decision.Accept(new ExtensionRejected(By, Reason!.Trim(), now));
    }
}

public sealed record ExtensionApproved(Actor By, int Days, DateTimeOffset ResolveDue, DateTimeOffset At);

public sealed record ExtensionRejected(Actor By, string Reason, DateTimeOffset At);
