using Assistant.Dialogs.Desk.Tickets;
using Marten;

namespace Assistant.Dialogs.Conversations.Tickets;

/// <summary>
/// Which ticket a user may see: their own by number alone; anyone else's only with its 查询码 (read-only).
/// </summary>
public static class FindTicket
{
    public static async Task<(Ticket? Ticket, bool Owner)> For(IQuerySession session, string number, string? code, string user, CancellationToken cancellation)
    {
        var own = await session.Query<Ticket>().FirstOrDefaultAsync(t => t.Number == number && t.SubmittedBy == user, cancellation);
        if (own is not null)
        {
            return (own, true);
        }

        return code is null ? (null, false) : (await LookUpTicket.ByNumberAndCode(session, number, code, cancellation), false);
    }
}
