using Assistant.Bot.Edge;
using Assistant.Dialogs.Conversations.Staff;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Dialogs.Turns;
using Marten;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Desk;

/// <summary>What a staff step taken in chat brings, as in the console: the enterprise is told in the same commit.</summary>
public sealed class StaffChannel(EnterpriseNotices notices, IOptions<NetworkOptions> network) : IStaffChannel
{
    public async Task FollowUp(TurnContext turn, IDocumentSession session, DeskResult result, CancellationToken cancellation)
    {
        if (await notices.Stage(session, result, cancellation) is { } staged)
        {
            turn.AfterCommit(after => notices.Delivered(staged, after));
        }
    }

    public Task<IReadOnlyList<string>> Viewers(IDocumentSession session, Ticket ticket, Dialogs.Activities.Activity inbound, CancellationToken cancellation) =>
        Channels.Teams.CardViewers.Of(session, ticket, inbound, cancellation);

    public string? ConsoleLink(Guid ticketId) =>
        network.Value.PublicUrl is { Length: > 0 } url ? $"{url.TrimEnd('/')}/console/tickets/{ticketId}" : null;
}
