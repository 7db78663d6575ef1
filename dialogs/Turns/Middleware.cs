namespace Assistant.Dialogs.Turns;

public delegate Task NextDelegate(CancellationToken cancellation);

/// <summary>Runs around every turn, in the order registered; call <c>next</c> to go on, or don't to stop the turn.</summary>
public interface IMiddleware
{
    Task OnTurn(TurnContext turn, NextDelegate next, CancellationToken cancellation);
}

/// <summary>The bot's own logic for one turn.</summary>
public interface IBot
{
    Task OnTurn(TurnContext turn, CancellationToken cancellation);
}
