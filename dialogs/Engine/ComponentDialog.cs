using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Dialogs.Turns;

namespace Assistant.Dialogs.Engine;

/// <summary>
/// A dialog made of dialogs: its own set and its own stack, kept inside its stack entry under "dialogs".
/// Override <see cref="OnContinue"/> to look at every message first (interruptions).
/// </summary>
public abstract class ComponentDialog(string id) : Dialog(id)
{
    private const string InnerKey = "dialogs";

    protected DialogSet Dialogs { get; } = new();

    protected abstract string InitialDialogId { get; }

    protected ComponentDialog AddDialog(Dialog dialog)
    {
        Dialogs.Add(dialog);
        return this;
    }

    public override async Task<DialogTurnResult> Begin(DialogContext dc, object? options, CancellationToken cancellation)
    {
        var instance = dc.ActiveDialog!;
        var inner = Inner(dc, instance);
        var result = await inner.Begin(InitialDialogId, options, cancellation);
        return await Finish(dc, instance, inner, result, cancellation);
    }

    public override async Task<DialogTurnResult> Continue(DialogContext dc, CancellationToken cancellation)
    {
        var instance = dc.ActiveDialog!;
        var inner = Inner(dc, instance);
        var result = await OnContinue(inner, cancellation);
        return await Finish(dc, instance, inner, result, cancellation);
    }

    public override async Task<DialogTurnResult> Resume(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellation)
    {
        // A dialog begun on the outer stack above this one has ended: ask again where we were.
        await Reprompt(dc.Turn, dc.ActiveDialog!, cancellation);
        return DialogTurnResult.Waiting;
    }

    public override async Task Reprompt(TurnContext turn, DialogInstance instance, CancellationToken cancellation)
    {
        var inner = Dialogs.CreateContext(turn, Load(instance));
        await inner.Reprompt(cancellation);
        Save(instance, inner.State);
    }

    public override async Task OnEnd(TurnContext turn, DialogInstance instance, DialogReason reason, CancellationToken cancellation)
    {
        if (reason == DialogReason.CancelCalled)
        {
            var inner = Dialogs.CreateContext(turn, Load(instance));
            await inner.CancelAll(cancellation);
            Save(instance, inner.State);
        }
    }

    protected virtual Task<DialogTurnResult> OnContinue(DialogContext inner, CancellationToken cancellation) => inner.Continue(cancellation);

    private DialogContext Inner(DialogContext dc, DialogInstance instance) => Dialogs.CreateContext(dc.Turn, Load(instance), dc);

    private static async Task<DialogTurnResult> Finish(DialogContext dc, DialogInstance instance, DialogContext inner, DialogTurnResult result, CancellationToken cancellation)
    {
        Save(instance, inner.State);
        return result.Status == DialogTurnStatus.Complete ? await dc.End(result.Result, cancellation) : result;
    }

    private static DialogState Load(DialogInstance instance) =>
        instance.State[InnerKey] is JsonNode node ? node.Deserialize<DialogState>(EngineJson.Options) ?? new DialogState() : new DialogState();

    private static void Save(DialogInstance instance, DialogState state) =>
        instance.State[InnerKey] = JsonSerializer.SerializeToNode(state, EngineJson.Options);
}
