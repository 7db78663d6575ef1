using Marten;

namespace Assistant.Bot.Channels.Teams;

public static class TeamsStore
{
    /// <summary>The outbox is versioned so that claiming a message is a compare-and-set between hosts.</summary>
    public static StoreOptions ConfigureTeams(this StoreOptions options)
    {
        options.Schema.For<OutboxMessage>().Identity(m => m.Id).Duplicate(m => m.ConversationId).Duplicate(m => m.Topic).UseOptimisticConcurrency(true);
        // A staff member's personal chat is found by their Entra object id when a card is to reach them.
        options.Schema.For<TeamsConversation>().Identity(c => c.Id).Duplicate(c => c.UserAadObjectId);
        return options;
    }
}
