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

/// <summary>Why a command was refused, with a message a user can read.</summary>
public sealed record Rejection(RejectionCode Code, string Message);

/// <summary>The outcome of a pure decision: the events to append, or a rejection (and then nothing is written).</summary>
public sealed record Decision(IReadOnlyList<object> Events, Rejection? Rejection)
{
    public bool IsAccepted => Rejection is null;

    public static Decision Accept(params object[] events) => new(events, null);

    public static Decision Reject(RejectionCode code, string message) => new([], new Rejection(code, message));
}
