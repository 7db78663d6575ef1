namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>
/// 审核: with Desk:ReviewOutcomes, a department's outcome waits for a dispatcher, who releases it to the enterprise
/// (the ticket is then resolved) or sends it back for revision with a comment.
/// </summary>
public sealed record ReviewOutcome(Guid TicketId, Actor By, bool Approve, string? Comment = null) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now)
    {
        var pending = ticket.PendingOutcome;
        var rejection = Guards.FirstOf(
            () => By.Role == ActorRole.Dispatcher ? null : new Rejection(RejectionCode.NotPermitted, "只有调度员可以审核办理结果。"),
            () => pending is null || !ticket.Status.IsOpen()
                ? new Rejection(RejectionCode.WrongState, $"诉求 {ticket.Number} 没有待审核的办理结果。")
                : null,
            () => Approve ? null : Guards.Text(Comment, "退回修改的意见", 2));
        if (rejection is not null)
        {
            return rejection.ToDecision();
        }

        return Approve
            ? Decision.Accept(new OutcomeApproved(By, now), new TicketResolved(pending!.By, pending.Text, now))
            : Decision.Accept(new OutcomeRejected(By, Comment!.Trim(), now));
    }
}

public sealed record OutcomeProposed(Actor By, string Outcome, DateTimeOffset At);

public sealed record OutcomeApproved(Actor By, DateTimeOffset At);

public sealed record OutcomeRejected(Actor By, string Comment, DateTimeOffset At);
