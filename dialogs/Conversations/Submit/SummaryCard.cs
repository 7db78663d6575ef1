using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Conversations.Submit;

/// <summary>
/// The summary shown before filing, as a form: every stored detail on its own row, the labels in a column of their
/// own that never breaks, the value wrapping beside it, and 确认提交 as the one primary button. Each card carries
/// the draft's card version, so a button on an earlier card is answered instead of acted on. Plain text where
/// cards do not render.
/// </summary>
public static class SummaryCard
{
    public const string Submit = "submit";
    public const string Edit = "edit";
    public const string Cancel = "cancel";

    private static readonly HashSet<string> CardChannels = ["directline", "webchat", "msteams", "emulator"];

    public static Activity Build(Activity reply, RequestDraft draft, string department, Phrases p)
    {
        var facts = DraftRules.SummaryFields(draft)
            .Select(f => (Title: p.English ? f.English : f.Chinese, Value: DraftRules.Describe(draft, f, p)))
            .Where(f => f.Value is not null)
            .Select(f => (f.Title, Value: f.Value!))
            .Append((Title: p.English ? "Department" : "承办部门", Value: department))
            .ToList();
        var heading = p.English ? "Please check your request:" : "请核对您的诉求信息：";
        var text = heading + "\n" + string.Join("\n", facts.Select(f => $"{f.Title}：{f.Value}"))
            + (p.English ? "\n\nReply “confirm” to submit, or tell me what to change." : "\n\n确认无误请回复“确认提交”；需要修改可以直接告诉我，例如“金额改成300万”。");
        var buttons = Buttons(p);
        if (!CardChannels.Contains(reply.ChannelId ?? ""))
        {
            return reply with { Text = text, SuggestedActions = new SuggestedActions { Actions = buttons.Select(b => CardAction.ImBack(b.Title)).ToList() } };
        }

        var hint = Cards.TextBlock(p.English ? "Submit when it is right, or tell me what to change in your own words." : "核对无误后请点击“确认提交”；如需修改，可直接告诉我，例如“电话改成……”。", size: "Small");
        hint["isSubtle"] = true;
        var body = new JsonArray(Cards.TextBlock(heading, weight: "Bolder", size: "Medium"), hint);
        foreach (var (title, value) in facts)
        {
            body.Add(Row(title, value, p));
        }

        var card = new JsonObject
        {
            ["body"] = body,
            ["actions"] = new JsonArray(buttons.Select(b => (JsonNode)Action(b, draft.CardVersion)).ToArray()),
        };
        return reply with { Text = null, Summary = text, Attachments = [Cards.Adaptive(card)] };
    }

    public static IReadOnlyList<(string Title, string Action)> Buttons(Phrases p) =>
        [(p.English ? "Confirm" : "确认提交", Submit), (p.English ? "Change" : "修改", Edit), (p.English ? "Cancel" : "取消", Cancel)];

    /// <summary>The card version a button press came from, or null for typed words and cards without one.</summary>
    public static int? VersionOf(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("v", out var version) && version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var n) ? n : null;

    private static JsonObject Row(string title, string value, Phrases p) => new()
    {
        ["type"] = "ColumnSet",
        ["spacing"] = "Small",
        ["columns"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "Column",
                // Wide enough for 统一社会信用代码 in one line, so no label breaks mid-word.
                ["width"] = p.English ? "100px" : "120px",
                ["items"] = new JsonArray(Label(title)),
            },
            new JsonObject
            {
                ["type"] = "Column",
                ["width"] = "stretch",
                ["items"] = new JsonArray(Cards.TextBlock(value)),
            }),
    };

    private static JsonObject Label(string title)
    {
        var label = Cards.TextBlock(title, weight: "Bolder", wrap: false);
        label["isSubtle"] = true;
        return label;
    }

    private static JsonObject Action((string Title, string Action) button, int version)
    {
        var action = Cards.Submit(button.Title, new JsonObject { ["action"] = button.Action, ["v"] = version });
        if (button.Action == Submit)
        {
            action["style"] = "positive";
        }

        return action;
    }
}
