using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace Assistant.Dialogs.Understanding.Entities;

/// <summary>A number as written ("三十", "５００万", "1.2亿") and its value.</summary>
internal sealed record NumberMention(int Start, int End, decimal Value, string Text);

/// <summary>
/// Microsoft.Recognizers.Text number models, built once: building them compiles hundreds of expressions and takes
/// most of a second, parsing afterwards takes well under a millisecond.
/// </summary>
internal static class NumberReader
{
    private static readonly Lazy<IModel> Chinese = new(() =>
        new NumberRecognizer(Culture.Chinese, NumberOptions.None, lazyInitialization: false).GetNumberModel());

    private static readonly Lazy<IModel> English = new(() =>
        new NumberRecognizer(Culture.English, NumberOptions.None, lazyInitialization: false).GetNumberModel());

    /// <summary>Builds the models now instead of on the first message.</summary>
    public static void Warm()
    {
        _ = Chinese.Value.Parse("一千二百万");
        _ = English.Value.Parse("five million");
    }

    /// <summary>Numbers in a normalised (half-width) text; offsets are offsets in that text.</summary>
    public static IReadOnlyList<NumberMention> Read(string normalized, bool english)
    {
        var model = english ? English.Value : Chinese.Value;
        var mentions = new List<NumberMention>();
        foreach (var result in model.Parse(normalized))
        {
            if (result.TypeName != "number" || result.Resolution is null
                || !result.Resolution.TryGetValue("value", out var raw)
                || !decimal.TryParse(raw?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var text = normalized.Substring(result.Start, result.End - result.Start + 1).TrimEnd();
            mentions.Add(new NumberMention(result.Start, result.Start + text.Length, value, text));
        }

        return mentions;
    }
}
