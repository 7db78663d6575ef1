using System.Text.RegularExpressions;

namespace Assistant.Dialogs.Understanding.Entities;

/// <summary>统一社会信用代码 as written; validity by <see cref="Desk.Enterprises.CreditCode"/> (GB 32100-2015).</summary>
internal static partial class CreditCodeReader
{
    public static Mention<string>? Read(RequestText text)
    {
        var labelled = Labelled().Match(text.Normalized);
        if (labelled.Success)
        {
            var code = labelled.Groups["code"];
            return new Mention<string>(text.Verbatim(code.Index, code.Index + code.Length), code.Index, code.Index + code.Length, 2);
        }

        var bare = Bare().Match(text.Normalized);
        return bare.Success && bare.Value.Count(char.IsAsciiDigit) >= 8
            ? new Mention<string>(text.Verbatim(bare.Index, bare.Index + bare.Length), bare.Index, bare.Index + bare.Length, 1)
            : null;
    }

    public static bool IsValid(string code) => Desk.Enterprises.CreditCode.IsValid(code);

    /// <summary>After its label a code is taken even with a wrong length or a space, so the user can be told what is wrong.</summary>
    [GeneratedRegex(@"(信用代码|信用码|税号|credit\s+code|uscc)\s*(是|为|:)?\s*(?<code>[0-9a-z](?:[0-9a-z]|[\s-](?=[0-9])){14,21})(?![0-9a-z])")]
    private static partial Regex Labelled();

    [GeneratedRegex(@"(?<![0-9a-z])[1-9any][0-9a-z]{17}(?![0-9a-z])")]
    private static partial Regex Bare();
}
