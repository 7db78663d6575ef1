namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>重办 ordered by a dispatcher or leader, e.g. when a callback finds the problem was not really solved.</summary>
public sealed record ReopenTicket(Guid TicketId, Actor By, string Reason) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now) =>
        Guards.FirstOf(
            () => By.Role is ActorRole.Dispatcher or ActorRole.Leader
                ? null
                : new Rejection(RejectionCode.NotPermitted, "只有调度员或领导可以要求重办。"),
            () => Guards.InStatus(ticket, "重办", TicketStatus.Resolved, TicketStatus.Closed),
            () => ticket.LeadDepartmentId is null ? new Rejection(RejectionCode.WrongState, "该诉求尚未派单，不能重办。") : null,
            () => Guards.Text(Reason, "重办理由", 2))?.ToDecision()
        ?? Decision.Accept(new TicketReopened(By, Reason.Trim(), rules.Calendar.Add(now, rules.LimitsFor(ticket.Category).Resolve), now));
}

public sealed record TicketReopened(Actor By, string Reason, DateTimeOffset ResolveDue, DateTimeOffset At);
