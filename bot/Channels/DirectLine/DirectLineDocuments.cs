namespace Assistant.Bot.Channels.DirectLine;

/// <summary>A Direct Line conversation: who it belongs to and the last sequence number in its transcript.</summary>
public sealed class DirectLineConversation
{
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    public string? UserName { get; set; }

    public string? Locale { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool Started { get; set; }

    public long LastSeq { get; set; }

    public DateTimeOffset LastTimestamp { get; set; }
}

/// <summary>
/// One activity of a conversation's transcript, as delivered to the client: id "{conversationId}|0000007", watermark 7.
/// The echo of a user's message is kept with the client's clientActivityID, so a retried post is recognised.
/// </summary>
public sealed class TranscriptActivity
{
    public string Id { get; set; } = "";

    public string ConversationId { get; set; } = "";

    public long Seq { get; set; }

    public string? ClientActivityId { get; set; }

    public string Json { get; set; } = "";

    public DateTimeOffset Timestamp { get; set; }

    /// <summary>The activity links to uploaded files, which are signed for each client it is delivered to.</summary>
    public bool HasFiles { get; set; }
}

/// <summary>A stream token that has opened a WebSocket: each opens one, once.</summary>
public sealed class SpentStreamToken
{
    public string Id { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>The key that signs Direct Line tokens, made once and shared by every host through the database.</summary>
public sealed class DirectLineSigningKey
{
    public string Id { get; set; } = "directline";

    public string Key { get; set; } = "";
}
