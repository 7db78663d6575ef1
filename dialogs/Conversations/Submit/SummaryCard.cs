using System.Text.Json.Nodes;
using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Conversations.Submit;

/// <summary>The summary shown before filing: an Adaptive Card where cards render, plain text everywhere.</summary>
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
            .Select(f => (f.Title, f.Value!))
            .Append((p.English ? "Department" : "承办部门", department))
            .ToList();
        var heading = p.English ? "Please check your request:" : "请核对您的诉求信息：";
        var text = heading + "\n" + string.Join("\n", facts.Select(f => $"{f.Item1}：{f.Item2}"))
            + (p.English ? "\n\nReply “confirm” to submit, or tell me what to change." : "\n\n确认无误请回复“确认提交”；需要修改可以直接告诉我，例如“金额改成300万”。");
        var buttons = Buttons(p);
        if (!CardChannels.Contains(reply.ChannelId ?? ""))
        {
            return reply with { Text = text, SuggestedActions = new SuggestedActions { Actions = buttons.Select(b => CardAction.ImBack(b.Title)).ToList() } };
        }

        var card = new JsonObject
        {
            ["body"] = new JsonArray(Cards.TextBlock(heading, weight: "Bolder", size: "Medium"), Cards.FactSet(facts)),
            ["actions"] = new JsonArray(buttons.Select(b => (JsonNode)Cards.Submit(b.Title, new JsonObject { ["action"] = b.Action })).ToArray()),
        };
        return reply with { Text = null, Summary = text, Attachments = [Cards.Adaptive(card)] };
    }

    public static IReadOnlyList<(string Title, string Action)> Buttons(Phrases p) =>
        [(p.English ? "Confirm" : "确认提交", Submit), (p.English ? "Change" : "修改", Edit), (p.English ? "Cancel" : "取消", Cancel)];
}
