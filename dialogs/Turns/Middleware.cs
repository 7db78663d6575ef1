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

    /// <summary>
    /// What the bot will need to read for this activity, added to the turn's one read batch (with the conversation's
    /// state) instead of costing a round trip of its own; whatever it returns is in the turn under its own type.
    /// </summary>
    object? Prepare(Marten.Services.BatchQuerying.IBatchedQuery batch, Activities.Activity inbound) => null;
}
