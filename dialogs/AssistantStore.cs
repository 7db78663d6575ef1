using Assistant.Dialogs.Desk;
using Assistant.Dialogs.State;
using Marten;

namespace Assistant.Dialogs;

/// <summary>Everything the assistant stores in PostgreSQL, in one schema.</summary>
public static class AssistantStore
{
    public static StoreOptions ConfigureAssistant(this StoreOptions options, string schema) =>
        options.ConfigureDesk(schema).ConfigureConversationState();
}
