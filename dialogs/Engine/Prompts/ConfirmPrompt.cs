using Assistant.Dialogs.Turns;

namespace Assistant.Dialogs.Engine;

/// <summary>Yes or no, as people say it in Chinese or English; offers 是 / 否 as buttons.</summary>
public sealed class ConfirmPrompt(string id, PromptValidator<bool>? validator = null) : Prompt<bool>(id, validator)
{
    private static readonly HashSet<string> Yes =
    [
        "是", "是的", "对", "对的", "好", "好的", "好啊", "可以", "行", "行的", "没问题", "确认", "确定", "同意", "需要", "要", "嗯", "嗯嗯",
        "对头", "没错", "正确", "提交", "确认提交", "yes", "y", "yeah", "yep", "ok", "okay", "sure", "confirm", "correct", "1",
    ];

    private static readonly HashSet<string> No =
    [
        "否", "不", "不是", "不对", "不用", "不用了", "不要", "不需要", "不行", "不可以", "错了", "有误", "没有", "暂时不用", "先不用",
        "no", "n", "nope", "not", "wrong", "2",
    ];

    public static bool? Recognize(string? text)
    {
        var said = UserText.Normalize(text);
        if (Yes.Contains(said))
        {
            return true;
        }

        if (No.Contains(said))
        {
            return false;
        }

        // "是的，没问题" / "不用了谢谢": judge by how the answer starts, negatives first (不是 starts with 不).
        if (No.Where(n => n.Length > 1 && char.IsLetter(n[0]) == false).Any(n => said.StartsWith(n, StringComparison.Ordinal)) || said.StartsWith('不'))
        {
            return false;
        }

        return Yes.Where(y => y.Length > 0 && !char.IsAsciiLetterOrDigit(y[0])).Any(y => said.StartsWith(y, StringComparison.Ordinal)) ? true : null;
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognize(TurnContext turn, PromptOptions options, CancellationToken cancellation) =>
        Task.FromResult(Recognize(turn.Activity.Text) is { } answer
            ? new PromptRecognizerResult<bool>(true, answer)
            : PromptRecognizerResult<bool>.Failed);

    protected override Activities.Activity Decorate(TurnContext turn, Activities.Activity prompt, PromptOptions options) =>
        base.Decorate(turn, prompt, options.Choices is null ? options with { Choices = turn.IsEnglish ? [new("Yes"), new("No")] : [new("是"), new("否")] } : options);
}
