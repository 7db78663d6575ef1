using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Turns;

/// <summary>Dispatches a turn by activity type, as Bot Builder's ActivityHandler does; unknown types are ignored.</summary>
public abstract class ActivityHandler : IBot
{
    public Task OnTurn(TurnContext turn, CancellationToken cancellation) => turn.Activity.Type switch
    {
        ActivityTypes.Message => OnMessage(turn, cancellation),
        ActivityTypes.ConversationUpdate when turn.Activity.MembersAdded is { Count: > 0 } added =>
            OnMembersAdded(turn, added.Where(m => m.Id != turn.Activity.Recipient?.Id).ToList(), cancellation),
        ActivityTypes.Event => OnEvent(turn, cancellation),
        ActivityTypes.Invoke => OnInvoke(turn, cancellation),
        _ => Task.CompletedTask,
    };

    protected virtual Task OnMessage(TurnContext turn, CancellationToken cancellation) => Task.CompletedTask;

    protected virtual Task OnMembersAdded(TurnContext turn, IReadOnlyList<ChannelAccount> members, CancellationToken cancellation) => Task.CompletedTask;

    protected virtual Task OnEvent(TurnContext turn, CancellationToken cancellation) => Task.CompletedTask;

    protected virtual Task OnInvoke(TurnContext turn, CancellationToken cancellation) => Task.CompletedTask;
}
