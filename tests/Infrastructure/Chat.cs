using System.Text.Json;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Turns;

namespace Assistant.Tests.Infrastructure;

/// <summary>One user in one conversation with the bot, for transcript tests: say something, read what came back.</summary>
public sealed class Chat(TurnRunner runner, string channelId = "test", string locale = "zh-CN", string? conversationId = null, string userId = "u-1001")
{
    private int _messages;

    public TranscriptTransport Transport { get; } = new();

    public string ConversationId { get; } = conversationId ?? "conv-" + Guid.NewGuid().ToString("N")[..8];

    public string UserId => userId;

    public string ChannelId => channelId;

    public Task<IReadOnlyList<Activity>> Joins() => Run(Base() with
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [new ChannelAccount { Id = "bot", Role = "bot" }, new ChannelAccount { Id = userId, Role = "user" }],
    });

    public Task<IReadOnlyList<Activity>> Says(string text) => Run(Base() with { Text = text });

    /// <summary>A card button that sends data instead of text (Action.Submit).</summary>
    public Task<IReadOnlyList<Activity>> Submits(object value) => Run(Base() with { Value = JsonSerializer.SerializeToElement(value) });

    public Task<IReadOnlyList<Activity>> Sends(Activity activity) => Run(activity with
    {
        Id = activity.Id ?? $"{ConversationId}|u{Interlocked.Increment(ref _messages)}",
        ChannelId = channelId,
        Conversation = new ConversationAccount { Id = ConversationId },
        From = activity.From ?? new ChannelAccount { Id = userId, Name = "刘洋", Role = "user" },
        Recipient = new ChannelAccount { Id = "bot", Role = "bot" },
    });

    private Task<IReadOnlyList<Activity>> Run(Activity activity) => runner.Run(activity, Transport, TestContext.Current.CancellationToken);

    private Activity Base() => new()
    {
        Type = ActivityTypes.Message,
        Id = $"{ConversationId}|u{Interlocked.Increment(ref _messages)}",
        ChannelId = channelId,
        ServiceUrl = "http://localhost:5080/",
        Conversation = new ConversationAccount { Id = ConversationId },
        From = new ChannelAccount { Id = userId, Name = "刘洋", Role = "user" },
        Recipient = new ChannelAccount { Id = "bot", Name = "有求必应", Role = "bot" },
        Locale = locale,
        Timestamp = DateTimeOffset.UtcNow,
    };
}

public static class Replies
{
    /// <summary>All reply texts of a turn, one string, for "contains" checks.</summary>
    public static string Text(this IReadOnlyList<Activity> replies) => string.Join("\n", replies.Select(r => r.Text).Where(t => t is not null));

    public static IReadOnlyList<string> Buttons(this IReadOnlyList<Activity> replies) =>
        replies.SelectMany(r => r.SuggestedActions?.Actions ?? []).Select(a => a.Title ?? "").ToList();
}
