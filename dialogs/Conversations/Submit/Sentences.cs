namespace Assistant.Dialogs.Conversations.Submit;

/// <summary>Sentences put together into one reply without doubled marks ("？。", "！。") or missing ones.</summary>
public static class Sentences
{
    private const string Closing = "。！？.!?：:";

    public static string Join(bool english, params IEnumerable<string?> parts)
    {
        var sentences = parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Close(p!.Trim(), english));
        return string.Join(english ? " " : "", sentences);
    }

    /// <summary>The sentence with exactly one closing mark: its own when it has one, otherwise a full stop.</summary>
    public static string Close(string sentence, bool english)
    {
        var trimmed = sentence.TrimEnd();
        while (trimmed.Length > 1 && Closing.Contains(trimmed[^1], StringComparison.Ordinal) && Closing.Contains(trimmed[^2], StringComparison.Ordinal))
        {
            // "？。" → "？": the first mark is what the writer meant.
            trimmed = trimmed[..^1];
        }

        trimmed = trimmed.TrimEnd('，', ',', '；', ';', '、');
        // "大约需要多少资金？（例如：300万元）" is closed by its question mark before the example.
        var end = trimmed.Length > 0 && trimmed[^1] is '）' or ')' && trimmed.LastIndexOfAny(['（', '(']) is > 0 and var open ? trimmed[..open].TrimEnd() : trimmed;
        return end.Length > 0 && Closing.Contains(end[^1], StringComparison.Ordinal) ? trimmed : trimmed + (english ? "." : "。");
    }
}
