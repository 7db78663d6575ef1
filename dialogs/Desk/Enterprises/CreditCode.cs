using System.Text;

namespace Assistant.Dialogs.Desk.Enterprises;

/// <summary>统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17.</summary>
public static class CreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Full-width characters to half-width, spaces removed, letters upper-case.</summary>
    public static string Normalize(string code) =>
        new(code.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());

    public static bool IsValid(string code) => Check(Normalize(code)) is null;

    /// <summary>Null when the (normalised) code is valid, otherwise a polite explanation in Chinese.</summary>
    public static string? Check(string code)
    {
        if (code.Length != 18)
        {
            return $"统一社会信用代码应为18位，您输入的是{code.Length}位，请核对。";
        }

        var wrong = code.FirstOrDefault(c => !Alphabet.Contains(c));
        if (wrong != default)
        {
            return wrong is 'I' or 'O' or 'S' or 'V' or 'Z'
                ? $"统一社会信用代码中不使用字母“{wrong}”（不含 I、O、S、V、Z），请核对是否把数字输成了字母。"
                : $"统一社会信用代码中不应出现“{wrong}”，只包含数字和大写英文字母，请核对。";
        }

        if (!code.AsSpan(2, 6).ContainsOnlyDigits())
        {
            return "统一社会信用代码第3至8位是行政区划代码，应为数字，请核对。";
        }

        return code[17] == CheckCharacter(code)
            ? null
            : "统一社会信用代码的校验位不符，可能有字符输错，请对照营业执照核对后重新输入。";
    }

    public static char CheckCharacter(string code)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(code[i], StringComparison.Ordinal) * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
