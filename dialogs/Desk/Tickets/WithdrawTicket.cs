namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>撤回: the enterprise withdraws a request that is still being handled.</summary>
public sealed record WithdrawTicket(Guid TicketId, Actor By, string? Reason) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now) =>
        Guards.FirstOf(
            () => Guards.Enterprise(ticket, By, "撤回诉求"),
            () => Guards.InStatus(ticket, "撤回",
                TicketStatus.Submitted, TicketStatus.Routed, TicketStatus.SignedFor, TicketStatus.Handling,
                TicketStatus.AwaitingInformation, TicketStatus.Returned),
            () => Reason is { Length: > 1000 } ? new Rejection(RejectionCode.Invalid, "撤回原因请控制在1000字以内。") : null)?.ToDecision()
        ?? Decision.Accept(new TicketWithdrawn(By, string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim(), now));
}

public sealed record TicketWithdrawn(Actor By, string? Reason, DateTimeOffset At);
