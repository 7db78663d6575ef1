using Marten;

namespace Assistant.Dialogs.State;

public static class StateStore
{
    /// <summary>Conversation and user state are versioned: a save fails if another turn saved the same document first.</summary>
    public static StoreOptions ConfigureConversationState(this StoreOptions options)
    {
        options.Schema.For<ConversationState>().Identity(c => c.Id).UseOptimisticConcurrency(true);
        options.Schema.For<UserProfile>().Identity(u => u.Id).UseOptimisticConcurrency(true);
        options.Schema.For<Conversations.Tickets.LookupFailure>().Duplicate(f => f.Key).Duplicate(f => f.At);
        return options;
    }
}
