namespace Assistant.Dialogs.Understanding;

/// <summary>Chinese unless the message is (nearly) all English; mixed messages are Chinese with English words.</summary>
internal static class Language
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";

    public static string Detect(string text)
    {
        var cjk = 0;
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (TextNormalizer.IsCjk(c))
            {
                cjk++;
            }

            var letter = char.IsAsciiLetter(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words >= 2 && cjk * 2 < words ? English : Chinese;
    }
}
