using System.ComponentModel.DataAnnotations;

namespace Assistant.Bot.Edge;

/// <summary>How many requests of one kind one client address, and one conversation, may make in a window.</summary>
public sealed class RateLimit
{
    public int PerAddress { get; set; }

    /// <summary>0: no limit per conversation (the kind has no conversation, or the address limit is enough).</summary>
    public int PerConversation { get; set; }

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// Section <c>RateLimits</c>. Limits count per host (several hosts each allow as much). Addresses are the client's
/// as the known proxies report it; IPv6 clients count per /64 network, since one client holds a whole one.
/// </summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>POST /api/webchat/session: a page opening the chat.</summary>
    public RateLimit Sessions { get; set; } = new() { PerAddress = 30 };

    /// <summary>Direct Line tokens/generate, tokens/refresh and starting a conversation.</summary>
    public RateLimit Tokens { get; set; } = new() { PerAddress = 60, PerConversation = 20 };

    /// <summary>Posting an activity: what a person types or clicks.</summary>
    public RateLimit Messages { get; set; } = new() { PerAddress = 300, PerConversation = 30 };

    public RateLimit Uploads { get; set; } = new() { PerAddress = 30, PerConversation = 10, WindowSeconds = 600 };

    /// <summary>Reading: history (a polling client asks every second), reconnecting, the WebSocket, file downloads.</summary>
    public RateLimit Reads { get; set; } = new() { PerAddress = 1200, PerConversation = 150 };

    /// <summary>Console sign-in attempts and password changes (each account also locks after repeated failures).</summary>
    public RateLimit SignIn { get; set; } = new() { PerAddress = 20 };

    /// <summary>
    /// POST /api/messages from the Bot Connector: every Teams user of a region arrives from the same few Microsoft
    /// addresses, so the ceiling is what a busy assistant needs (1,000 activities a second per address), not a person's.
    /// </summary>
    public RateLimit Channel { get; set; } = new() { PerAddress = 60_000 };

    /// <summary>Every request of one address together, whatever it is (health checks included; the channel's activities apart).</summary>
    public RateLimit Everything { get; set; } = new() { PerAddress = 3000 };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, limit) in new[] { ("Sessions", Sessions), ("Tokens", Tokens), ("Messages", Messages), ("Uploads", Uploads), ("Reads", Reads), ("SignIn", SignIn), ("Channel", Channel), ("Everything", Everything) })
        {
            if (limit.PerAddress is < 1 or > 1_000_000 || limit.PerConversation is < 0 or > 1_000_000 || limit.WindowSeconds is < 1 or > 86_400)
            {
                yield return new ValidationResult($"RateLimits:{name} 须满足 PerAddress 在 1 到 1000000 之间、PerConversation 在 0 到 1000000 之间、WindowSeconds 在 1 到 86400 之间。");
            }
        }
    }
}
