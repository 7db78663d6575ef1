using System.Security.Cryptography;
using System.Text;
using Marten;

namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>查询: anyone holding a ticket number and its 查询码 may read the ticket's status, from any conversation.</summary>
public static class LookUpTicket
{
    public static async Task<Ticket?> ByNumberAndCode(IQuerySession session, string number, string queryCode, CancellationToken cancellation)
    {
        var normalizedNumber = number.Normalize(NormalizationForm.FormKC).Trim().ToUpperInvariant();
        var normalizedCode = queryCode.Normalize(NormalizationForm.FormKC).Trim().ToUpperInvariant();
        var ticket = await session.Query<Ticket>().FirstOrDefaultAsync(t => t.Number == normalizedNumber, cancellation);
        return ticket is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(ticket.QueryCode), Encoding.UTF8.GetBytes(normalizedCode))
            ? ticket
            : null;
    }

    /// <summary>"我的诉求": the tickets a chat user submitted, newest first.</summary>
    public static Task<IReadOnlyList<Ticket>> SubmittedBy(IQuerySession session, string userId, int take, CancellationToken cancellation) =>
        session.Query<Ticket>()
            .Where(t => t.SubmittedBy == userId)
            .OrderByDescending(t => t.SubmittedAt)
            .Take(take)
            .ToListAsync(cancellation);
}
