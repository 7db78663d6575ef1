using Assistant.Bot.Channels.DirectLine;
using Marten;
using Microsoft.Extensions.FileProviders;

namespace Assistant.Bot.Pages;

/// <summary>
/// The web chat page at "/", and the endpoint it calls for a Direct Line token. The browser keeps an anonymous user id
/// (and its conversation id) in localStorage; presenting both resumes that conversation after a reload. The user id is
/// 120 random bits, so it works as the browser's own secret for its conversation.
/// </summary>
public static class ChatPage
{
    public sealed record SessionRequest(string? UserId, string? ConversationId);

    public sealed record Session(string UserId, string ConversationId, string Token, int ExpiresIn, bool Resume);

    public static WebApplication UseChatPage(this WebApplication app)
    {
        // Served from the "chat" folder beside the program (build and publish put the page and the Web Chat bundle there).
        var folder = Path.Combine(AppContext.BaseDirectory, "chat");
        if (Directory.Exists(folder))
        {
            var files = new PhysicalFileProvider(folder);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }
        else
        {
            app.Logger.LogWarning("The chat page folder {Folder} is missing; the page is not served (build the bot project to create it).", folder);
        }
        app.MapPost("/api/webchat/session", StartSession);
        return app;
    }

    private static async Task<IResult> StartSession(SessionRequest? request, DirectLineTokens tokens, IDocumentStore store, TimeProvider clock, CancellationToken cancellation)
    {
        var userId = DirectLineApi.ValidUserId(request?.UserId) is { } known && known.StartsWith("dl_", StringComparison.Ordinal) ? known : DirectLineApi.NewUserId();
        await using var session = store.LightweightSession();
        if (request?.ConversationId is { Length: > 0 and <= 64 } conversationId
            && await session.LoadAsync<DirectLineConversation>(conversationId, cancellation) is { } existing
            && existing.UserId == userId)
        {
            var token = await tokens.Issue(new TokenClaims(existing.Id, userId, existing.UserName, TokenKind.Conversation), cancellation);
            return Results.Ok(new Session(userId, existing.Id, token, tokens.ExpiresIn(TokenKind.Conversation), existing.Started));
        }

        var conversation = new DirectLineConversation
        {
            Id = Guid.NewGuid().ToString("N"),
            UserId = userId,
            Locale = "zh-CN",
            CreatedAt = clock.GetUtcNow().ToUniversalTime(),
        };
        session.Insert(conversation);
        await session.SaveChangesAsync(cancellation);
        var fresh = await tokens.Issue(new TokenClaims(conversation.Id, userId, null, TokenKind.Conversation), cancellation);
        return Results.Ok(new Session(userId, conversation.Id, fresh, tokens.ExpiresIn(TokenKind.Conversation), Resume: false));
    }
}
