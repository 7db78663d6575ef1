using Assistant.Dialogs.Desk.Tickets;
using Assistant.Dialogs.Turns;
using Marten;

namespace Assistant.Dialogs.Conversations.Staff;

/// <summary>
/// What the host adds to a step a staff member takes in chat, because it knows the channels: the enterprise's chat is
/// told (in the turn's commit, woken after it), and the console address of a ticket for a 查看详情 button.
/// </summary>
public interface IStaffChannel
{
    Task FollowUp(TurnContext turn, IDocumentSession session, DeskResult result, CancellationToken cancellation);

    /// <summary>The ticket's page in the staff console, or null when the host's public address is not configured.</summary>
    string? ConsoleLink(Guid ticketId);

    /// <summary>
    /// The Teams user ids a ticket's card in this conversation is refreshed for when they look at it: the person in a
    /// personal chat, the department's staff in its channel.
    /// </summary>
    Task<IReadOnlyList<string>> Viewers(IDocumentSession session, Ticket ticket, Activities.Activity inbound, CancellationToken cancellation);
}
