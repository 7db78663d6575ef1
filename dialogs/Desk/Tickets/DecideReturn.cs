namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>
/// 退单审核: with Desk:HeadsApproveReturns, a clerk's 退单 waits for the head of the department, who sends it on to
/// the dispatcher or keeps the ticket in the department with a reason.
/// </summary>
public sealed record DecideReturn(Guid TicketId, Actor By, bool Approve, string? Reason = null) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now)
    {
        var pending = ticket.PendingReturn;
        var rejection = Guards.FirstOf(
            () => By.Role == ActorRole.DepartmentHead && By.DepartmentId == ticket.LeadDepartmentId
                ? null
                : new Rejection(RejectionCode.NotPermitted, "只有主办部门负责人可以审核退单。"),
            () => pending is null || !ticket.Status.IsOpen()
                ? new Rejection(RejectionCode.WrongState, $"诉求 {ticket.Number} 没有待审核的退单申请。")
                : null,
            () => Approve ? null : Guards.Text(Reason, "不同意退单的理由", 2));
        if (rejection is not null)
        {
            return rejection.ToDecision();
        }

        return Approve
            ? Decision.Accept(new ReturnApproved(By, now), new TicketReturned(pending!.By, ticket.LeadDepartmentId!, pending.Text, now))
            : Decision.Accept(new ReturnRejected(By, Reason!.Trim(), now));
    }
}

public sealed record ReturnRequested(Actor By, string Reason, DateTimeOffset At);

public sealed record ReturnApproved(Actor By, DateTimeOffset At);

public sealed record ReturnRejected(Actor By, string Reason, DateTimeOffset At);
