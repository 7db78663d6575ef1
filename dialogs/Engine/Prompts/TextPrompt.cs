using Assistant.Dialogs.Turns;

namespace Assistant.Dialogs.Engine;

/// <summary>Any non-empty text.</summary>
public sealed class TextPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    protected override Task<PromptRecognizerResult<string>> OnRecognize(TurnContext turn, PromptOptions options, CancellationToken cancellation) =>
        Task.FromResult(turn.Activity.Text is { } text && !string.IsNullOrWhiteSpace(text)
            ? new PromptRecognizerResult<string>(true, text.Trim())
            : PromptRecognizerResult<string>.Failed);
}
