namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>签收: a staff member of the lead department takes the ticket.</summary>
public sealed record SignForTicket(Guid TicketId, Actor By) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now)
    {
        if (ticket.AssigneeId is { } assignee && ticket.SignedForAt is { } signedAt && ticket.Status.IsOpen())
        {
            var who = assignee == By.Id ? "您" : ticket.AssigneeName;
            return Decision.Reject(RejectionCode.AlreadySignedFor,
                $"诉求 {ticket.Number} 已由{who}于{rules.Calendar.Describe(signedAt)}签收，无需重复签收。");
        }

        var rejection = Guards.FirstOf(
            () => Guards.InStatus(ticket, "签收", TicketStatus.Routed),
            () => Guards.OfLeadDepartment(ticket, By, rules, "签收"));
        return rejection?.ToDecision() ?? Decision.Accept(new TicketSignedFor(By, now));
    }
}

public sealed record TicketSignedFor(Actor By, DateTimeOffset At);
