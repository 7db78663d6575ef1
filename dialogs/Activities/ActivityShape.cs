using System.Text.Json;

namespace Assistant.Dialogs.Activities;

/// <summary>
/// What a channel must refuse before an activity reaches the bot: holes the schema allows but no client sends
/// (null list items, entities without a string type), which would otherwise fail deep inside a turn.
/// </summary>
public static class ActivityShape
{
    /// <summary>The longest text a channel stores and hands to the bot; longer text is cut here and the bot asks for less.</summary>
    public const int MaxTextLength = 5000;

    public static string? Problem(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity needs a type.";
        }

        if (activity.MembersAdded?.Any(m => m is null) == true || activity.MembersRemoved?.Any(m => m is null) == true)
        {
            return "Members must not be null.";
        }

        if (activity.Attachments?.Any(a => a is null) == true)
        {
            return "Attachments must not be null.";
        }

        if (activity.Entities?.Any(e => e.ValueKind != JsonValueKind.Object || e.TryGetProperty("type", out var type) && type.ValueKind != JsonValueKind.String) == true)
        {
            return "Each entity must be an object whose type is a string.";
        }

        return activity.SuggestedActions?.Actions.Any(a => a is null) == true ? "Suggested actions must not be null." : null;
    }

    /// <summary>The activity with its text cut to <see cref="MaxTextLength"/>, never inside a surrogate pair.</summary>
    public static Activity WithStorableText(Activity activity)
    {
        if (activity.Text is not { Length: > MaxTextLength } text)
        {
            return activity;
        }

        var cut = char.IsHighSurrogate(text[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength;
        return activity with { Text = text[..cut] };
    }
}
