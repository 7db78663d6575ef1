namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>The enterprise adds information to its open ticket, asked for or not.</summary>
public sealed record ProvideInformation(Guid TicketId, Actor By, string Information) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now) =>
        Guards.FirstOf(
            () => Guards.Enterprise(ticket, By, "补充诉求材料"),
            () => Guards.InStatus(ticket, "补充材料",
                TicketStatus.Submitted, TicketStatus.Routed, TicketStatus.SignedFor, TicketStatus.Handling,
                TicketStatus.AwaitingInformation, TicketStatus.Returned),
            () => Guards.Text(Information, "补充内容"))?.ToDecision()
        ?? Decision.Accept(new InformationProvided(By, Information.Trim(), now));
}

public sealed record InformationProvided(Actor By, string Information, DateTimeOffset At);
