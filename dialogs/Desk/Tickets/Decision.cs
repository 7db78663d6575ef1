namespace Assistant.Dialogs.Desk.Tickets;

public enum RejectionCode
{
    Invalid,
    WrongState,
    WrongDepartment,
    NotPermitted,
    AlreadySignedFor,
    DeadlinePassed,
    LimitExceeded,
    NotFound,
}

/// <summary>
/// A command on one ticket: what it is about, and its pure decision on the ticket as it stands now. The desk runs
/// every command the same way (<see cref="TicketDesk.Run"/>), whether it comes from an API, a card or a dialog.
/// </summary>
public interface ITicketCommand
{
    Guid TicketId { get; }

    Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now);
}

/// <summary>Why a command was refused, with a message a user can read.</summary>
public sealed record Rejection(RejectionCode Code, string Message);

/// <summary>The outcome of a pure decision: the events to append, or a rejection (and then nothing is written).</summary>
public sealed record Decision(IReadOnlyList<object> Events, Rejection? Rejection)
{
    public bool IsAccepted => Rejection is null;

    public static Decision Accept(params object[] events) => new(events, null);

    public static Decision Reject(RejectionCode code, string message) => new([], new Rejection(code, message));
}
