using Assistant.Dialogs.Turns;

namespace Assistant.Dialogs.Engine;

/// <summary>The dialogs a bot or a component knows, by id.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet Add(Dialog dialog)
    {
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new ArgumentException($"A dialog with id '{dialog.Id}' is already in the set.", nameof(dialog));
        }

        return this;
    }

    public Dialog? Find(string id) => _dialogs.GetValueOrDefault(id);

    public DialogContext CreateContext(TurnContext turn, DialogState state, DialogContext? parent = null) => new(this, turn, state, parent);
}
