using Assistant.Dialogs.Turns;

namespace Assistant.Dialogs.Engine;

/// <summary>A step of conversation that can span several turns; its state lives in its stack entry.</summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    public abstract Task<DialogTurnResult> Begin(DialogContext dc, object? options, CancellationToken cancellation);

    /// <summary>The user said something while this dialog was active.</summary>
    public virtual Task<DialogTurnResult> Continue(DialogContext dc, CancellationToken cancellation) => dc.End(null, cancellation);

    /// <summary>A dialog this one started has ended and handed back its result.</summary>
    public virtual Task<DialogTurnResult> Resume(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellation) =>
        dc.End(result, cancellation);

    /// <summary>Ask again (after help, for example) without changing any state.</summary>
    public virtual Task Reprompt(TurnContext turn, DialogInstance instance, CancellationToken cancellation) => Task.CompletedTask;

    public virtual Task OnEnd(TurnContext turn, DialogInstance instance, DialogReason reason, CancellationToken cancellation) => Task.CompletedTask;
}
