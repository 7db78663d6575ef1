using Assistant.Dialogs.Conversations.Staff;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Turns;
using Marten;

namespace Assistant.Dialogs.Conversations;

/// <summary>
/// The bot behind every channel: a message from a Teams user whose Entra object id is linked to an active staff
/// member (人员管理, Teams 标识) gets the staff experience; everyone else, the enterprise's.
/// </summary>
public sealed class AssistantBot(EnterpriseBot enterprise, StaffBot staff) : IBot
{
    public const string TeamsChannelId = "msteams";

    public async Task OnTurn(TurnContext turn, CancellationToken cancellation)
    {
        if (turn.Activity.Type == Activities.ActivityTypes.Message && await StaffOf(turn, cancellation) is { } member)
        {
            await staff.OnMessage(turn, member, cancellation);
            return;
        }

        await enterprise.OnTurn(turn, cancellation);
    }

    private static async Task<StaffMember?> StaffOf(TurnContext turn, CancellationToken cancellation)
    {
        if (turn.Activity.ChannelId != TeamsChannelId || turn.Activity.From?.AadObjectId is not { Length: > 0 } aad
            || turn.Get<IDocumentSession>() is not { } session)
        {
            return null;
        }

        return await session.Query<StaffMember>().FirstOrDefaultAsync(s => s.TeamsUserId == aad && s.Active, cancellation);
    }
}
