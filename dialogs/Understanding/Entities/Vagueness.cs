namespace Assistant.Dialogs.Understanding.Entities;

/// <summary>Indefinite quantities ("几十万", "两百多万", "二十多个", "20余辆", "一百来万", "好几万") are not slot values.</summary>
internal static class Vagueness
{
    private const string Digits = "一二两三四五六七八九";

    /// <summary>"三四百万", "三五百平": two digits side by side give a range, not a number.</summary>
    private static bool IsRange(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (Digits.Contains(text[i]) && Digits.Contains(text[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsVague(RequestText text, NumberMention number)
    {
        if (number.Text.AsSpan().IndexOfAny("多几余来") >= 0 || IsRange(number.Text))
        {
            return true;
        }

        var before = number.Start > 0 ? text.Normalized[number.Start - 1] : '\0';
        if (before is '几' or '数' or '好' || Digits.Contains(before) && number.Text.Length > 0 && Digits.Contains(number.Text[0]) || (before == '上' && number.Text.Length > 0 && number.Text[0] is '百' or '千' or '万'))
        {
            return true;
        }

        if (before is '到' or '至' or '-' or '~' && number.Start > 1 && (char.IsAsciiDigit(text.Normalized[number.Start - 2]) || text.Normalized[number.Start - 2] is '万' or '亿' or '平' or '亩' or '人' or '个'))
        {
            return true;
        }

        var next = text.NextNonSpace(number.End);
        if (next is '到' or '至' or '-' or '~')
        {
            return true;
        }

        return next is '多' or '余' or '几' || (next == '来' && !number.Text.EndsWith('万') && !number.Text.EndsWith('亿'));
    }

    /// <summary>The upper end of a range of people ("30到50人", "三四十个", "二三十人"): what a hiring request is sized by.
    /// Null for the lower end of a written range (the upper one follows) and for anything that is not a range.</summary>
    public static decimal? RangeTop(RequestText text, NumberMention number)
    {
        if (IsRange(number.Text))
        {
            var pair = Enumerable.Range(0, number.Text.Length - 1).First(i => Digits.Contains(number.Text[i]) && Digits.Contains(number.Text[i + 1]));
            return NumberReader.Read(number.Text.Remove(pair, 1), english: false) is [var top] ? top.Value : null;
        }

        if (number.Text.AsSpan().IndexOfAny("多几余来") >= 0)
        {
            return null;
        }

        var before = number.Start > 0 ? text.Normalized[number.Start - 1] : '\0';
        var written = before is '到' or '至' or '-' or '~' && number.Start > 1
            && (char.IsAsciiDigit(text.Normalized[number.Start - 2]) || Digits.Contains(text.Normalized[number.Start - 2]) || text.Normalized[number.Start - 2] == '十');
        var spoken = Digits.Contains(before) && number.Text.Length > 0 && Digits.Contains(number.Text[0]);
        return written || spoken ? number.Value : null;
    }
}
