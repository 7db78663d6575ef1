using System.Text.RegularExpressions;
using Assistant.Dialogs.Turns;

namespace Assistant.Dialogs.Engine;

/// <summary>
/// One of a list of choices: by its title, a synonym, its number ("2", "第二个"), or a message that names exactly
/// one of them ("我要查询进度").
/// </summary>
public sealed partial class ChoicePrompt(string id, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(id, validator)
{
    private static readonly string[] Ordinals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    public static FoundChoice? Recognize(string? text, IReadOnlyList<Choice> choices)
    {
        var said = UserText.Normalize(text);
        if (said.Length == 0)
        {
            return null;
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (UserText.Normalize(choices[i].Value) == said)
            {
                return new FoundChoice(choices[i].Value, i, "title");
            }

            if (choices[i].Synonyms?.FirstOrDefault(s => UserText.Normalize(s) == said) is { } synonym)
            {
                return new FoundChoice(choices[i].Value, i, synonym);
            }
        }

        if (Ordinal(said) is { } index && index >= 0 && index < choices.Count)
        {
            return new FoundChoice(choices[index].Value, index, "number");
        }

        var named = choices
            .Select((c, i) => (Choice: c, Index: i, Word: (c.Synonyms ?? []).Prepend(c.Value).Select(UserText.Normalize).FirstOrDefault(w => w.Length > 1 && said.Contains(w, StringComparison.Ordinal))))
            .Where(x => x.Word is not null)
            .ToList();
        return named.Count == 1 ? new FoundChoice(named[0].Choice.Value, named[0].Index, named[0].Word!) : null;
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognize(TurnContext turn, PromptOptions options, CancellationToken cancellation) =>
        Task.FromResult(Recognize(turn.Activity.Text, options.Choices ?? []) is { } found
            ? new PromptRecognizerResult<FoundChoice>(true, found)
            : PromptRecognizerResult<FoundChoice>.Failed);

    private static int? Ordinal(string said)
    {
        var match = OrdinalPattern().Match(said);
        if (!match.Success)
        {
            return null;
        }

        var n = match.Groups["n"].Value;
        return int.TryParse(n, out var number) ? number - 1 : Array.IndexOf(Ordinals, n) is >= 0 and var i ? i : null;
    }

    [GeneratedRegex("^(第|选)?(?<n>[0-9]{1,2}|[一二三四五六七八九十])(个|项|条|号)?$")]
    private static partial Regex OrdinalPattern();
}
