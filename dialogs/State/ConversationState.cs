using Assistant.Dialogs.Engine;

namespace Assistant.Dialogs.State;

/// <summary>
/// What the assistant keeps about one conversation between turns (Bot Builder's ConversationState, typed): the dialog
/// stack and a few facts. Stored as one Marten document with a revision number, so two hosts can never both
/// overwrite the same conversation.
/// </summary>
public sealed class ConversationState
{
    public string Id { get; set; } = "";

    public DialogState Dialogs { get; set; } = new();

    public bool Welcomed { get; set; }

    public string? Locale { get; set; }

    public DateTimeOffset LastActivityAt { get; set; }

    public int Turns { get; set; }

    public static string KeyFor(string channelId, string conversationId) => $"{channelId}/conversations/{conversationId}";
}
