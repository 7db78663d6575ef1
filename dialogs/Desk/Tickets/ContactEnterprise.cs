namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>联系企业: the first contact with the enterprise (the 响应 the response rate counts), or a later one.</summary>
public sealed record ContactEnterprise(Guid TicketId, Actor By, string Note) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now) =>
        Guards.FirstOf(
            () => Guards.InStatus(ticket, "登记联系情况", TicketStatus.SignedFor, TicketStatus.Handling, TicketStatus.AwaitingInformation),
            () => Guards.OfLeadDepartment(ticket, By, rules, "登记联系情况"),
            () => Guards.Text(Note, "联系情况"))?.ToDecision()
        ?? Decision.Accept(new EnterpriseContacted(By, Note.Trim(), now));
}

public sealed record EnterpriseContacted(Actor By, string Note, DateTimeOffset At);
