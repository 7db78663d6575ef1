namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>归档 a resolved ticket that was not rated in time (by the system) or on a dispatcher's decision.</summary>
public sealed record CloseTicket(Guid TicketId, Actor By, string Reason) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now) =>
        Guards.FirstOf(
            () => By.Role is ActorRole.System or ActorRole.Dispatcher
                ? null
                : new Rejection(RejectionCode.NotPermitted, "只有调度员可以归档诉求。"),
            () => Guards.InStatus(ticket, "归档", TicketStatus.Resolved),
            () => Guards.Text(Reason, "归档说明", 2))?.ToDecision()
        ?? Decision.Accept(new TicketClosed(By, Reason.Trim(), now));
}

public sealed record TicketClosed(Actor By, string Reason, DateTimeOffset At);
