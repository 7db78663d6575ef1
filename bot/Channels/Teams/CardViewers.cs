using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Marten;

namespace Assistant.Bot.Channels.Teams;

/// <summary>
/// For whom Teams refreshes a ticket's card when they look at it (refresh.userIds, Teams user ids): the person in a
/// personal chat; in a department channel, the department's linked staff whose Teams user id we know from a chat.
/// </summary>
public static class CardViewers
{
    public static async Task<IReadOnlyList<string>> Of(IDocumentSession session, Ticket ticket, Activity inbound, CancellationToken cancellation) =>
        inbound.Conversation?.ConversationType == "channel"
            ? await OfDepartment(session, ticket.LeadDepartmentId, cancellation)
            : inbound.From?.Id is { Length: > 0 } person ? [person] : [];

    public static async Task<IReadOnlyList<string>> OfDepartment(IDocumentSession session, string? departmentId, CancellationToken cancellation)
    {
        if (departmentId is null)
        {
            return [];
        }

        var aads = await session.Query<StaffMember>()
            .Where(s => s.DepartmentId == departmentId && s.Active && s.TeamsUserId != null)
            .Select(s => s.TeamsUserId!)
            .ToListAsync(cancellation);
        if (aads.Count == 0)
        {
            return [];
        }

        var chats = await session.Query<TeamsConversation>()
            .Where(c => c.UserAadObjectId!.IsOneOf(aads.ToArray()) && c.ConversationType == "personal")
            .ToListAsync(cancellation);
        return [.. chats.Select(c => c.UserId).Where(IsTeamsUserId).Distinct().Take(Dialogs.Conversations.Staff.StaffCards.MaxRefreshUsers)];
    }

    /// <summary>A Teams user id (29:…), not the Entra object id a chat we opened ourselves stands in with.</summary>
    public static bool IsTeamsUserId(string id) => id.StartsWith("29:", StringComparison.Ordinal);
}
