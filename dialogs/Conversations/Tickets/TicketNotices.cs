using System.Text.Json.Nodes;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Tickets;

namespace Assistant.Dialogs.Conversations.Tickets;

/// <summary>
/// What the enterprise is told in its chat when a ticket moves: one short, polite sentence when it is signed for,
/// re-dispatched, transferred or extended; the staff's question when materials are needed (with a button to answer);
/// an interim reply; and the outcome, followed by the rating question. Internal steps say nothing.
/// </summary>
public static class TicketNotices
{
    /// <param name="remindersOff">The user has 退订进度提醒: only the outcome, requests for material and interim replies.</param>
    public static IReadOnlyList<Activity> For(Ticket ticket, IReadOnlyList<object> events, DeskRules rules, bool remindersOff = false)
    {
        var p = Phrases.For(ticket.Conversation?.Locale);
        var number = ticket.Number;
        string Dept(string? id) => rules.DepartmentName(id, p.English);
        string When(DateTimeOffset at) => rules.Calendar.Describe(at, p.English);
        var notices = new List<Activity>();
        foreach (var e in events)
        {
            if (remindersOff && e is not (InformationRequested or InterimReplyGiven or TicketResolved))
            {
                continue;
            }

            Activity? notice = (e, p.English) switch
            {
                (TicketSignedFor s, false) => Text($"您的诉求 {number} 已由{Dept(s.By.DepartmentId)}签收，承办人员将尽快与您联系。"),
                (TicketSignedFor s, true) => Text($"Your request {number} has been accepted by {Dept(s.By.DepartmentId)}; they will contact you soon."),
                (TicketAssigned a, false) when a.At == ticket.SignedForAt =>
                    Text($"您的诉求 {number} 已由{Dept(a.Assignee.DepartmentId)}签收，承办人员将尽快与您联系。"),
                (TicketAssigned a, true) when a.At == ticket.SignedForAt =>
                    Text($"Your request {number} has been accepted by {Dept(a.Assignee.DepartmentId)}; they will contact you soon."),
                (InformationRequested r, false) => Ask(number, $"为办理您的诉求 {number}，承办部门请您补充：{Sentence(r.Request, "。")}\n\n请点击“补充材料”后回复或发送文件，也可以直接发送“补充 {number} 您要补充的内容”。", "补充材料", $"补充 {number}"),
                (InformationRequested r, true) => Ask(number, $"To handle {number}, the department asks you for: {Sentence(r.Request, ".")}\n\nPress \"Add information\" and reply or send files, or send \"add {number} <your text>\".", "Add information", $"add {number}"),
                (InterimReplyGiven r, false) => Text($"承办部门就您的诉求 {number} 答复：{Sentence(r.Reply, "。")}"),
                (InterimReplyGiven r, true) => Text($"The department's interim reply on {number}: {r.Reply}"),
                (TicketReturned, false) => Text($"您的诉求 {number} 正在重新确定承办部门，我们会尽快安排，请您耐心等待。"),
                (TicketReturned, true) => Text($"The responsible department for {number} is being re-determined; we will arrange it soon."),
                (TicketRedispatched r, false) => Text($"您的诉求 {number} 已安排{Dept(r.LeadDepartmentId)}办理，办结时限为{When(r.Deadlines.ResolveDue)}前。"),
                (TicketRedispatched r, true) => Text($"Your request {number} is now with {Dept(r.LeadDepartmentId)}, due {When(r.Deadlines.ResolveDue)}."),
                (TicketTransferred t, false) => Text($"您的诉求 {number} 已转由{Dept(t.ToDepartmentId)}办理，办结时限为{When(t.Deadlines.ResolveDue)}前。"),
                (TicketTransferred t, true) => Text($"Your request {number} was transferred to {Dept(t.ToDepartmentId)}, due {When(t.Deadlines.ResolveDue)}."),
                (ExtensionApproved x, false) => Text($"您的诉求 {number} 办理需要更多时间，经批准延期，预计{When(x.ResolveDue)}前办结，感谢您的理解。"),
                (ExtensionApproved x, true) => Text($"Handling {number} needs more time; it has been extended and is now due {When(x.ResolveDue)}."),
                (TicketReopened r, false) when r.By.Role != ActorRole.System => Text($"您的诉求 {number} 已安排重新办理，办结时限为{When(r.ResolveDue)}前。"),
                (TicketReopened r, true) when r.By.Role != ActorRole.System => Text($"Your request {number} will be handled again, due {When(r.ResolveDue)}."),
                (TicketResolved r, _) => Outcome(number, r.Outcome, p),
                _ => null,
            };
            if (notice is not null)
            {
                notices.Add(notice with { Locale = ticket.Conversation?.Locale });
            }
        }

        return notices;
    }

    private static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text };

    /// <summary>Staff's words as a sentence: closed with the stop when they end without punctuation.</summary>
    private static string Sentence(string text, string stop) =>
        text.Length > 0 && char.IsPunctuation(text[^1]) ? text : text + stop;

    private static Activity Ask(string number, string text, string button, string says) =>
        Text(text) with { SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack(button, says)] } };

    /// <summary>The outcome, and the rating question as a card whose buttons come back as {action: "rate"}.</summary>
    private static Activity Outcome(string number, string outcome, Phrases p)
    {
        JsonObject Rate(string title, Satisfaction rating) => Cards.Submit(title, new JsonObject { ["action"] = "rate", ["ticket"] = number, ["rating"] = rating.ToString() });
        var card = new JsonObject
        {
            ["body"] = new JsonArray(
                Cards.TextBlock(p.English ? $"Request {number} has been resolved" : $"您的诉求 {number} 已办结", weight: "Bolder", size: "Medium"),
                Cards.TextBlock((p.English ? "Outcome: " : "办理结果：") + outcome),
                Cards.TextBlock(p.English ? "How satisfied are you with the handling?" : "请您对办理结果进行评价：")),
            ["actions"] = new JsonArray(
                Rate(p.English ? "Satisfied" : "满意", Satisfaction.Satisfied),
                Rate(p.English ? "Basically satisfied" : "基本满意", Satisfaction.BasicallySatisfied),
                Rate(p.English ? "Dissatisfied" : "不满意", Satisfaction.Dissatisfied)),
        };
        var summary = p.English ? $"Request {number} has been resolved. Outcome: {outcome}" : $"您的诉求 {number} 已办结。办理结果：{outcome}";
        return new Activity { Type = ActivityTypes.Message, Summary = summary, Attachments = [Cards.Adaptive(card)] };
    }
}
