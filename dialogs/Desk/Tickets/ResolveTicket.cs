namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>办结: the lead department records the outcome, which is then reported back to the enterprise.</summary>
public sealed record ResolveTicket(Guid TicketId, Actor By, string Outcome) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now) =>
        Guards.FirstOf(
            () => Guards.InStatus(ticket, "办结", TicketStatus.SignedFor, TicketStatus.Handling, TicketStatus.AwaitingInformation),
            () => Guards.OfLeadDepartment(ticket, By, rules, "办结"),
            () => Guards.Text(Outcome, "办理结果", 10))?.ToDecision()
        ?? Decision.Accept(new TicketResolved(By, Outcome.Trim(), now));
}

public sealed record TicketResolved(Actor By, string Outcome, DateTimeOffset At);
