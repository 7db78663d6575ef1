using System.Text.Json;
using Assistant.Dialogs.Activities;

namespace Assistant.Bot.Channels.Teams;

/// <summary>
/// Invoke activities are answered in the HTTP response itself. A Universal Action (Action.Execute, invoke
/// "adaptiveCard/action") is taken like an Action.Submit: its data becomes the value of a message turn, whose replies
/// go out through the outbox, and Teams gets a short text response at once. Invokes the assistant does not offer
/// (task modules, message extensions, sign-in) are answered 501, as the Bot Framework SDK answers them.
/// </summary>
public static class TeamsInvoke
{
    public const string AdaptiveCardAction = "adaptiveCard/action";

    /// <summary>The message turn an Action.Execute stands for, or null when the invoke carries no action data.</summary>
    public static Activity? AsMessage(Activity invoke)
    {
        if (invoke.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("type", out var type) || !type.ValueEquals("Action.Execute"))
        {
            return null;
        }

        var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        // The verb names the action when the data does not, so {"verb":"rate", "data":{…}} reads like Action.Submit data.
        var merged = new System.Text.Json.Nodes.JsonObject();
        if (verb is { Length: > 0 })
        {
            merged["action"] = verb;
        }

        if (data.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in data.EnumerateObject())
            {
                merged[property.Name] = System.Text.Json.Nodes.JsonNode.Parse(property.Value.GetRawText());
            }
        }

        return invoke with
        {
            Type = ActivityTypes.Message,
            Name = null,
            Text = null,
            Value = JsonSerializer.SerializeToElement(merged),
        };
    }

    /// <summary>The Adaptive Card the turn put in place of the pressed one, if it replaced it.</summary>
    public static JsonElement? ReplacedCard(Activity pressed, IReadOnlyList<Activity> staged) =>
        pressed.ReplyToId is { Length: > 0 } cardId
        && staged.LastOrDefault(a => a.Id == cardId)?.Attachments?.FirstOrDefault(a => a.ContentType == Cards.AdaptiveContentType)?.Content is { } card
            ? card
            : null;

    /// <summary>The invoke response that shows the person who pressed an action its card as it now is.</summary>
    public static IResult Card(JsonElement card) => Results.Json(
        new { statusCode = 200, type = Cards.AdaptiveContentType, value = card },
        statusCode: StatusCodes.Status200OK);

    public static IResult Accepted(string text) => Results.Json(
        new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = text },
        statusCode: StatusCodes.Status200OK);

    public static IResult BadRequest(string message) => Results.Json(
        new { statusCode = 400, type = "application/vnd.microsoft.error", value = new { code = "BadRequest", message } },
        statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotImplemented() => Results.StatusCode(StatusCodes.Status501NotImplemented);
}
