namespace Assistant.Dialogs.Desk.Tickets;

public enum TicketStatus
{
    /// <summary>受理, not yet dispatched.</summary>
    Submitted,

    /// <summary>派单, waiting for the department to sign for it.</summary>
    Routed,

    SignedFor,
    Handling,
    AwaitingInformation,

    /// <summary>退单: the department gave it back; the dispatcher must re-dispatch.</summary>
    Returned,

    /// <summary>办结, waiting for the enterprise's rating.</summary>
    Resolved,

    Closed,
    Withdrawn,
}

public static class TicketStatusText
{
    public static string ToChinese(this TicketStatus status) => status switch
    {
        TicketStatus.Submitted => "已受理",
        TicketStatus.Routed => "待签收",
        TicketStatus.SignedFor => "已签收",
        TicketStatus.Handling => "办理中",
        TicketStatus.AwaitingInformation => "待补充材料",
        TicketStatus.Returned => "已退回，待重新派单",
        TicketStatus.Resolved => "已办结，待评价",
        TicketStatus.Closed => "已归档",
        TicketStatus.Withdrawn => "已撤回",
        _ => status.ToString(),
    };

    /// <summary>Statuses in which the ticket is still in someone's hands.</summary>
    public static bool IsOpen(this TicketStatus status) =>
        status is not (TicketStatus.Resolved or TicketStatus.Closed or TicketStatus.Withdrawn);

    public static IReadOnlyList<TicketStatus> Open { get; } =
        Enum.GetValues<TicketStatus>().Where(s => s.IsOpen()).ToArray();

    /// <summary>Statuses in which the lead department holds the ticket and its deadlines run against it.</summary>
    public static TicketStatus[] InDepartmentHands { get; } =
        [TicketStatus.Routed, TicketStatus.SignedFor, TicketStatus.Handling, TicketStatus.AwaitingInformation];
}
