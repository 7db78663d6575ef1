using System.Text.Json.Nodes;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;

namespace Assistant.Dialogs.Conversations.Staff;

/// <summary>
/// A ticket as staff see it in Teams: number, enterprise, category, the request, each running deadline with the working
/// time left, and what the person it is for can do now, as Universal Actions (Action.Execute) that come back as card
/// actions: the department's staff sign for, handle, resolve and answer a 督办; leaders and dispatchers add a 督办. A card
/// names the Teams users who see it refreshed (<c>refresh.userIds</c>) whenever they look at it.
/// </summary>
public static class StaffCards
{
    public const string SignForVerb = "staff-sign-for";
    public const string ResolveVerb = "staff-resolve";
    public const string ReturnVerb = "staff-return";
    public const string ContactVerb = "staff-contact";
    public const string InformationVerb = "staff-request-information";
    public const string ExtensionVerb = "staff-extension";
    public const string SuperviseVerb = "staff-supervise";
    public const string AnswerSupervisionVerb = "staff-answer-supervision";
    public const string RefreshVerb = "staff-refresh";

    /// <summary>Teams refreshes a card automatically for at most this many named users.</summary>
    public const int MaxRefreshUsers = 60;

    /// <param name="headline">Why the card comes, above it ("新诉求，请及时签收", "红牌：已超过办结时限").</param>
    /// <param name="urgent">The headline in the attention colour (红牌, 督办).</param>
    /// <param name="viewer">Whom the card is for; null: the department's staff (a channel post, a typed command's answer).</param>
    /// <param name="refreshFor">The Teams user ids for whom Teams asks for the card as it now stands when they look at it.</param>
    public static Activity Ticket(
        Ticket ticket, DeskRules rules, DateTimeOffset now, string? link, string? note = null, string? headline = null, bool urgent = false,
        StaffMember? viewer = null, IReadOnlyList<string>? refreshFor = null)
    {
        var body = new JsonArray();
        if (headline is not null)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = headline, ["wrap"] = true, ["weight"] = "Bolder", ["color"] = urgent ? "Attention" : "Accent" });
        }

        body.Add(Cards.TextBlock($"{ticket.Number}　{rules.CategoryNames.GetValueOrDefault(ticket.Category, ticket.Category)}类诉求", weight: "Bolder", size: "Medium"));
        body.Add(Cards.FactSet(Facts(ticket, rules, now)));
        body.Add(Cards.TextBlock(Shorten(ticket.Text, 300)));
        if (note is not null)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = note, ["wrap"] = true, ["color"] = "Good", ["weight"] = "Bolder" });
        }

        var actions = new JsonArray();
        var handles = viewer is null || viewer.DepartmentId == ticket.LeadDepartmentId;
        if (handles && ticket.SupervisionAwaitingAnswer && ticket.Status is TicketStatus.Routed or TicketStatus.SignedFor or TicketStatus.Handling or TicketStatus.AwaitingInformation)
        {
            actions.Add(ShowCard("答复督办", AnswerSupervisionVerb, ticket, "answer", "答复督办意见（如：已约企业现场办公，本周五前办结）", "提交答复"));
        }

        if (handles && ticket.Status == TicketStatus.Routed)
        {
            actions.Add(Execute("签收", SignForVerb, ticket, primary: true));
            actions.Add(ShowCard("退单", ReturnVerb, ticket, "reason", "退单理由（如：不属于本部门职责，应由某部门办理）", "确认退单"));
        }
        else if (handles && ticket.Status is TicketStatus.SignedFor or TicketStatus.Handling)
        {
            actions.Add(ShowCard("办结", ResolveVerb, ticket, "outcome", "办理结果（将发送给企业）", "确认办结"));
            if (ticket.FirstContactAt is null)
            {
                actions.Add(ShowCard("联系企业", ContactVerb, ticket, "note", "联系情况（如：已电话联系刘经理，约定周三现场查看）", "记录联系"));
            }

            actions.Add(ShowCard("补充材料", InformationVerb, ticket, "request", "需要企业补充的材料或情况（将发送给企业）", "发送给企业"));
            if (ticket.PendingExtension is null)
            {
                actions.Add(Extension(ticket));
            }
        }

        if (viewer is not null && (viewer.Has(StaffRole.Leader) || viewer.Has(StaffRole.Dispatcher)) && ticket.Status is not (TicketStatus.Closed or TicketStatus.Withdrawn))
        {
            actions.Add(ShowCard("督办", SuperviseVerb, ticket, "instruction", "督办意见（如：请于本周内办结并报告）", "确认督办"));
        }

        if (link is not null)
        {
            actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "查看详情", ["url"] = link });
        }

        var card = new JsonObject { ["body"] = body, ["actions"] = actions };
        if (refreshFor is { Count: > 0 })
        {
            card["refresh"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = RefreshVerb, ["data"] = Data(RefreshVerb, ticket) },
                ["userIds"] = new JsonArray([.. refreshFor.Take(MaxRefreshUsers).Select(id => (JsonNode)JsonValue.Create(id)!)]),
            };
        }

        return new Activity { Type = ActivityTypes.Message, Attachments = [Cards.Adaptive(card)], Summary = $"{ticket.Number} {ticket.Enterprise.Name}" };
    }

    private static IEnumerable<(string, string)> Facts(Ticket ticket, DeskRules rules, DateTimeOffset now)
    {
        yield return ("企业", ticket.Enterprise.Name);
        yield return ("联系人", $"{ticket.Contact.Name} {ticket.Contact.Phone}".Trim());
        yield return ("状态", ticket.Status.ToChinese() + (ticket.AssigneeName is { } who ? $"（{who}）" : ""));
        if (ticket.Urgent)
        {
            yield return ("紧急程度", "急");
        }

        foreach (var (stage, due) in WarnTicket.RunningClocks(ticket))
        {
            var left = now >= due
                ? $"已超期{rules.Calendar.DescribeWorkingTime(rules.Calendar.WorkingMinutesBetween(due, now))}"
                : $"剩余{rules.Calendar.DescribeWorkingTime(rules.Calendar.WorkingMinutesBetween(now, due))}";
            yield return (StageName(stage), $"{rules.Calendar.Describe(due)}前（{left}）");
        }
    }

    public static string StageName(DeadlineStage stage) => stage switch
    {
        DeadlineStage.SignFor => "签收时限",
        DeadlineStage.FirstContact => "联系时限",
        _ => "办结时限",
    };

    /// <summary>"办理结果（将发送给企业）" → "办理结果": what an input asks for, for its error message.</summary>
    private static string Subject(string placeholder) => placeholder.IndexOfAny(['（', '，']) is > 0 and var end ? placeholder[..end] : placeholder;

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "……";

    private static JsonObject Data(string verb, Ticket ticket) => new() { ["action"] = verb, ["ticket"] = ticket.Number };

    private static JsonObject Execute(string title, string verb, Ticket ticket, bool primary = false)
    {
        var action = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb, ["data"] = Data(verb, ticket) };
        if (primary)
        {
            action["style"] = "positive";
        }

        return action;
    }

    /// <summary>申请延期: how many working days and why, for the head or a dispatcher to approve.</summary>
    private static JsonObject Extension(Ticket ticket) => new()
    {
        ["type"] = "Action.ShowCard",
        ["title"] = "申请延期",
        ["card"] = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JsonArray
            {
                new JsonObject { ["type"] = "Input.Number", ["id"] = "days", ["label"] = "延期工作日数", ["min"] = 1, ["max"] = 30, ["value"] = 3, ["isRequired"] = true, ["errorMessage"] = "请填写 1 到 30 个工作日" },
                new JsonObject { ["type"] = "Input.Text", ["id"] = "reason", ["label"] = "延期理由", ["placeholder"] = "如：需协调多个部门现场踏勘", ["isMultiline"] = true, ["maxLength"] = 500, ["isRequired"] = true, ["errorMessage"] = "请填写延期理由" },
            },
            ["actions"] = new JsonArray { Execute("提交申请", ExtensionVerb, ticket, primary: true) },
        },
    };

    /// <summary>A button that opens a text input on the card and an Action.Execute that sends it.</summary>
    private static JsonObject ShowCard(string title, string verb, Ticket ticket, string input, string placeholder, string confirm) => new()
    {
        ["type"] = "Action.ShowCard",
        ["title"] = title,
        ["card"] = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JsonArray
            {
                new JsonObject { ["type"] = "Input.Text", ["id"] = input, ["placeholder"] = placeholder, ["isMultiline"] = true, ["maxLength"] = 1000, ["isRequired"] = true, ["errorMessage"] = "请填写" + Subject(placeholder) },
            },
            ["actions"] = new JsonArray { Execute(confirm, verb, ticket, primary: true) },
        },
    };
}
