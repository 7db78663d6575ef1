using System.Text.RegularExpressions;

namespace Assistant.Dialogs.Conversations.Submit;

/// <summary>A field the user set, corrected or cleared in words; <see cref="Value"/> is null when clearing.</summary>
public sealed record FieldChange(string Slot, string? Value, bool Explicit);

/// <summary>
/// Corrections in words: "联系人换成李工", "贷款改成600万吧，另外300万我们自筹" (the value the correction names, not the
/// other number), "地址不对，是新北区", "不需要时限", "没有信用代码". Only the words are read here; whether a value fits
/// its field is decided when it is taken into the draft.
/// </summary>
public static partial class Corrections
{
    private static readonly string FieldAlternation = string.Join("|", FieldWords.All.Select(Regex.Escape));

    private static readonly Regex SetPattern = new(
        $"(?<field>{FieldAlternation})(?:也|就|还是|应该|应当|需要|请|帮我)?(?<verb>改成|改为|改一下|改到|换成|换为|更正为|更改为|修改为|调整为|变成|写成|填成|应该是|应为|其实是|是|为|：|:)\\s*(?<value>[^，,。；;！!？?\\n]+)",
        RegexOptions.CultureInvariant);

    private static readonly Regex WrongPattern = new(
        $"(?<field>{FieldAlternation})(?:不对|错了|有误|写错了|说错了|填错了|搞错了)[，,\\s]*(?:应该|应当|其实)?(?:是|为|改成|换成)?\\s*(?<value>[^，,。；;！!？?\\n]+)",
        RegexOptions.CultureInvariant);

    private static readonly Regex ClearBefore = new(
        $"(?:不需要|不用|没有|无|不要|去掉|删掉|删除|取消|清空|不填|不写)(?:写|填|什么|特别的?)?(?<field>{FieldAlternation})(?:要求|限制)?(?=$|[，,。；;！!？?\\n了吧啊])",
        RegexOptions.CultureInvariant);

    private static readonly Regex ClearAfter = new(
        $"(?<field>{FieldAlternation})(?:就|也|先|可以)?(?:不需要了?|不用了?|不要了?|没有了?|去掉|删掉|删了|不填了?|不写了?|空着|不用填|不用写|没要求|没有要求|无所谓|随便)(?=$|[，,。；;！!？?\\n吧啊])",
        RegexOptions.CultureInvariant);

    private static readonly Regex CorrectionCue = new("不对|错了|有误|说错|写错|填错|搞错|改成|改为|换成|换为|更正|更改|修改|调整为|变成|其实是|应该是", RegexOptions.CultureInvariant);

    /// <summary>Whether the message says that something was wrong or is to be changed.</summary>
    public static bool HasCue(string text) => CorrectionCue.IsMatch(text);

    public static IReadOnlyList<FieldChange> In(string text, string? category)
    {
        var changes = new List<FieldChange>();
        var cue = HasCue(text);
        foreach (Match m in ClearBefore.Matches(text).Concat(ClearAfter.Matches(text)))
        {
            Add(changes, FieldWords.Slot(m.Groups["field"].Value, category), null, true);
        }

        foreach (Match m in WrongPattern.Matches(text))
        {
            Add(changes, FieldWords.Slot(m.Groups["field"].Value, category), Value(m, text), true);
        }

        foreach (Match m in SetPattern.Matches(text))
        {
            var verb = m.Groups["verb"].Value;
            // "公司是做大数据的" is not a correction; "电话是138…" may set a field, and is checked against it.
            var plain = verb is "是" or "为" or "：" or ":";
            Add(changes, FieldWords.Slot(m.Groups["field"].Value, category), Value(m, text), !plain || cue);
        }

        return changes;
    }

    /// <summary>"不是500万，是300万" / "不是周三是周五": the value after the denial, for a field its kind decides.</summary>
    public static string? Replacement(string text)
    {
        var match = ReplacementPattern().Match(text);
        return match.Success ? Clauses.Bare(match.Groups["value"].Value) : null;
    }

    private static void Add(List<FieldChange> changes, string? slot, string? value, bool isExplicit)
    {
        if (slot is null || changes.Any(c => c.Slot == slot))
        {
            return;
        }

        if (value is not null && value.Length == 0)
        {
            return;
        }

        changes.Add(new FieldChange(slot, value, isExplicit));
    }

    private static string Value(Match m, string text)
    {
        var value = Clauses.Bare(m.Groups["value"].Value);
        // "联系人就是我，姓刘": the person is named further on.
        if (value is "我" or "本人" or "我自己" or "我本人" && SelfName().Match(text, m.Index) is { Success: true } name)
        {
            return name.Groups["name"].Value;
        }

        return value;
    }

    [GeneratedRegex("(?:我姓|姓|我叫|叫我)(?<name>[\\u4e00-\\u9fff]{1,3}?(?:先生|女士|经理|总|工|主任)?)(?=$|[\\s，,。；;！!？?\\d电手联就])")]
    private static partial Regex SelfName();

    [GeneratedRegex("不是[^，,。；;！!？?\\n]{1,20}?[，,]?\\s*(?:而)?是(?<value>[^，,。；;！!？?\\n]{1,30})")]
    private static partial Regex ReplacementPattern();
}
