using System.Globalization;
using System.Text;
using Assistant.Dialogs.Turns;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace Assistant.Dialogs.Engine;

/// <summary>A number as people write it: 三十, 两百, ５００, 1.2万, 3,000, "about 40".</summary>
public sealed class NumberPrompt(string id, PromptValidator<decimal>? validator = null) : Prompt<decimal>(id, validator)
{
    protected override Task<PromptRecognizerResult<decimal>> OnRecognize(TurnContext turn, PromptOptions options, CancellationToken cancellation) =>
        Task.FromResult(ChineseNumbers.First(turn.Activity.Text, turn.IsEnglish) is { } value
            ? new PromptRecognizerResult<decimal>(true, value)
            : PromptRecognizerResult<decimal>.Failed);
}

/// <summary>Numbers in text through Microsoft.Recognizers.Text; the models are built once, they are slow to create.</summary>
public static class ChineseNumbers
{
    private static readonly Lazy<IModel> Chinese = new(() => new NumberRecognizer(Culture.Chinese).GetNumberModel());
    private static readonly Lazy<IModel> English = new(() => new NumberRecognizer(Culture.English).GetNumberModel());

    public static decimal? First(string? text, bool english = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var model = english ? English.Value : Chinese.Value;
        foreach (var result in model.Parse(text.Normalize(NormalizationForm.FormKC)))
        {
            if (result.Resolution is { } resolution && resolution.TryGetValue("value", out var value)
                && decimal.TryParse(value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        return null;
    }
}
