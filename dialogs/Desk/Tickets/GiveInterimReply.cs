namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>阶段性答复: tell the enterprise where things stand when the request cannot be solved at once.</summary>
public sealed record GiveInterimReply(Guid TicketId, Actor By, string Reply) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now) =>
        Guards.FirstOf(
            () => Guards.InStatus(ticket, "阶段答复", TicketStatus.SignedFor, TicketStatus.Handling, TicketStatus.AwaitingInformation),
            () => Guards.OfLeadDepartment(ticket, By, rules, "阶段答复"),
            () => Guards.Text(Reply, "答复内容", 5))?.ToDecision()
        ?? Decision.Accept(new InterimReplyGiven(By, Reply.Trim(), now));
}

public sealed record InterimReplyGiven(Actor By, string Reply, DateTimeOffset At);
