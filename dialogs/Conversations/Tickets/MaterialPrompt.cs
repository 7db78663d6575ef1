using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Turns;

namespace Assistant.Dialogs.Conversations.Tickets;

/// <summary>What the enterprise sends as material: its words, the files it attached, or both.</summary>
public sealed record Material(string Text, IReadOnlyList<TicketFile> Files);

/// <summary>Text, or files the channel kept (attachments with a link that are not cards), or both.</summary>
public sealed class MaterialPrompt(string id) : Prompt<Material>(id)
{
    protected override Task<PromptRecognizerResult<Material>> OnRecognize(TurnContext turn, PromptOptions options, CancellationToken cancellation)
    {
        var files = Files(turn.Activity);
        var text = turn.Activity.Text?.Trim() ?? "";
        return Task.FromResult(text.Length > 0 || files.Count > 0
            ? new PromptRecognizerResult<Material>(true, new Material(text, files))
            : PromptRecognizerResult<Material>.Failed);
    }

    public static IReadOnlyList<TicketFile> Files(Activity activity) =>
        (activity.Attachments ?? [])
            .Where(a => a.ContentUrl is { Length: > 0 } && !a.ContentType.StartsWith("application/vnd.microsoft.card", StringComparison.Ordinal))
            .Select(a => new TicketFile(a.Name ?? "附件", a.ContentType, a.ContentUrl!))
            .ToList();
}
