namespace Assistant.Dialogs.State;

/// <summary>What the assistant remembers about one chat user across conversations (Bot Builder's UserState, typed).</summary>
public sealed class UserProfile
{
    public string Id { get; set; } = "";

    public string? ContactName { get; set; }

    public string? Phone { get; set; }

    public string? Company { get; set; }

    public string? CreditCode { get; set; }

    public string? Locale { get; set; }

    public static string KeyFor(string channelId, string userId) => $"{channelId}/users/{userId}";
}
