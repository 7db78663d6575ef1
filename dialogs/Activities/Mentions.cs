using System.Text.Json;

namespace Assistant.Dialogs.Activities;

/// <summary>Teams puts "&lt;at&gt;Bot&lt;/at&gt;" into the text of messages that mention the bot; commands must not see it.</summary>
public static class Mentions
{
    public static Activity WithoutRecipientMentions(this Activity activity)
    {
        if (activity.Text is not { } text || activity.Entities is not { Count: > 0 } entities || activity.Recipient is null)
        {
            return activity;
        }

        foreach (var entity in entities)
        {
            if (entity.ValueKind == JsonValueKind.Object
                && entity.TryGetProperty("type", out var type) && type.ValueEquals("mention")
                && entity.TryGetProperty("mentioned", out var mentioned) && mentioned.ValueKind == JsonValueKind.Object
                && mentioned.TryGetProperty("id", out var id) && id.ValueEquals(activity.Recipient.Id)
                && entity.TryGetProperty("text", out var mentionText) && mentionText.GetString() is { Length: > 0 } m)
            {
                text = text.Replace(m, "", StringComparison.Ordinal);
            }
        }

        return activity with { Text = text.Trim() };
    }
}
