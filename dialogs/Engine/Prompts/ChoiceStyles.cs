using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Engine;

/// <summary>
/// How choices are shown: web chat gets suggested actions (buttons under the message), Teams a hero card (it shows
/// suggested actions poorly), other channels a numbered list the user answers with a number.
/// </summary>
public static class ChoiceStyles
{
    private static readonly HashSet<string> SuggestedActionChannels = ["directline", "webchat", "emulator", "test"];

    public static Activity Apply(Activity reply, IReadOnlyList<string> choices, ListStyle style, string? channelId)
    {
        var resolved = style == ListStyle.Auto ? ForChannel(channelId, choices) : style;
        return resolved switch
        {
            ListStyle.SuggestedAction => reply with { SuggestedActions = new SuggestedActions { Actions = choices.Select(c => CardAction.ImBack(c)).ToList() } },
            ListStyle.HeroCard => reply with { Attachments = [.. reply.Attachments ?? [], Cards.Hero(null, null, choices.Select(c => CardAction.ImBack(c)))] },
            ListStyle.List => reply with { Text = reply.Text + "\n\n" + string.Join("\n", choices.Select((c, i) => $"{i + 1}. {c}")) },
            _ => reply,
        };
    }

    private static ListStyle ForChannel(string? channelId, IReadOnlyList<string> choices) => channelId switch
    {
        "msteams" => choices.Count <= 50 ? ListStyle.HeroCard : ListStyle.List,
        { } id when SuggestedActionChannels.Contains(id) && choices.Count <= 100 => ListStyle.SuggestedAction,
        _ => ListStyle.List,
    };
}
