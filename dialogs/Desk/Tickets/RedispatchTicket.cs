namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>
/// 重新派单: a dispatcher sends a ticket that is untriaged, returned, or not yet signed for to a department. Sending
/// a returned ticket back to the department that returned it is the dispatcher's ruling (审定) that the return was wrong.
/// </summary>
public sealed record RedispatchTicket(Guid TicketId, Actor By, string LeadDepartmentId, IReadOnlyList<string>? CoHandlingDepartmentIds, string? Note) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now)
    {
        var coHandling = (CoHandlingDepartmentIds ?? []).Where(d => d != LeadDepartmentId).Distinct().ToList();
        var rejection = Guards.FirstOf(
            () => By.Role == ActorRole.Dispatcher ? null : new Rejection(RejectionCode.NotPermitted, "只有调度员可以重新派单。"),
            () => Guards.InStatus(ticket, "重新派单", TicketStatus.Submitted, TicketStatus.Routed, TicketStatus.Returned),
            () => KnownDepartments(rules, coHandling.Prepend(LeadDepartmentId)),
            () => Note is { Length: > Guards.MaxTextLength } ? new Rejection(RejectionCode.Invalid, "派单说明过长，请精简。") : null);
        return rejection?.ToDecision() ?? Decision.Accept(new TicketRedispatched(
            By, LeadDepartmentId, coHandling, Note?.Trim(), rules.DeadlinesFrom(ticket.Category, now), now));
    }

    internal static Rejection? KnownDepartments(DeskRules rules, IEnumerable<string> ids) =>
        ids.FirstOrDefault(id => rules.FindDepartment(id) is not { Active: true }) is { } unknown
            ? new Rejection(RejectionCode.Invalid, $"部门“{unknown}”不存在或已停用。")
            : null;
}

public sealed record TicketRedispatched(
    Actor By,
    string LeadDepartmentId,
    IReadOnlyList<string> CoHandlingDepartmentIds,
    string? Note,
    StageDeadlines Deadlines,
    DateTimeOffset At);
