using Assistant.Dialogs.Turns;

namespace Assistant.Dialogs.Engine;

/// <summary>Operates one dialog stack during one turn: begin, continue, end, replace, cancel, reprompt.</summary>
public sealed class DialogContext(DialogSet dialogs, TurnContext turn, DialogState state, DialogContext? parent)
{
    public TurnContext Turn { get; } = turn;

    public DialogState State { get; } = state;

    public DialogContext? Parent { get; } = parent;

    public List<DialogInstance> Stack => State.DialogStack;

    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    public Dialog? Find(string id) => dialogs.Find(id) ?? Parent?.Find(id);

    public Task<DialogTurnResult> Begin(string dialogId, object? options, CancellationToken cancellation)
    {
        var dialog = Find(dialogId) ?? throw new InvalidOperationException($"No dialog '{dialogId}' is registered.");
        Stack.Insert(0, new DialogInstance { Id = dialogId });
        return dialog.Begin(this, options, cancellation);
    }

    public Task<DialogTurnResult> Prompt(string dialogId, PromptOptions options, CancellationToken cancellation) => Begin(dialogId, options, cancellation);

    public async Task<DialogTurnResult> Continue(CancellationToken cancellation)
    {
        if (ActiveDialog is not { } active)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        var dialog = Find(active.Id) ?? throw new InvalidOperationException($"The active dialog '{active.Id}' is not registered.");
        return await dialog.Continue(this, cancellation);
    }

    /// <summary>Ends the active dialog and resumes the one below it with the result, or completes the stack.</summary>
    public async Task<DialogTurnResult> End(object? result, CancellationToken cancellation)
    {
        await EndActive(DialogReason.EndCalled, cancellation);
        if (ActiveDialog is { } parentInstance && Find(parentInstance.Id) is { } parentDialog)
        {
            return await parentDialog.Resume(this, DialogReason.EndCalled, result, cancellation);
        }

        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    public async Task<DialogTurnResult> Replace(string dialogId, object? options, CancellationToken cancellation)
    {
        await EndActive(DialogReason.ReplaceCalled, cancellation);
        return await Begin(dialogId, options, cancellation);
    }

    public async Task<DialogTurnResult> CancelAll(CancellationToken cancellation)
    {
        if (Stack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        while (Stack.Count > 0)
        {
            await EndActive(DialogReason.CancelCalled, cancellation);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    public async Task Reprompt(CancellationToken cancellation)
    {
        if (ActiveDialog is { } active && Find(active.Id) is { } dialog)
        {
            await dialog.Reprompt(Turn, active, cancellation);
        }
    }

    private async Task EndActive(DialogReason reason, CancellationToken cancellation)
    {
        if (ActiveDialog is not { } active)
        {
            return;
        }

        if (Find(active.Id) is { } dialog)
        {
            await dialog.OnEnd(Turn, active, reason, cancellation);
        }

        Stack.RemoveAt(0);
    }
}
