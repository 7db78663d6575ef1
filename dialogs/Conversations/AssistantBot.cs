using Assistant.Dialogs.Conversations.Staff;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Turns;
using Marten;
using Marten.Services.BatchQuerying;

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

        if (turn.Activity.Type == Activities.ActivityTypes.Message && LinkRequest.Of(turn) is { } request)
        {
            // Not a staff member yet: the request waits for an administrator; the same answer whether the account exists.
            turn.Get<IDocumentSession>()?.Store(request);
            turn.SendActivity($"已收到您的绑定申请（工作台账号 {request.Login}）。系统管理员在工作台“人员管理”中确认后，您就可以在这里签收、办理诉求，并收到新诉求和时限提醒。");
            return;
        }

        await enterprise.OnTurn(turn, cancellation);
    }

    /// <summary>For a Teams user, whether they are linked staff is read in the turn's read batch, not by a query of its own.</summary>
    public object? Prepare(IBatchedQuery batch, Activities.Activity inbound) =>
        inbound.Type == Activities.ActivityTypes.Message && inbound.ChannelId == TeamsChannelId && inbound.From?.AadObjectId is { Length: > 0 } aad
            ? new StaffLookup(batch.Query<StaffMember>().Where(s => s.TeamsUserId == aad && s.Active).FirstOrDefault())
            : null;

    private static async Task<StaffMember?> StaffOf(TurnContext turn, CancellationToken cancellation)
    {
        if (turn.Activity.ChannelId != TeamsChannelId || turn.Activity.From?.AadObjectId is not { Length: > 0 } aad)
        {
            return null;
        }

        if (turn.Get<StaffLookup>() is { } prepared)
        {
            return await prepared.Staff;
        }

        // A turn run without the batch (a test's own runner) asks on its own.
        return turn.Get<IDocumentSession>() is { } session
            ? await session.Query<StaffMember>().FirstOrDefaultAsync(s => s.TeamsUserId == aad && s.Active, cancellation)
            : null;
    }

    private sealed record StaffLookup(Task<StaffMember?> Staff);
}
