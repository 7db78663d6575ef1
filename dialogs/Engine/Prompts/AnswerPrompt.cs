using System.Text.Json;
using Assistant.Dialogs.Turns;

namespace Assistant.Dialogs.Engine;

/// <summary>What the user answered: typed text, or the action of a card button (Action.Submit data {"action": …}).</summary>
public sealed record UserAnswer(string? Text, string? Action, JsonElement? Value);

/// <summary>Accepts either a typed answer or a card button, for questions that offer both.</summary>
public sealed class AnswerPrompt(string id) : Prompt<UserAnswer>(id)
{
    protected override Task<PromptRecognizerResult<UserAnswer>> OnRecognize(TurnContext turn, PromptOptions options, CancellationToken cancellation)
    {
        var activity = turn.Activity;
        var action = activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String
            ? a.GetString()
            : null;
        var text = string.IsNullOrWhiteSpace(activity.Text) ? null : activity.Text.Trim();
        return Task.FromResult(text is null && activity.Value is null
            ? PromptRecognizerResult<UserAnswer>.Failed
            : new PromptRecognizerResult<UserAnswer>(true, new UserAnswer(text, action, activity.Value)));
    }
}
