using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Turns;

namespace Assistant.Dialogs.Engine;

public sealed record PromptRecognizerResult<T>(bool Succeeded, T? Value)
{
    public static PromptRecognizerResult<T> Failed { get; } = new(false, default);
}

public sealed record PromptValidatorContext<T>(TurnContext Turn, PromptRecognizerResult<T> Recognized, PromptOptions Options, int AttemptCount);

/// <summary>Checks a recognised answer; may send its own explanation. False keeps the prompt waiting.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> context, CancellationToken cancellation);

/// <summary>
/// Asks one question and waits until the answer is recognised and valid, re-asking politely otherwise. Anything but a
/// message (typing, events, card updates) leaves it waiting. Skip words end it with a null result.
/// </summary>
public abstract class Prompt<T>(string id, PromptValidator<T>? validator = null) : Dialog(id)
{
    private const string OptionsKey = "options";
    private const string AttemptsKey = "attemptCount";

    public override async Task<DialogTurnResult> Begin(DialogContext dc, object? options, CancellationToken cancellation)
    {
        var promptOptions = options as PromptOptions ?? throw new ArgumentException("A prompt needs PromptOptions.", nameof(options));
        var instance = dc.ActiveDialog!;
        instance.State[OptionsKey] = JsonSerializer.SerializeToNode(promptOptions, EngineJson.Options);
        instance.State[AttemptsKey] = 0;
        await OnPrompt(dc.Turn, promptOptions, isRetry: false, cancellation);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> Continue(DialogContext dc, CancellationToken cancellation)
    {
        if (!dc.Turn.Activity.IsMessage)
        {
            return DialogTurnResult.Waiting;
        }

        var instance = dc.ActiveDialog!;
        var options = OptionsOf(instance);
        if (IsSkip(dc.Turn.Activity.Text, options))
        {
            return await dc.End(null, cancellation);
        }

        var attempts = (instance.State[AttemptsKey]?.GetValue<int>() ?? 0) + 1;
        instance.State[AttemptsKey] = attempts;
        var recognized = await OnRecognize(dc.Turn, options, cancellation);
        var valid = validator is null
            ? recognized.Succeeded
            : await validator(new PromptValidatorContext<T>(dc.Turn, recognized, options, attempts), cancellation);
        if (valid)
        {
            return await dc.End(recognized.Value, cancellation);
        }

        if (!dc.Turn.Responded)
        {
            await OnPrompt(dc.Turn, options, isRetry: true, cancellation);
        }

        return DialogTurnResult.Waiting;
    }

    public override Task Reprompt(TurnContext turn, DialogInstance instance, CancellationToken cancellation)
    {
        var options = OptionsOf(instance);
        return OnPrompt(turn, options.Repeat is { } repeat ? options with { Prompt = repeat } : options, isRetry: false, cancellation);
    }

    protected abstract Task<PromptRecognizerResult<T>> OnRecognize(TurnContext turn, PromptOptions options, CancellationToken cancellation);

    protected virtual Task OnPrompt(TurnContext turn, PromptOptions options, bool isRetry, CancellationToken cancellation)
    {
        var activity = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        if (activity is not null)
        {
            turn.SendActivity(Decorate(turn, activity, options));
        }

        return Task.CompletedTask;
    }

    /// <summary>Adds the choices (and skip words) to the question in the style the channel shows best.</summary>
    protected virtual Activity Decorate(TurnContext turn, Activity prompt, PromptOptions options)
    {
        var reply = turn.Activity.CreateReply() with
        {
            Text = prompt.Text,
            Attachments = prompt.Attachments,
            SuggestedActions = prompt.SuggestedActions,
            InputHint = "expectingInput",
        };
        var choices = (options.Choices ?? []).Select(c => c.Value).ToList();
        if (options.SkipWords is { Count: > 0 } skip && prompt.SuggestedActions is null && choices.Count == 0)
        {
            choices.Add(skip[0]);
        }

        return choices.Count == 0 ? reply : ChoiceStyles.Apply(reply, choices, options.Style, turn.Activity.ChannelId);
    }

    private static PromptOptions OptionsOf(DialogInstance instance) =>
        instance.State[OptionsKey] is JsonNode node ? node.Deserialize<PromptOptions>(EngineJson.Options) ?? new PromptOptions() : new PromptOptions();

    private static bool IsSkip(string? text, PromptOptions options) =>
        options.SkipWords is { Count: > 0 } words && UserText.Normalize(text) is { Length: > 0 } said
        && words.Any(w => UserText.Normalize(w) == said);
}
