using System.Text;

namespace Assistant.Dialogs.Understanding;

/// <summary>One form for matching: half-width, simplified, lower-case ASCII, typos mended (listed ones, then slips of pinyin
/// input guessed from their sound). Every step keeps the length,
/// so an offset in the normalised text is one in what the user typed and verbatim slots are cut from the original.</summary>
internal static class TextNormalizer
{
    /// <summary>The first pass: only the slips somebody listed. <see cref="Homophones.Mend"/> then adds the guesses from sound.</summary>
    public static string Listed(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Fold(chars[i]);
        }

        return Typos.Mend(new string(chars));
    }

    /// <summary>Where the normalised text holds a character guessed from its sound, not the one in the listed form.</summary>
    public static IReadOnlySet<int> Guessed(string listed, string normalized)
    {
        if (ReferenceEquals(listed, normalized))
        {
            return new HashSet<int>();
        }

        var guessed = new HashSet<int>();
        for (var i = 0; i < listed.Length; i++)
        {
            if (listed[i] != normalized[i])
            {
                guessed.Add(i);
            }
        }

        return guessed;
    }

    /// <summary>Full-width forms to ASCII, ideographic space to space, traditional to simplified, ASCII lower-case.</summary>
    public static char Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }
        else if (c is '\u3000' or '\u00A0')
        {
            c = ' ';
        }
        else if (Traditional.Map.TryGetValue(c, out var simple))
        {
            c = simple;
        }

        return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
    }

    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>Half-width only (no typo mending), for digits and codes people type in full-width.</summary>
    public static string HalfWidth(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c == '\u3000' ? ' ' : c);
        }

        return builder.ToString();
    }
}
