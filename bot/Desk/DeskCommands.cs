using Assistant.Bot.SignIn;
using Assistant.Dialogs;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Tickets;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Bot.Desk;

/// <summary>
/// How a console action runs: the ticket must be in the person's scope; the command is decided on the ticket as
/// stored; a page that was looking at an older version (If-Match) is told so instead of acting on what it did not
/// see; the events and what the enterprise is told about them are committed together, once.
/// </summary>
public sealed class DeskCommands(IDocumentStore store, TicketDesk desk, EnterpriseNotices notices, TimeProvider clock)
{
    private const int Attempts = 5;

    public async Task<Results<Ok<TicketDetail>, ProblemHttpResult>> Run(
        HttpContext context, Guid ticketId, Func<Ticket, Actor, Task<(ITicketCommand? Command, ProblemHttpResult? Problem)>> make)
    {
        var staff = DeskUser.Of(context);
        var actor = DeskUser.Actor(context);
        var expected = ExpectedVersion(context);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var current = await session.LoadAsync<Ticket>(ticketId, context.RequestAborted);
            if (current is null)
            {
                return DeskProblems.NotFound();
            }

            if (!TicketScope.Sees(staff, current))
            {
                return DeskProblems.OutOfScope();
            }

            var (command, problem) = await make(current, actor);
            if (command is null)
            {
                return problem!;
            }

            var result = await desk.Stage(command, session, context.RequestAborted);
            if (result.Rejection is { } rejection)
            {
                return DeskProblems.For(rejection);
            }

            if (expected is { } version && version != current.Version)
            {
                return DeskProblems.Stale();
            }

            var delivery = await notices.Stage(session, result, context.RequestAborted);
            try
            {
                await session.SaveChangesAsync(context.RequestAborted);
            }
            catch (Exception ex) when (attempt < Attempts && StoreConflicts.IsRetryable(ex))
            {
                continue; // someone else acted on the ticket, or the enterprise wrote in its chat, at the same moment
            }

            await notices.Delivered(delivery, context.RequestAborted);
            return TypedResults.Ok(await TicketPages.Detail(store, desk.Rules, staff, result.Ticket!.Id, clock.GetUtcNow(), context.RequestAborted));
        }
    }

    /// <summary>The version the page saw, from If-Match: "12" (the ETag of the ticket page).</summary>
    private static long? ExpectedVersion(HttpContext context) =>
        context.Request.Headers.IfMatch.ToString().Trim('"', ' ', 'W', '/') is { Length: > 0 } tag && long.TryParse(tag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : null;
}
