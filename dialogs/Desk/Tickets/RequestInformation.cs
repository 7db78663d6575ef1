namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>补充材料: staff ask the enterprise for more information; the enterprise answers in the chat.</summary>
public sealed record RequestInformation(Guid TicketId, Actor By, string Request) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now) =>
        Guards.FirstOf(
            () => Guards.InStatus(ticket, "请企业补充材料", TicketStatus.SignedFor, TicketStatus.Handling),
            () => Guards.OfLeadDepartment(ticket, By, rules, "请企业补充材料"),
            () => Guards.Text(Request, "需要企业补充的内容", 5))?.ToDecision()
        ?? Decision.Accept(new InformationRequested(By, Request.Trim(), now));
}

public sealed record InformationRequested(Actor By, string Request, DateTimeOffset At);
