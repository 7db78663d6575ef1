namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>补充材料: staff ask the enterprise for more information; the enterprise answers in the chat.</summary>
public sealed record RequestInformation(Guid TicketId, Actor By, string Request) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now) =>
        Guards.FirstOf(
            () => Guards.InStatus(ticket, "请企业补充材料", TicketStatus.SignedFor, TicketStatus.Handling),
            () => Guards.OfLeadDepartment(ticket, By, rules, "请企业补充材料"),
            () => Guards.Text(Request, "需要企业补充的内容", 5))?.ToDecision()
        ?? (rules.PausesForInformation && ticket.ResolveDue > now
            ? Decision.Accept(new InformationRequested(By, Request.Trim(), now), new ResolveClockPaused(now))
            : Decision.Accept(new InformationRequested(By, Request.Trim(), now)));
}

public sealed record InformationRequested(Actor By, string Request, DateTimeOffset At);

/// <summary>The 办结 clock stops while the enterprise prepares what was asked for (Desk:PauseWhileAwaitingInformation).</summary>
public sealed record ResolveClockPaused(DateTimeOffset At);

/// <summary>The enterprise answered: the 办结 clock runs again with the working time it had left.</summary>
public sealed record ResolveClockResumed(DateTimeOffset PausedAt, int PausedMinutes, DateTimeOffset ResolveDue, DateTimeOffset At);
