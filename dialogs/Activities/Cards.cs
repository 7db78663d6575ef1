using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assistant.Dialogs.Activities;

/// <summary>Attachments for cards. Adaptive Cards target schema 1.5, which both Teams and Web Chat 4.18 render.</summary>
public static class Cards
{
    public const string AdaptiveContentType = "application/vnd.microsoft.card.adaptive";
    public const string HeroContentType = "application/vnd.microsoft.card.hero";
    public const string AdaptiveVersion = "1.5";

    public static Attachment Hero(string? title, string? text, IEnumerable<CardAction> buttons) => new()
    {
        ContentType = HeroContentType,
        Content = JsonSerializer.SerializeToElement(new { title, text, buttons = buttons.ToList() }, ActivityJson.Options),
    };

    public static Attachment Adaptive(JsonObject card)
    {
        card["type"] = "AdaptiveCard";
        card["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json";
        card["version"] = AdaptiveVersion;
        return new Attachment { ContentType = AdaptiveContentType, Content = JsonSerializer.SerializeToElement(card, ActivityJson.Options) };
    }

    public static JsonObject TextBlock(string text, string? weight = null, string? size = null, bool wrap = true)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = wrap };
        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (size is not null)
        {
            block["size"] = size;
        }

        return block;
    }

    public static JsonObject FactSet(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray(facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value }).ToArray()),
    };

    /// <summary>An Action.Submit whose data comes back as the activity's value (a postBack in Web Chat, a message in Teams).</summary>
    public static JsonObject Submit(string title, JsonObject data) => new() { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };
}
