namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>
/// 办结: the lead department records the outcome, which is then reported back to the enterprise; with
/// Desk:ReviewOutcomes it first waits for a dispatcher's review (<see cref="ReviewOutcome"/>).
/// </summary>
public sealed record ResolveTicket(Guid TicketId, Actor By, string Outcome) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now) =>
        Guards.FirstOf(
            () => Guards.InStatus(ticket, "办结", TicketStatus.SignedFor, TicketStatus.Handling, TicketStatus.AwaitingInformation),
            () => Guards.OfLeadDepartment(ticket, By, rules, "办结"),
            () => ticket.PendingOutcome is not null ? new Rejection(RejectionCode.WrongState, $"诉求 {ticket.Number} 的办理结果正在审核中，请等待审核意见。") : null,
            () => Guards.Text(Outcome, "办理结果", 10))?.ToDecision()
        ?? (rules.Options.ReviewOutcomes
            ? Decision.Accept(new OutcomeProposed(By, Outcome.Trim(), now))
            : Decision.Accept(new TicketResolved(By, Outcome.Trim(), now)));
}

public sealed record TicketResolved(Actor By, string Outcome, DateTimeOffset At);
