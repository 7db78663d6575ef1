using Assistant.Dialogs.Desk.Tickets;

namespace Assistant.Bot.Desk;

/// <summary>One line of a queue.</summary>
public sealed record TicketRow(
    Guid Id,
    string Number,
    string Status,
    string StatusName,
    string Category,
    string CategoryName,
    string Summary,
    string EnterpriseName,
    string? LeadDepartmentId,
    string LeadDepartmentName,
    string? AssigneeName,
    DateTimeOffset SubmittedAt,
    DeadlineView? NextDeadline,
    bool Supervised);

/// <summary>A page of a queue, with the total count.</summary>
public sealed record TicketPage(IReadOnlyList<TicketRow> Items, long Total, int Page, int PageSize);

/// <summary>A queue's name and how many tickets are in it for the signed-in person.</summary>
public sealed record QueueCount(string Id, string Name, long Count);

/// <summary>A stage clock: its deadline, the working time left (negative when late) and the card it shows.</summary>
/// <param name="Card">"green", "yellow" (黄牌: close to the deadline) or "red" (红牌: late).</param>
public sealed record DeadlineView(string Stage, string StageName, DateTimeOffset Due, string DueText, int WorkingMinutesLeft, string LeftText, string Card);

public sealed record EnterpriseView(string Name, string? CreditCode, string ContactName, string ContactPhone, IReadOnlyList<TicketRow> EarlierTickets);

public sealed record DetailView(string Key, string Label, string Value);

public sealed record TimelineEntry(DateTimeOffset At, string AtText, string Who, string What, bool Internal, IReadOnlyList<FileLink>? Files = null);

/// <summary>A file the enterprise sent: its name and where staff open it.</summary>
public sealed record FileLink(string Name, string ContentType, string Url);

/// <summary>A clerk's 退单 waiting for the head, or an outcome waiting for the dispatcher.</summary>
public sealed record PendingView(string By, string Text, DateTimeOffset At, string AtText);

public sealed record ExtensionView(string RequestedBy, int Days, string Reason, DateTimeOffset ProposedResolveDue, string ProposedText);

/// <summary>Everything the ticket page shows, and the actions the signed-in person may take now.</summary>
public sealed record TicketDetail(
    TicketRow Ticket,
    long Version,
    string Text,
    IReadOnlyList<DetailView> Details,
    EnterpriseView Enterprise,
    string Channel,
    IReadOnlyList<string> CoHandlingDepartmentNames,
    IReadOnlyList<DeadlineView> Deadlines,
    ExtensionView? PendingExtension,
    PendingView? PendingReturn,
    PendingView? PendingOutcome,
    string? OpenInformationRequest,
    string? Outcome,
    string? Rating,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<string> Actions);

public static class DeskViewText
{
    public static string StageName(DeadlineStage stage) => stage switch
    {
        DeadlineStage.SignFor => "签收",
        DeadlineStage.FirstContact => "首次联系",
        _ => "办结",
    };
}
