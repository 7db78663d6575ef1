namespace Assistant.Dialogs.Activities;

/// <summary>
/// Where to reach a user again outside a turn (Bot Framework's ConversationReference): the channel, its service
/// URL, the conversation, the user and the bot. Stored with each ticket so the outcome can be reported back.
/// </summary>
public sealed record ConversationReference(
    string ChannelId,
    string ServiceUrl,
    string ConversationId,
    string UserId,
    string BotId,
    string? UserName = null,
    string? Locale = null,
    string? TenantId = null);
