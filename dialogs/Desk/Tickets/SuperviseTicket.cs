namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>督办: a leader adds a supervision instruction to a ticket that is not yet archived.</summary>
public sealed record SuperviseTicket(Guid TicketId, Actor By, string Instruction) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now) =>
        Guards.FirstOf(
            () => By.Role is ActorRole.Leader or ActorRole.Dispatcher
                ? null
                : new Rejection(RejectionCode.NotPermitted, "只有领导或调度员可以督办。"),
            () => ticket.Status is TicketStatus.Closed or TicketStatus.Withdrawn
                ? new Rejection(RejectionCode.WrongState, $"诉求 {ticket.Number} 已{ticket.Status.ToChinese()}，无需督办。")
                : null,
            () => Guards.Text(Instruction, "督办意见", 2))?.ToDecision()
        ?? Decision.Accept(new TicketSupervised(By, Instruction.Trim(), now));
}

public sealed record TicketSupervised(Actor By, string Instruction, DateTimeOffset At);
