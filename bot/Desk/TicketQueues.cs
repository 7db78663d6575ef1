using System.Linq.Expressions;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Marten;
using Marten.Linq;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Bot.Desk;

/// <summary>
/// The work queues: 待签收, 办理中, 待补充材料, 即将超期 (within a working day), 已超期, 已办结, and for dispatchers
/// 待分派; each with its count, filters (category, enterprise, period, text) and the most urgent deadline first.
/// </summary>
public static class TicketQueues
{
    public sealed record Queue(string Id, string Name, bool DispatchersOnly, Func<DateTimeOffset, DateTimeOffset, DeskOptions, Expression<Func<Ticket, bool>>> Filter);

    private static readonly TicketStatus[] InHand = TicketStatusText.InDepartmentHands;

    public static IReadOnlyList<Queue> All { get; } =
    [
        new("sign-for", "待签收", false, (_, _, _) => t => t.Status == TicketStatus.Routed),
        new("handling", "办理中", false, (_, _, _) => t => t.Status == TicketStatus.SignedFor || t.Status == TicketStatus.Handling),
        new("information", "待补充材料", false, (_, _, _) => t => t.Status == TicketStatus.AwaitingInformation),
        new("due-soon", "即将超期", false, (now, soon, _) => t => t.Status.In(InHand)
            && (t.ResolveDue > now && t.ResolveDue <= soon || t.Status == TicketStatus.Routed && t.SignForDue > now && t.SignForDue <= soon)),
        new("overdue", "已超期", false, (now, _, _) => t => t.Status.In(InHand) && (t.ResolveDue <= now || t.Status == TicketStatus.Routed && t.SignForDue <= now)),
        new("approvals", "待审批", false, (_, _, _) => t => t.AwaitingDecision),
        new("resolved", "已办结", false, (_, _, _) => t => t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed),
        new("triage", "待分派", true, (_, _, options) => t => t.Status == TicketStatus.Submitted || t.Status == TicketStatus.Returned
            || t.Status == TicketStatus.Routed && t.CategoryConfidence < options.TriageBelowConfidence),
        new("all", "全部", false, (_, _, _) => t => true),
    ];

    public static async Task<Ok<IReadOnlyList<QueueCount>>> Counts(HttpContext context, IDocumentStore store, DeskRules rules, TimeProvider clock)
    {
        var staff = Signed(context);
        var (now, soon) = Window(rules, clock);
        await using var session = store.QuerySession();
        var batch = session.CreateBatchQuery();
        var queues = For(staff).ToList();
        var parts = TicketScope.CountingParts(staff);
        var counts = queues.Select(q => parts.Select(part => batch.Query<Ticket>().Where(part).Where(q.Filter(now, soon, rules.Options)).Count()).ToList()).ToList();
        await batch.Execute(context.RequestAborted);
        var result = new List<QueueCount>();
        for (var i = 0; i < queues.Count; i++)
        {
            var count = 0L;
            foreach (var part in counts[i])
            {
                count += await part;
            }

            result.Add(new QueueCount(queues[i].Id, queues[i].Name, count));
        }

        return TypedResults.Ok<IReadOnlyList<QueueCount>>(result);
    }

    public static async Task<Results<Ok<TicketPage>, ProblemHttpResult>> List(
        HttpContext context, IDocumentStore store, DeskRules rules, TimeProvider clock,
        string? queue, string? category, string? enterprise, DateOnly? from, DateOnly? to, string? q, int? page, int? pageSize, string? sort = null)
    {
        var staff = Signed(context);
        var chosen = For(staff).FirstOrDefault(x => x.Id == (queue ?? "all"));
        if (chosen is null)
        {
            return TypedResults.Problem(title: $"没有名为“{queue}”的队列。", statusCode: StatusCodes.Status400BadRequest);
        }

        var (now, soon) = Window(rules, clock);
        var size = Math.Clamp(pageSize ?? 20, 1, 100);
        var number = Math.Clamp(page ?? 1, 1, 10_000);
        await using var session = store.QuerySession();
        IQueryable<Ticket> Chosen(Expression<Func<Ticket, bool>> scope)
        {
            var tickets = session.Query<Ticket>().Where(scope).Where(chosen.Filter(now, soon, rules.Options));
            if (category is { Length: > 0 })
            {
                tickets = tickets.Where(t => t.Category == category);
            }

            if (enterprise?.Trim() is { Length: > 0 and <= 100 } named)
            {
                tickets = tickets.OfEnterpriseNamed(named);
            }

            if (from is { } start)
            {
                var since = rules.Calendar.At(start, TimeOnly.MinValue).ToUniversalTime();
                tickets = tickets.Where(t => t.SubmittedAt >= since);
            }

            if (to is { } end)
            {
                var until = rules.Calendar.At(end.AddDays(1), TimeOnly.MinValue).ToUniversalTime();
                tickets = tickets.Where(t => t.SubmittedAt < until);
            }

            if (q?.Trim() is { Length: > 0 and <= 100 } text)
            {
                var wanted = text.ToUpperInvariant();
                tickets = TicketNumbers.Looks(text) ? tickets.Where(t => t.Number == wanted) : tickets.Containing(text);
            }

            return tickets;
        }

        // The total by counts of their own, part by part of the scope: Marten's statistics (count(*) over ()) would
        // read every matching document.
        var total = 0L;
        foreach (var part in TicketScope.CountingParts(staff))
        {
            total += await Chosen(part).CountAsync(context.RequestAborted);
        }

        var tickets = Chosen(TicketScope.Filter(staff));
        var (column, descending) = chosen.Id switch
        {
            "sign-for" => ("sign_for_due", false),
            "resolved" => ("last_changed_at", true),
            "triage" or "all" => ("submitted_at", true),
            _ => ("resolve_due", false),
        };

        // A search with few matches sorts them itself: walking the date index until twenty matches turn up would read
        // every ticket when there are none. One with many matches walks the index and finds its page at once.
        var searched = q is { Length: > 0 } || enterprise is { Length: > 0 };
        var order = (searched && total < SortMatchesBelow ? $"d.{column} + interval '0 seconds'" : "d." + column) + (descending ? " desc" : "") + ", d.id";
        // sort=urgent puts the tickets the enterprise marked urgent (停产, 明天到期) first, each group in the queue's order.
        tickets = sort == "urgent" ? tickets.OrderBySql("(d.data -> 'Urgent') desc, " + order) : tickets.OrderBySql(order);
        var items = await tickets.Skip((number - 1) * size).Take(size).ToListAsync(context.RequestAborted);
        return TypedResults.Ok(new TicketPage(items.Select(t => TicketRows.Row(t, rules, now)).ToList(), total, number, size));
    }

    private const long SortMatchesBelow = 2_000;

    private static IEnumerable<Queue> For(StaffMember staff) =>
        All.Where(q => !q.DispatchersOnly || TicketScope.SeesAll(staff));

    private static (DateTimeOffset Now, DateTimeOffset Soon) Window(DeskRules rules, TimeProvider clock)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        return (now, rules.Calendar.AddWorkingDays(now, 1));
    }

    private static StaffMember Signed(HttpContext context) => SignIn.DeskUser.Of(context);
}
