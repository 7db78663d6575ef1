using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assistant.Dialogs.Engine;

public delegate Task<DialogTurnResult> WaterfallStep<TValues>(WaterfallStepContext<TValues> step, CancellationToken cancellation)
    where TValues : class, new();

/// <summary>
/// Ordered steps; each step asks something (a prompt or child dialog) and the next step receives the answer.
/// Unlike Bot Builder's string-keyed "values" bag, the step values are one typed object, stored as JSON.
/// </summary>
public sealed class WaterfallDialog<TValues>(string id, IReadOnlyList<WaterfallStep<TValues>> steps) : Dialog(id)
    where TValues : class, new()
{
    private const string StepKey = "stepIndex";
    private const string ValuesKey = "values";

    public override Task<DialogTurnResult> Begin(DialogContext dc, object? options, CancellationToken cancellation)
    {
        var values = options as TValues ?? new TValues();
        return Run(dc, dc.ActiveDialog!, 0, DialogReason.BeginCalled, null, values, cancellation);
    }

    public override Task<DialogTurnResult> Continue(DialogContext dc, CancellationToken cancellation) =>
        dc.Turn.Activity.IsMessage
            ? Run(dc, dc.ActiveDialog!, StepOf(dc.ActiveDialog!) + 1, DialogReason.ContinueCalled, dc.Turn.Activity.Text, null, cancellation)
            : Task.FromResult(DialogTurnResult.Waiting);

    public override Task<DialogTurnResult> Resume(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellation) =>
        Run(dc, dc.ActiveDialog!, StepOf(dc.ActiveDialog!) + 1, reason, result, null, cancellation);

    internal async Task<DialogTurnResult> Run(
        DialogContext dc, DialogInstance instance, int index, DialogReason reason, object? result, TValues? values, CancellationToken cancellation)
    {
        values ??= ValuesOf(instance);
        if (index >= steps.Count)
        {
            return await dc.End(result, cancellation);
        }

        instance.State[StepKey] = index;
        var step = new WaterfallStepContext<TValues>(this, dc, instance, index, reason, result, values);
        try
        {
            return await steps[index](step, cancellation);
        }
        finally
        {
            // The step may have pushed a child dialog; this instance stays on the stack below it.
            instance.State[ValuesKey] = JsonSerializer.SerializeToNode(values, EngineJson.Options);
        }
    }

    private static int StepOf(DialogInstance instance) => instance.State[StepKey]?.GetValue<int>() ?? 0;

    private static TValues ValuesOf(DialogInstance instance) =>
        instance.State[ValuesKey] is JsonNode node ? node.Deserialize<TValues>(EngineJson.Options) ?? new TValues() : new TValues();
}

/// <summary>What one waterfall step sees: the answer to the previous step, the typed values, and the dialog context.</summary>
public sealed class WaterfallStepContext<TValues>
    where TValues : class, new()
{
    private readonly WaterfallDialog<TValues> _dialog;
    private readonly DialogInstance _instance;

    internal WaterfallStepContext(
        WaterfallDialog<TValues> dialog, DialogContext dc, DialogInstance instance, int index, DialogReason reason, object? result, TValues values)
    {
        _dialog = dialog;
        _instance = instance;
        Context = dc;
        Index = index;
        Reason = reason;
        Result = result;
        Values = values;
    }

    public DialogContext Context { get; }

    public Turns.TurnContext Turn => Context.Turn;

    public int Index { get; }

    public DialogReason Reason { get; }

    /// <summary>The previous step's outcome: a prompt's recognised value, a child dialog's result, or the message text.</summary>
    public object? Result { get; }

    public TValues Values { get; }

    public Task<DialogTurnResult> Next(object? result, CancellationToken cancellation) =>
        _dialog.Run(Context, _instance, Index + 1, DialogReason.NextCalled, result, Values, cancellation);

    public Task<DialogTurnResult> Prompt(string dialogId, PromptOptions options, CancellationToken cancellation) =>
        Context.Prompt(dialogId, options, cancellation);

    public Task<DialogTurnResult> Begin(string dialogId, object? options, CancellationToken cancellation) =>
        Context.Begin(dialogId, options, cancellation);

    public Task<DialogTurnResult> End(object? result, CancellationToken cancellation) => Context.End(result, cancellation);

    public Task<DialogTurnResult> Replace(string dialogId, object? options, CancellationToken cancellation) =>
        Context.Replace(dialogId, options, cancellation);
}
