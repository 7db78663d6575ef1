using Assistant.Dialogs.Desk.Departments;

namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>退单: the lead department gives back a ticket that is not its business, with a reason, within the limit.</summary>
public sealed record ReturnTicket(Guid TicketId, Actor By, string Reason) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now)
    {
        var rejection = Guards.FirstOf(
            () => Guards.InStatus(ticket, "退单", TicketStatus.Routed, TicketStatus.SignedFor, TicketStatus.Handling, TicketStatus.AwaitingInformation),
            () => Guards.OfLeadDepartment(ticket, By, rules, "退单"),
            () => rules.FindDepartment(ticket.LeadDepartmentId!)?.Kind == DepartmentKind.ServiceCenter
                ? new Rejection(RejectionCode.NotPermitted, "服务中心不能退单，请直接重新派单。")
                : null,
            () => ticket.PendingReturn is not null ? new Rejection(RejectionCode.WrongState, $"诉求 {ticket.Number} 已有退单申请在等待部门负责人审核。") : null,
            () => Guards.Text(Reason, "退单理由（说明不属于本部门职责的依据）", 5),
            () => WithinLimit(ticket, rules, now));
        if (rejection is not null)
        {
            return rejection.ToDecision();
        }

        // A clerk's return goes to the head first when the region wants it so; a head's goes straight to the dispatcher.
        return rules.Options.HeadsApproveReturns && By.Role == ActorRole.Staff
            ? Decision.Accept(new ReturnRequested(By, Reason.Trim(), now))
            : Decision.Accept(new TicketReturned(By, ticket.LeadDepartmentId!, Reason.Trim(), now));
    }

    private static Rejection? WithinLimit(Ticket ticket, DeskRules rules, DateTimeOffset now)
    {
        var limit = rules.LimitsFor(ticket.Category).ReturnWithin;
        var latest = rules.Calendar.Add(ticket.DispatchedAt!.Value, limit);
        return now <= latest
            ? null
            : new Rejection(RejectionCode.DeadlinePassed,
                $"退单须在派单后{limit.ToChinese()}内提出（截止{rules.Calendar.Describe(latest)}），现已超过时限。如确属其他部门职责，请联系调度员转办。");
    }
}

public sealed record TicketReturned(Actor By, string DepartmentId, string Reason, DateTimeOffset At);
