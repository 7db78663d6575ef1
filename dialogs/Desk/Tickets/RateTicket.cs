namespace Assistant.Dialogs.Desk.Tickets;

public enum Satisfaction
{
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
}

public static class SatisfactionText
{
    public static string ToChinese(this Satisfaction rating) => rating switch
    {
        Satisfaction.Satisfied => "满意",
        Satisfaction.BasicallySatisfied => "基本满意",
        _ => "不满意",
    };
}

/// <summary>
/// 评价: the enterprise rates a resolved ticket. 满意 and 基本满意 archive it; 不满意 sends it back to the lead
/// department for re-handling (重办) until the configured number of re-handlings is used up.
/// </summary>
public sealed record RateTicket(Guid TicketId, Actor By, Satisfaction Rating, string? Comment) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now)
    {
        var rejection = Guards.FirstOf(
            () => Guards.Enterprise(ticket, By, "评价"),
            () => Guards.InStatus(ticket, "评价", TicketStatus.Resolved),
            () => Comment is { Length: > 1000 } ? new Rejection(RejectionCode.Invalid, "评价意见请控制在1000字以内。") : null);
        if (rejection is not null)
        {
            return rejection.ToDecision();
        }

        var comment = string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim();
        var rated = new TicketRated(By, Rating, comment, now);
        if (Rating != Satisfaction.Dissatisfied)
        {
            return Decision.Accept(rated, new TicketClosed(Actor.System, $"企业评价“{Rating.ToChinese()}”，归档", now));
        }

        if (ticket.ReopenCount < rules.Options.MaxReopens)
        {
            var due = rules.Calendar.Add(now, rules.LimitsFor(ticket.Category).Resolve);
            return Decision.Accept(rated, new TicketReopened(Actor.System, comment is null ? "企业评价“不满意”" : $"企业评价“不满意”：{comment}", due, now));
        }

        return Decision.Accept(rated, new TicketClosed(Actor.System, $"企业评价“不满意”，已重办{ticket.ReopenCount}次，归档并转调度员跟进", now));
    }
}

public sealed record TicketRated(Actor By, Satisfaction Rating, string? Comment, DateTimeOffset At);
