namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>
/// 答复督办: the lead department reports back on a 督办 (a leader's, a dispatcher's or the automatic one) — what it is
/// doing and by when. The answer goes on the timeline and to whoever supervised; until it comes, the ticket shows a
/// 督办 awaiting its answer.
/// </summary>
public sealed record AnswerSupervision(Guid TicketId, Actor By, string Answer) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now) =>
        Guards.FirstOf(
            () => ticket.SupervisionAwaitingAnswer ? null : new Rejection(RejectionCode.WrongState, $"诉求 {ticket.Number} 没有待答复的督办。"),
            () => Guards.OfLeadDepartment(ticket, By, rules, "答复督办"),
            () => Guards.Text(Answer, "答复内容", 2))?.ToDecision()
        ?? Decision.Accept(new SupervisionAnswered(By, Answer.Trim(), now));
}

public sealed record SupervisionAnswered(Actor By, string Answer, DateTimeOffset At);
