namespace Assistant.Dialogs.Understanding.Entities;

/// <summary>A message as typed and in its normalised form (same length), with its numbers and clause bounds.</summary>
internal sealed class RequestText
{
    private readonly Lazy<IReadOnlyList<NumberMention>> _numbers;

    public RequestText(string original, bool english)
    {
        Original = original;
        var listed = TextNormalizer.Listed(original);
        Normalized = Homophones.Mend(listed);
        Guessed = TextNormalizer.Guessed(listed, Normalized);
        English = english;
        _numbers = new(() => NumberReader.Read(Normalized, English));
    }

    public string Original { get; }

    public string Normalized { get; }

    /// <summary>Where <see cref="Normalized"/> holds a character guessed from its sound, not one typed or listed.</summary>
    public IReadOnlySet<int> Guessed { get; }

    public bool English { get; }

    public IReadOnlyList<NumberMention> Numbers => _numbers.Value;

    public string Verbatim(int start, int end) => Original[start..end];

    public string Before(int position, int max)
    {
        var start = position;
        while (start > 0 && position - start < max && !IsClauseEnd(Normalized[start - 1]))
        {
            start--;
        }

        return Normalized[start..position];
    }

    public string SentenceBefore(int position, int max)
    {
        var start = position;
        while (start > 0 && position - start < max && !IsSentenceEnd(Normalized[start - 1]))
        {
            start--;
        }

        return Normalized[start..position];
    }

    public string After(int position, int max)
    {
        var end = position;
        while (end < Normalized.Length && end - position < max && !IsClauseEnd(Normalized[end]))
        {
            end++;
        }

        return Normalized[position..end];
    }

    public char NextNonSpace(int position)
    {
        while (position < Normalized.Length && Normalized[position] == ' ')
        {
            position++;
        }

        return position < Normalized.Length ? Normalized[position] : '\0';
    }

    public string Between(int start, int end) => start < end ? Normalized[start..end] : "";

    private static bool IsSentenceEnd(char c) => c is '。' or '!' or '?' or ';' or '\n';

    private static bool IsClauseEnd(char c) => c is '，' or ',' or '。' or '！' or '!' or '？' or '?' or '；' or ';' or '\n';
}
