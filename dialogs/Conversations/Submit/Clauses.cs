using System.Text;

namespace Assistant.Dialogs.Conversations.Submit;

/// <summary>A message cut where a Chinese (or English) writer pauses, each clause with the mark that ended it.</summary>
public static class Clauses
{
    private const string Marks = "，,。；;！!？?\n";

    public static IReadOnlyList<string> Of(string text)
    {
        var clauses = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (Marks.Contains(c, StringComparison.Ordinal))
            {
                current.Append(c);
                Add(clauses, current);
                continue;
            }

            current.Append(c);
        }

        Add(clauses, current);
        return clauses;
    }

    /// <summary>The clause without its closing mark and the soft particles people end a spoken clause with.</summary>
    public static string Bare(string clause) => clause.Trim().TrimEnd('，', ',', '。', '.', '；', ';', '！', '!', '？', '?', ' ').TrimEnd('吧', '啊', '哈', '呀', '哦', '啦', '嘛').Trim();

    private static void Add(List<string> clauses, StringBuilder current)
    {
        var clause = current.ToString().Trim();
        current.Clear();
        if (clause.Trim(Marks.ToCharArray()).Trim().Length > 0)
        {
            clauses.Add(clause);
        }
    }
}
