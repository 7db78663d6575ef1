using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assistant.Bot.Channels.DirectLine;
using Assistant.Bot.Edge;
using Marten;
using Microsoft.Extensions.FileProviders;

namespace Assistant.Bot.Pages;

/// <summary>
/// The web chat page at "/", and the endpoint it calls for a Direct Line token. The server gives each browser a
/// random user id and a key for it (an HMAC of the id with the server's secret), which the page keeps in
/// localStorage: presenting both, with the conversation id, resumes that conversation after a reload. The user id
/// alone, which Web Chat also reads from the token, opens nothing; ids the server did not issue are refused.
/// </summary>
public static class ChatPage
{
    /// <param name="Locale">The browser's language: "en-US" for English, anything else is Chinese.</param>
    public sealed record SessionRequest(string? UserId, string? UserKey, string? ConversationId, string? Locale = null);

    public sealed record Session(string UserId, string UserKey, string ConversationId, string Token, int ExpiresIn, bool Resume);

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

        app.MapPost("/api/webchat/session", StartSession).WithBodyLimit(1024).Limited(RequestKind.Sessions);
        return app;
    }

    private static async Task<IResult> StartSession(HttpRequest http, DirectLineTokens tokens, IDocumentStore store, TimeProvider clock, CancellationToken cancellation)
    {
        var (request, problem) = await Read(http, cancellation);
        if (problem is not null)
        {
            return TypedResults.Problem(title: problem, statusCode: StatusCodes.Status400BadRequest);
        }

        string? known = null;
        if (request?.UserId is { Length: > 0 and <= 64 } claimed && request.UserKey is { Length: > 0 and <= 64 } key)
        {
            var expected = await UserKey(tokens, claimed, cancellation);
            known = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key), Encoding.ASCII.GetBytes(expected)) ? claimed : null;
        }

        var userId = known ?? DirectLineApi.NewUserId();
        var userKey = await UserKey(tokens, userId, cancellation);
        await using var session = store.LightweightSession();
        if (known is not null
            && request?.ConversationId is { Length: > 0 and <= 64 } conversationId
            && await session.LoadAsync<DirectLineConversation>(conversationId, cancellation) is { } existing
            && existing.UserId == userId)
        {
            var token = await tokens.Issue(new TokenClaims(existing.Id, userId, existing.UserName, TokenKind.Conversation), cancellation);
            return Results.Ok(new Session(userId, userKey, existing.Id, token, tokens.ExpiresIn(TokenKind.Conversation), existing.Started));
        }

        var conversation = new DirectLineConversation
        {
            Id = Guid.NewGuid().ToString("N"),
            UserId = userId,
            Locale = request?.Locale is "en-US" ? "en-US" : "zh-CN",
            CreatedAt = clock.GetUtcNow().ToUniversalTime(),
        };
        session.Insert(conversation);
        await session.SaveChangesAsync(cancellation);
        var fresh = await tokens.Issue(new TokenClaims(conversation.Id, userId, null, TokenKind.Conversation), cancellation);
        return Results.Ok(new Session(userId, userKey, conversation.Id, fresh, tokens.ExpiresIn(TokenKind.Conversation), Resume: false));
    }

    private static Task<string> UserKey(DirectLineTokens tokens, string userId, CancellationToken cancellation) => tokens.Mac("webchat-user|" + userId, cancellation);

    private static async Task<(SessionRequest? Request, string? Problem)> Read(HttpRequest http, CancellationToken cancellation)
    {
        if (http.ContentLength is 0 || !http.HasJsonContentType())
        {
            return (null, null);
        }

        var (document, _) = await JsonBody.Read(http, cancellation);
        using (document)
        {
            if (document is null)
            {
                return (null, "抱歉，无法读取这个请求。");
            }

            try
            {
                return (document.RootElement.Deserialize<SessionRequest>(JsonSerializerOptions.Web), null);
            }
            catch (JsonException)
            {
                return (null, "抱歉，无法读取这个请求。");
            }
        }
    }
}
