using Assistant.Bot.SignIn;
using Assistant.Dialogs.Conversations.Submit;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Bot.Desk;

/// <summary>
/// The ticket page: the enterprise's words and the details taken from them, the enterprise and its earlier
/// tickets, every running deadline with the working time left and its card, the whole history, and the actions the
/// signed-in person may take. Its ETag is the ticket's version, for If-Match on the actions.
/// </summary>
public static class TicketPages
{
    private static readonly Dictionary<string, string> EntityLabels = new()
    {
        ["amount_cny"] = "金额（元）",
        ["area_mu"] = "面积（亩）",
        ["area_sqm"] = "面积（平方米）",
        ["headcount"] = "人数",
        ["deadline"] = "时限要求",
    };

    public static async Task<Results<Ok<TicketDetail>, ProblemHttpResult>> Get(
        Guid id, HttpContext context, IDocumentStore store, DeskRules rules, TimeProvider clock)
    {
        var staff = DeskUser.Of(context);
        await using var session = store.QuerySession();
        var ticket = await session.LoadAsync<Ticket>(id, context.RequestAborted);
        if (ticket is null)
        {
            return DeskProblems.NotFound();
        }

        if (!TicketScope.Sees(staff, ticket))
        {
            return DeskProblems.OutOfScope();
        }

        var detail = await Detail(store, rules, staff, id, clock.GetUtcNow(), context.RequestAborted);
        context.Response.Headers.ETag = $"\"{detail.Version}\"";
        return TypedResults.Ok(detail);
    }

    public static async Task<TicketDetail> Detail(IDocumentStore store, DeskRules rules, StaffMember staff, Guid id, DateTimeOffset now, CancellationToken cancellation)
    {
        now = now.ToUniversalTime();
        await using var session = store.QuerySession();
        var ticket = (await session.LoadAsync<Ticket>(id, cancellation))!;
        var events = await session.Events.FetchStreamAsync(id, token: cancellation);
        var sameEnterprise = session.Query<Ticket>().Visible(staff).Where(t => t.Id != id);
        sameEnterprise = ticket.Enterprise.Id is { } enterpriseId
            ? sameEnterprise.Where(t => t.Enterprise.Id == enterpriseId)
            : sameEnterprise.Where(t => t.Enterprise.Name == ticket.Enterprise.Name);
        var earlier = await sameEnterprise.OrderByDescending(t => t.SubmittedAt).Take(10).ToListAsync(cancellation);
        var details = ticket.Entities
            .Select(e => (Label: Slots.Find(e.Key)?.Chinese ?? EntityLabels.GetValueOrDefault(e.Key), e.Key, e.Value))
            .Where(e => e.Label is not null && e.Key is not ("need" or "category" or "company" or "creditCode" or "contactName" or "phone"))
            .Select(e => new DetailView(e.Key, e.Label!, e.Value))
            .ToList();
        return new TicketDetail(
            TicketRows.Row(ticket, rules, now),
            ticket.Version,
            ticket.Text,
            details,
            new EnterpriseView(ticket.Enterprise.Name, ticket.Enterprise.CreditCode, ticket.Contact.Name, ticket.Contact.Phone, earlier.Select(t => TicketRows.Row(t, rules, now)).ToList()),
            ticket.Channel == "msteams" ? "Teams" : "网页对话",
            ticket.CoHandlingDepartmentIds.Select(rules.DepartmentName).ToList(),
            TicketRows.Deadlines(ticket, rules, now),
            ticket.PendingExtension is { } pending
                ? new ExtensionView(pending.By.Name, pending.Days, pending.Reason, pending.ProposedResolveDue, rules.Calendar.Describe(pending.ProposedResolveDue))
                : null,
            Pending(ticket.PendingReturn, rules),
            Pending(ticket.PendingOutcome, rules),
            ticket.OpenInformationRequest,
            ticket.Outcome,
            ticket.Rating?.ToChinese(),
            StaffTimeline.Of(ticket, events.Select(e => e.Data), rules),
            TicketActions.Available(ticket, staff, rules, now));
    }

    private static PendingView? Pending(PendingDecision? pending, DeskRules rules) =>
        pending is null ? null : new PendingView(pending.By.Name, pending.Text, pending.At, rules.Calendar.Describe(pending.At));
}
