namespace Assistant.Dialogs.Desk.Enterprises;

public sealed record EnterpriseContact(string Name, string Phone, string? ChatUserId = null);

/// <summary>An enterprise that raises requests; its credit code, when known, is unique.</summary>
public sealed record Enterprise(Guid Id, string Name, string? CreditCode, IReadOnlyList<EnterpriseContact> Contacts, DateTimeOffset RegisteredAt);
