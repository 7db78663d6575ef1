namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>内部备注: a note for colleagues on the ticket, never shown to the enterprise.</summary>
public sealed record AddInternalNote(Guid TicketId, Actor By, string Text) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now) =>
        Guards.FirstOf(
            () => By.Role is ActorRole.Dispatcher
                || By.IsDepartmentMember && (By.DepartmentId == ticket.LeadDepartmentId || ticket.CoHandlingDepartmentIds.Contains(By.DepartmentId!))
                ? null
                : new Rejection(RejectionCode.NotPermitted, "只有主办、协办部门的工作人员或调度员可以添加内部备注。"),
            () => Guards.Text(Text, "备注内容"))?.ToDecision()
        ?? Decision.Accept(new InternalNoteAdded(By, Text.Trim(), now));
}

public sealed record InternalNoteAdded(Actor By, string Text, DateTimeOffset At);
