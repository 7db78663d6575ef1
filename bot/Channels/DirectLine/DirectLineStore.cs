using Marten;

namespace Assistant.Bot.Channels.DirectLine;

public static class DirectLineStore
{
    /// <summary>Transcripts are read by conversation and sequence; a client's activity id is unique per conversation.</summary>
    public static StoreOptions ConfigureDirectLine(this StoreOptions options)
    {
        options.Schema.For<DirectLineConversation>().Identity(c => c.Id).UseOptimisticConcurrency(true);
        options.Schema.For<TranscriptActivity>().Identity(t => t.Id)
            .Duplicate(t => t.ConversationId)
            .Duplicate(t => t.Seq)
            .UniqueIndex(Marten.Schema.UniqueIndexType.Computed, "uq_transcript_client_activity", t => t.ConversationId, t => t.ClientActivityId!);
        options.Schema.For<DirectLineSigningKey>().Identity(k => k.Id);
        options.Schema.For<UploadedFile>().Identity(f => f.Id).Duplicate(f => f.ConversationId).Duplicate(f => f.UploadedAt);
        options.Schema.For<SpentStreamToken>().Identity(t => t.Id).Duplicate(t => t.ExpiresAt);
        return options;
    }
}
