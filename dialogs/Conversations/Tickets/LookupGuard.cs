using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Dialogs.Conversations.Tickets;

/// <summary>Section <c>RateLimits:Lookups</c>: how many failed 查询 a conversation, and a ticket number, may have in a window.</summary>
public sealed class LookupGuardOptions
{
    public const string Section = "RateLimits:Lookups";

    [Range(1, 1000, ErrorMessage = "RateLimits:Lookups:FailuresPerConversation 须在 1 到 1000 之间。")]
    public int FailuresPerConversation { get; set; } = 5;

    [Range(1, 1000, ErrorMessage = "RateLimits:Lookups:FailuresPerTicket 须在 1 到 1000 之间。")]
    public int FailuresPerTicket { get; set; } = 5;

    [Range(1, 24 * 60, ErrorMessage = "RateLimits:Lookups:WindowMinutes 须在 1 到 1440 之间。")]
    public int WindowMinutes { get; set; } = 15;
}

/// <summary>One failed lookup: a ticket number with a wrong or missing 查询码. Kept for the window, then removed.</summary>
public sealed class LookupFailure
{
    public Guid Id { get; set; }

    /// <summary>"conversation:{key}" or "ticket:{number}": each failure is written once under each.</summary>
    public string Key { get; set; } = "";

    public DateTimeOffset At { get; set; }
}

/// <summary>
/// Guessing a 查询码 is slowed to a crawl: after FailuresPerConversation failed lookups in a conversation, or
/// FailuresPerTicket against one ticket number from anywhere, lookups wait until the window has passed. Failures
/// are written in the turn's own session (insert-only, so two hosts never collide) and logged.
/// </summary>
public sealed class LookupGuard(LookupGuardOptions options, TimeProvider clock, ILogger<LookupGuard>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<LookupGuard>.Instance;

    public int WindowMinutes => options.WindowMinutes;

    public async Task<bool> IsLocked(IQuerySession session, string conversation, string number, CancellationToken cancellation)
    {
        var since = clock.GetUtcNow().AddMinutes(-options.WindowMinutes);
        var byConversation = await session.Query<LookupFailure>().CountAsync(f => f.Key == ConversationKey(conversation) && f.At > since, cancellation);
        if (byConversation >= options.FailuresPerConversation)
        {
            return true;
        }

        return await session.Query<LookupFailure>().CountAsync(f => f.Key == TicketKey(number) && f.At > since, cancellation) >= options.FailuresPerTicket;
    }

    public void Failed(IDocumentSession session, string conversation, string number)
    {
        var now = clock.GetUtcNow();
        session.Insert(
            new LookupFailure { Id = Guid.NewGuid(), Key = ConversationKey(conversation), At = now },
            new LookupFailure { Id = Guid.NewGuid(), Key = TicketKey(number), At = now });
        _logger.LogInformation("Ticket lookup failed: {Number} from conversation {Conversation}.", number, conversation);
    }

    public void Refused(string conversation, string number) =>
        _logger.LogWarning("Ticket lookups of {Number} from conversation {Conversation} are refused for now: too many failed attempts.", number, conversation);

    private static string ConversationKey(string conversation) => "conversation:" + conversation;

    private static string TicketKey(string number) => "ticket:" + number.Trim().ToUpperInvariant();
}
