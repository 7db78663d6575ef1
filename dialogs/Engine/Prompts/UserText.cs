using System.Text;

namespace Assistant.Dialogs.Engine;

/// <summary>How typed answers are compared: full-width to half-width, lower case, no spaces or closing punctuation.</summary>
public static class UserText
{
    private static readonly char[] Trailing = ['。', '！', '？', '!', '?', '.', '，', ',', '~', '～', '…', '、', ' ', '；', ';', '"', '“', '”'];

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var folded = text.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
        return folded.Trim(Trailing).Replace(" ", "", StringComparison.Ordinal);
    }
}
