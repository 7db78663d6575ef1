using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Dialogs.Turns;

namespace Assistant.Dialogs.Conversations.Tickets;

/// <summary>
/// "进度怎么样了", "查一下我上次那个": the progress of the user's own requests, without a number. The latest one when they
/// mean it or have only one, their list otherwise; null when they have none.
/// </summary>
public static class ProgressAnswer
{
    public static async Task<Activity?> For(TurnContext turn, TicketDesk desk, bool latest, Phrases p, CancellationToken cancellation)
    {
        await using var session = desk.Store.QuerySession();
        var mine = await LookUpTicket.SubmittedBy(session, EnterpriseUser.Of(turn.Activity), 10, cancellation);
        if (mine.Count == 0)
        {
            return null;
        }

        var open = mine.Where(t => t.Status.IsOpen()).ToList();
        return latest || mine.Count == 1 || open.Count == 1
            ? await TicketViews.Detail(turn.Activity.CreateReply(), latest || open.Count != 1 ? mine[0] : open[0], session, desk.Rules, p, owner: true, cancellation)
            : TicketViews.List(turn.Activity.CreateReply(), mine, desk.Rules, p);
    }
}
