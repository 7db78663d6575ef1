using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace Assistant.Dialogs.Understanding.Entities;

/// <summary>A number as written ("三十", "５００万", "1.2亿") and its value.</summary>
internal sealed record NumberMention(int Start, int End, decimal Value, string Text);

/// <summary>Microsoft.Recognizers.Text number models, built once: building them compiles hundreds of expressions and takes
/// most of a second, parsing afterwards takes well under a millisecond.</summary>
internal static class NumberReader
{
    private static readonly Lazy<IModel> Chinese = new(() =>
        new NumberRecognizer(Culture.Chinese, NumberOptions.None, lazyInitialization: false).GetNumberModel());

    private static readonly Lazy<IModel> English = new(() =>
        new NumberRecognizer(Culture.English, NumberOptions.None, lazyInitialization: false).GetNumberModel());

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
        foreach (var result in model.Parse(english ? normalized : MaskLettersBesideDigits(normalized)))
        {
            if (result.TypeName != "number" || result.Resolution is null
                || !result.Resolution.TryGetValue("value", out var raw)
                || !decimal.TryParse(raw?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var text = normalized.Substring(result.Start, result.End - result.Start + 1).TrimEnd();
            var end = result.Start + text.Length;
            if (text[0] is '万' or '亿')
            {
                // "万一出事": a word, not a number.
                continue;
            }

            if (IsWanYi(text, normalized, end))
            {
                // "80万一直不还": 万一 is "in case", not eighty thousand and one.
                text = text[..^1];
                end--;
                value = Read(text, english) is [var first, ..] ? first.Value : value;
            }

            mentions.Add(new NumberMention(result.Start, end, value, text));
        }

        return mentions;
    }

    /// <summary>The Chinese model gives up on the whole text when a digit meets a Latin letter ("20B", a credit code's
    /// "MA20BQ"), so such letters are hidden from it; offsets stay the same.</summary>
    private static string MaskLettersBesideDigits(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiLetter(text[i]) && (i > 0 && char.IsAsciiDigit(text[i - 1]) || i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    private static bool IsWanYi(string text, string normalized, int end) =>
        text.Length > 2 && text[^2] == '万' && text[^1] == '一' && end < normalized.Length && TextNormalizer.IsCjk(normalized[end]);
}
