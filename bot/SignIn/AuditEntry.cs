namespace Assistant.Bot.SignIn;

/// <summary>One administrative change: who made it, when, to what, and what it was; written in the change's own commit.</summary>
public sealed record AuditEntry(Guid Id, DateTimeOffset At, string ActorId, string ActorName, string Action, string Target, string Details);
