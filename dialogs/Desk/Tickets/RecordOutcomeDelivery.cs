namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>The outcome report reached the enterprise's chat; recorded once per resolution.</summary>
public sealed record RecordOutcomeDelivery(Guid TicketId, string Channel) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now) =>
        Guards.FirstOf(
            () => Guards.InStatus(ticket, "登记结果送达", TicketStatus.Resolved),
            () => ticket.OutcomeDeliveredAt is not null
                ? new Rejection(RejectionCode.WrongState, $"诉求 {ticket.Number} 的办理结果已送达。")
                : null)?.ToDecision()
        ?? Decision.Accept(new OutcomeDelivered(Channel, now));
}

public sealed record OutcomeDelivered(string Channel, DateTimeOffset At);
