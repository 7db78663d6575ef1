using System.ComponentModel.DataAnnotations;

namespace Assistant.Bot.Channels.DirectLine;

/// <summary>Section <c>DirectLine</c>: our own Direct Line 3.0 endpoint for Web Chat.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>Server-to-server secret for tokens/generate; empty disables that endpoint. Put it in the environment.</summary>
    public string Secret { get; set; } = "";

    /// <summary>How long a conversation token lives; Web Chat refreshes every 15 minutes, so keep it well above that.</summary>
    [Range(20, 24 * 60)]
    public int TokenMinutes { get; set; } = 60;

    /// <summary>How long a chain of refreshed tokens may last before the page must ask for a new one.</summary>
    [Range(1, 24 * 30)]
    public int MaxTokenHours { get; set; } = 24;

    /// <summary>WebSockets one conversation may have open on one host; opening another closes the oldest.</summary>
    [Range(1, 20)]
    public int MaxSocketsPerConversation { get; set; } = 3;

    /// <summary>The window a client has to open the WebSocket from a stream URL.</summary>
    [Range(10, 600)]
    public int StreamTokenSeconds { get; set; } = 60;

    [Required]
    public string BotId { get; set; } = "youqiubiying";

    [Required]
    public string BotName { get; set; } = "有求必应";

    /// <summary>Origins of portal pages that embed the chat from elsewhere (CORS); the host's own page needs none.</summary>
    public List<string> AllowedOrigins { get; set; } = [];
}
