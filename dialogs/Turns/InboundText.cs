using System.Text.RegularExpressions;
using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Turns;

/// <summary>
/// The text the bot reads: the bot's own @mention removed (Teams), markup tags and invisible characters dropped.
/// The original activity is kept for the transcript; dialogs only ever see this cleaned copy.
/// </summary>
public static partial class InboundText
{
    public static Activity ForBot(Activity activity)
    {
        var stripped = activity.WithoutRecipientMentions();
        return stripped.Text is null ? stripped : stripped with { Text = Clean(stripped.Text) };
    }

    public static string Clean(string text)
    {
        var noTags = Tags().Replace(text, " ");
        var visible = new string(noTags.Where(c => !char.IsControl(c) || c is '\n').Where(c => c is not ('\u200b' or '\u200c' or '\u200d' or '\ufeff')).ToArray());
        return Spaces().Replace(visible, " ").Trim();
    }

    [GeneratedRegex("<[^<>]{1,300}>")]
    private static partial Regex Tags();

    [GeneratedRegex("[ \\t]{2,}")]
    private static partial Regex Spaces();
}
