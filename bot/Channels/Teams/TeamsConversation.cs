using Assistant.Dialogs.Activities;

namespace Assistant.Bot.Channels.Teams;

/// <summary>
/// The latest reference of a Teams conversation, refreshed by every inbound activity so a proactive message later
/// uses the service URL Teams last gave us. Keyed by conversation id.
/// </summary>
public sealed class TeamsConversation
{
    public string Id { get; set; } = "";

    public string ChannelId { get; set; } = "";

    public string ServiceUrl { get; set; } = "";

    public string? TenantId { get; set; }

    public string? ConversationType { get; set; }

    public string UserId { get; set; } = "";

    public string? UserName { get; set; }

    /// <summary>The user's Entra object id: the identity to map to directory users, unlike the per-bot Teams user id.</summary>
    public string? UserAadObjectId { get; set; }

    public string BotId { get; set; } = "";

    public string? BotName { get; set; }

    public string? Locale { get; set; }

    public DateTimeOffset LastActivityAt { get; set; }

    public static TeamsConversation From(Activity inbound, DateTimeOffset now) => new()
    {
        Id = inbound.Conversation?.Id ?? "",
        ChannelId = inbound.ChannelId ?? "",
        ServiceUrl = inbound.ServiceUrl ?? "",
        TenantId = inbound.Conversation?.TenantId ?? TenantFromChannelData(inbound),
        ConversationType = inbound.Conversation?.ConversationType,
        UserId = inbound.From?.Id ?? "",
        UserName = inbound.From?.Name,
        UserAadObjectId = inbound.From?.AadObjectId,
        BotId = inbound.Recipient?.Id ?? "",
        BotName = inbound.Recipient?.Name,
        Locale = inbound.Locale,
        LastActivityAt = now,
    };

    public ConversationReference ToReference() => new(ChannelId, ServiceUrl, Id, UserId, BotId, UserName, Locale, TenantId);

    private static string? TenantFromChannelData(Activity inbound) =>
        inbound.ChannelData is { ValueKind: System.Text.Json.JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == System.Text.Json.JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id) ? id.GetString() : null;
}
