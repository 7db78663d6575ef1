using System.Text.RegularExpressions;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Conversations.Submit;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Tickets;
using Marten;

namespace Assistant.Dialogs.Conversations.Tickets;

/// <summary>How tickets are shown in the chat: the list of "我的诉求" and one ticket with its progress.</summary>
public static partial class TicketViews
{
    public static string StatusName(TicketStatus status, Phrases p) => p.English ? status switch
    {
        TicketStatus.Submitted or TicketStatus.Returned => "being dispatched",
        TicketStatus.Routed => "waiting for the department",
        TicketStatus.SignedFor or TicketStatus.Handling => "in progress",
        TicketStatus.AwaitingInformation => "waiting for your information",
        TicketStatus.Resolved => "resolved, waiting for your rating",
        TicketStatus.Closed => "closed",
        _ => "withdrawn",
    } : status == TicketStatus.Returned ? "正在重新派单" : status.ToChinese();

    public static Activity List(Activity reply, IReadOnlyList<Ticket> tickets, DeskRules rules, Phrases p)
    {
        if (tickets.Count == 0)
        {
            return reply with
            {
                Text = p.English ? "You have not submitted any request from this account yet." : "您还没有通过本账号提交过诉求。可以直接描述您的问题来提交。",
                SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack(p.MenuSubmit)] },
            };
        }

        var lines = tickets.Select((t, i) => $"{i + 1}. {t.Number}｜{CategoryNames.Name(t.Category, p)}｜{StatusName(t.Status, p)}" + Due(t, rules, p));
        return reply with
        {
            Text = (p.English ? "Your requests:\n" : "您提交的诉求：\n") + string.Join("\n", lines),
            SuggestedActions = new SuggestedActions { Actions = tickets.Take(5).Select(t => CardAction.ImBack(t.Number, Query(t.Number, p))).ToList() },
        };
    }

    public static async Task<Activity> Detail(Activity reply, Ticket ticket, IQuerySession session, DeskRules rules, Phrases p, bool owner, CancellationToken cancellation)
    {
        var events = await session.Events.FetchStreamAsync(ticket.Id, token: cancellation);
        var head = p.English
            ? $"Request {ticket.Number} ({CategoryNames.Name(ticket.Category, p)})\nStatus: {StatusName(ticket.Status, p)}\nDepartment: {rules.DepartmentName(ticket.LeadDepartmentId, true)}"
            : $"诉求编号：{ticket.Number}（{CategoryNames.Name(ticket.Category, p)}）\n当前状态：{StatusName(ticket.Status, p)}\n承办部门：{rules.DepartmentName(ticket.LeadDepartmentId)}";
        if (ticket.Status.IsOpen() && ticket.ResolveDue is { } due)
        {
            head += p.English ? $"\nDue: {rules.Calendar.Describe(due, true)}" : $"\n办结时限：{rules.Calendar.Describe(due)}前";
        }

        if (ticket.OpenInformationRequest is { } request)
        {
            head += p.English ? $"\nThe department asks you for: {request}" : $"\n承办部门请您补充：{request}";
        }

        var progress = Timeline.Lines(events.Select(e => e.Data), rules, p);
        var actions = owner ? Actions(ticket, p) : [];
        return reply with
        {
            Text = head + (p.English ? "\n\nProgress:\n" : "\n\n办理进展：\n") + string.Join("\n", progress),
            SuggestedActions = actions.Count == 0 ? null : new SuggestedActions { Actions = actions },
        };
    }

    private static List<CardAction> Actions(Ticket ticket, Phrases p) => ticket.Status switch
    {
        TicketStatus.Resolved => [CardAction.ImBack(p.English ? "Rate" : "评价", $"{(p.English ? "rate" : "评价")} {ticket.Number}")],
        _ when ticket.Status.IsOpen() =>
        [
            CardAction.ImBack(p.English ? "Add information" : "补充材料", $"{(p.English ? "add" : "补充")} {ticket.Number}"),
            CardAction.ImBack(p.English ? "Withdraw" : "撤回诉求", $"{(p.English ? "withdraw" : "撤回")} {ticket.Number}"),
        ],
        _ => [],
    };

    public static string Query(string number, Phrases p) => p.English ? $"status {number}" : $"查询 {number}";

    private static string Due(Ticket t, DeskRules rules, Phrases p) =>
        t.Status.IsOpen() && t.ResolveDue is { } due ? (p.English ? $"｜due {rules.Calendar.Describe(due)}" : $"｜{rules.Calendar.Describe(due)}前办结") : "";

    /// <summary>A ticket number in a message ("yq2026-000123", full-width digits allowed), and a 查询码 after it if any.</summary>
    public static (string? Number, string? Code) Find(string? text)
    {
        var folded = (text ?? "").Normalize(System.Text.NormalizationForm.FormKC).ToUpperInvariant();
        var match = NumberAndCode().Match(folded);
        return match.Success ? (match.Groups["number"].Value, match.Groups["code"].Success ? match.Groups["code"].Value : null) : (null, null);
    }

    [GeneratedRegex(@"(?<number>[A-Z]{1,4}\d{4}-\d{6})(?:[\s,，:：;；]*(?:查询码|CODE)?[\s,，:：]*(?<code>[23456789A-HJKMNP-Z]{6})(?![0-9A-Z]))?")]
    private static partial Regex NumberAndCode();
}
