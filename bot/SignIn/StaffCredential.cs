namespace Assistant.Bot.SignIn;

/// <summary>A staff member's local password, kept apart from the staff document that APIs show.</summary>
public sealed class StaffCredential
{
    /// <summary>The staff member's id.</summary>
    public string Id { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    /// <summary>Set for a password someone else chose (an initial or reset one): it must be changed at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    public int FailedAttempts { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
