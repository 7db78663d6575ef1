using Assistant.Dialogs.Desk.Tickets;
using Assistant.Dialogs.Turns;
using Marten;

namespace Assistant.Dialogs.Conversations.Tickets;

public static class DeskInTurn
{
    /// <summary>
    /// Runs a desk command inside the turn: its events are committed with the turn's state and replies, so a turn that
    /// is run again after losing a race with another host does not write them twice.
    /// </summary>
    public static Task<DeskResult> InTurn(this TicketDesk desk, TurnContext turn, ITicketCommand command, CancellationToken cancellation) =>
        turn.Get<IDocumentSession>() is { } session ? desk.Stage(command, session, cancellation) : desk.Run(command, cancellation);
}
