using System.Text.Json;
using System.Text.RegularExpressions;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;

namespace Assistant.Dialogs.Conversations.Staff;

public enum StaffVerb
{
    Help,
    MyWork,
    AwaitingSignFor,
    SignFor,
    Resolve,
    Return,
    Contact,
    RequestInformation,
    Extension,
    Supervise,
    AnswerSupervision,

    /// <summary>Teams asks for a card as it now stands (refresh.userIds): the card is replaced, nothing is said.</summary>
    Refresh,
}

/// <summary>
/// What a staff member asks for in chat: typed (我的待办, 待签收, 签收 编号, 办结 编号 处理结果, 退单 编号 理由, 督办 编号 意见,
/// 答复督办 编号 答复) or a card's button.
/// </summary>
public sealed partial record StaffCommand(StaffVerb Verb, string? Number = null, string? Text = null, bool FromCard = false)
{
    public static StaffCommand Of(Activity activity)
    {
        if (activity.Value is { ValueKind: JsonValueKind.Object } value && Field(value, "action") is { } action)
        {
            var number = Field(value, "ticket");
            return action switch
            {
                StaffCards.SignForVerb => new(StaffVerb.SignFor, number, FromCard: true),
                StaffCards.ResolveVerb => new(StaffVerb.Resolve, number, Field(value, "outcome"), FromCard: true),
                StaffCards.ReturnVerb => new(StaffVerb.Return, number, Field(value, "reason"), FromCard: true),
                StaffCards.ContactVerb => new(StaffVerb.Contact, number, Field(value, "note"), FromCard: true),
                StaffCards.InformationVerb => new(StaffVerb.RequestInformation, number, Field(value, "request"), FromCard: true),
                StaffCards.ExtensionVerb => new(StaffVerb.Extension, number, Field(value, "reason"), FromCard: true) { Days = DaysIn(value) },
                StaffCards.SuperviseVerb => new(StaffVerb.Supervise, number, Field(value, "instruction"), FromCard: true),
                StaffCards.AnswerSupervisionVerb => new(StaffVerb.AnswerSupervision, number, Field(value, "answer"), FromCard: true),
                StaffCards.RefreshVerb => new(StaffVerb.Refresh, number, FromCard: true),
                _ => new(StaffVerb.Help),
            };
        }

        var text = (activity.Text ?? "").Trim();
        var said = UserText.Normalize(text);
        if (said is "我的待办" or "待办" or "我的工单" or "mywork" or "todo")
        {
            return new(StaffVerb.MyWork);
        }

        if (said is "待签收" or "待签收诉求" or "新诉求" or "unsigned")
        {
            return new(StaffVerb.AwaitingSignFor);
        }

        if (Typed().Match(text) is { Success: true } m)
        {
            var rest = m.Groups["rest"].Value.Trim().TrimStart('：', ':', '，', ',').Trim();
            var verb = m.Groups["verb"].Value switch
            {
                "签收" => StaffVerb.SignFor,
                "办结" => StaffVerb.Resolve,
                "督办" => StaffVerb.Supervise,
                "答复督办" => StaffVerb.AnswerSupervision,
                _ => StaffVerb.Return,
            };
            return new(verb, m.Groups["number"].Value.ToUpperInvariant(), rest.Length > 0 ? rest : null);
        }

        return new(StaffVerb.Help);
    }

    /// <summary>The working days of an extension, as Input.Number sends them (a number, or a string from some clients).</summary>
    public int? Days { get; init; }

    private static int? DaysIn(JsonElement value) =>
        !value.TryGetProperty("days", out var days) ? null
        : days.ValueKind == JsonValueKind.Number && days.TryGetInt32(out var n) ? n
        : days.ValueKind == JsonValueKind.String && int.TryParse(days.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m
        : null;

    private static string? Field(JsonElement value, string name) =>
        value.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.String && field.GetString() is { } s && s.Trim().Length > 0 ? s.Trim() : null;

    [GeneratedRegex(@"^\s*(?<verb>签收|办结|退单|答复督办|督办)\s*[:：]?\s*(?<number>[A-Za-z]{1,4}\d{4}-\d{6,})(?<rest>[\s\S]*)$")]
    private static partial Regex Typed();
}
