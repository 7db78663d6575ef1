namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>
/// 分派: the head of the lead department gives the ticket to one of its staff, or to another of them later. A ticket
/// not yet signed for is signed for on that person's behalf.
/// </summary>
public sealed record AssignTicket(Guid TicketId, Actor By, Actor Assignee) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now) =>
        Guards.FirstOf(
            () => By.Role == ActorRole.DepartmentHead && By.DepartmentId == ticket.LeadDepartmentId
                ? null
                : new Rejection(RejectionCode.NotPermitted, "只有主办部门负责人可以分派诉求。"),
            () => Guards.InStatus(ticket, "分派", TicketStatus.Routed, TicketStatus.SignedFor, TicketStatus.Handling, TicketStatus.AwaitingInformation),
            () => Assignee.IsDepartmentMember && Assignee.DepartmentId == ticket.LeadDepartmentId
                ? null
                : new Rejection(RejectionCode.Invalid, $"{Assignee.Name}不是{rules.DepartmentName(ticket.LeadDepartmentId)}的工作人员。"),
            () => Assignee.Id == ticket.AssigneeId ? new Rejection(RejectionCode.Invalid, $"诉求已由{Assignee.Name}承办。") : null)?.ToDecision()
        ?? Decision.Accept(new TicketAssigned(By, Assignee, now));
}

public sealed record TicketAssigned(Actor By, Actor Assignee, DateTimeOffset At);
