namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>阶段性答复: tell the enterprise where things stand when the request cannot be solved at once.</summary>
public sealed record GiveInterimReply(Guid TicketId, Actor By, string Reply)
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now) =>
        Guards.FirstOf(
            () => Guards.InStatus(ticket, "阶段答复", TicketStatus.SignedFor, TicketStatus.Handling, TicketStatus.AwaitingInformation),
            () => Guards.OfLeadDepartment(ticket, By, rules, "阶段答复"),
            () => Guards.Text(Reply, "答复内容", 5))?.ToDecision()
        ?? Decision.Accept(new InterimReplyGiven(By, Reply.Trim(), now));
}

public sealed record InterimReplyGiven(Actor By, string Reply, DateTimeOffset At);

public static class GiveInterimReplyHandler
{
    public static Task<DeskResult> GiveInterimReply(this TicketDesk desk, GiveInterimReply command, CancellationToken cancellation) =>
        desk.Execute(command.TicketId, (ticket, now) => command.Decide(ticket, desk.Rules, now), cancellation);
}
