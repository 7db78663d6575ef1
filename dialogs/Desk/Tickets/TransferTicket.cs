namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>转办: a dispatcher, or the head of the lead department, moves a ticket in progress to another department.</summary>
public sealed record TransferTicket(Guid TicketId, Actor By, string ToDepartmentId, IReadOnlyList<string>? CoHandlingDepartmentIds, string Reason) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now)
    {
        var coHandling = (CoHandlingDepartmentIds ?? []).Where(d => d != ToDepartmentId).Distinct().ToList();
        var rejection = Guards.FirstOf(
            () => By.Role == ActorRole.Dispatcher || (By.Role == ActorRole.DepartmentHead && By.DepartmentId == ticket.LeadDepartmentId)
                ? null
                : new Rejection(RejectionCode.NotPermitted, "只有调度员或主办部门负责人可以转办。"),
            () => Guards.InStatus(ticket, "转办", TicketStatus.Routed, TicketStatus.SignedFor, TicketStatus.Handling, TicketStatus.AwaitingInformation),
            () => ToDepartmentId == ticket.LeadDepartmentId
                ? new Rejection(RejectionCode.Invalid, $"诉求已由{rules.DepartmentName(ToDepartmentId)}主办，请选择其他部门。")
                : null,
            () => RedispatchTicket.KnownDepartments(rules, coHandling.Prepend(ToDepartmentId)),
            () => Guards.Text(Reason, "转办理由", 2));
        return rejection?.ToDecision() ?? Decision.Accept(new TicketTransferred(
            By, ticket.LeadDepartmentId!, ToDepartmentId, coHandling, Reason.Trim(), rules.DeadlinesFrom(ticket.Category, now), now));
    }
}

public sealed record TicketTransferred(
    Actor By,
    string FromDepartmentId,
    string ToDepartmentId,
    IReadOnlyList<string> CoHandlingDepartmentIds,
    string Reason,
    StageDeadlines Deadlines,
    DateTimeOffset At);
