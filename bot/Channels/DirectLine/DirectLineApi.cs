using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assistant.Bot.Edge;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Turns;
using Marten;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Channels.DirectLine;

/// <summary>The Direct Line 3.0 endpoints Web Chat and botframework-directlinejs use (protocol notes §2).</summary>
public static class DirectLineApi
{
    public const int MaxActivityBytes = 256 * 1024;
    public const int MaxTokenRequestBytes = 4 * 1024;

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v3/directline").RequireCors(DirectLineSetup.CorsPolicy).WithMetadata(DirectLineErrorBody.Instance);
        api.MapPost("/tokens/generate", Generate).WithBodyLimit(MaxTokenRequestBytes).Limited(RequestKind.Tokens);
        api.MapPost("/tokens/refresh", Refresh).WithBodyLimit(MaxTokenRequestBytes).Limited(RequestKind.Tokens);
        api.MapPost("/conversations", Start).WithBodyLimit(MaxTokenRequestBytes).Limited(RequestKind.Tokens);
        api.MapGet("/conversations/{conversationId}", Reconnect).Limited(RequestKind.Reads);
        api.MapPost("/conversations/{conversationId}/activities", Post).WithBodyLimit(MaxActivityBytes).Limited(RequestKind.Messages);
        api.MapGet("/conversations/{conversationId}/activities", History).Limited(RequestKind.Reads);
        api.MapGet("/conversations/{conversationId}/stream", DirectLineStream.Accept).Limited(RequestKind.Reads);
        api.MapDirectLineUpload();
        return app;
    }

    public sealed record TokenRequest(UserAccount? User, string? Locale);

    public sealed record UserAccount(string? Id, string? Name);

    private static async Task<IResult> Generate(HttpRequest request, DirectLineTokens tokens, IDocumentStore store, IOptions<DirectLineOptions> options, TimeProvider clock, CancellationToken cancellation)
    {
        if (!IsSecret(request, options.Value))
        {
            return DirectLineErrors.Error(StatusCodes.Status403Forbidden, "BadArgument", "tokens/generate needs the Direct Line secret.");
        }

        var (body, problem) = await Optional<TokenRequest>(request, cancellation);
        if (problem is not null)
        {
            return DirectLineErrors.BadActivity(problem);
        }

        var user = ValidUserId(body?.User?.Id) ?? NewUserId();
        var conversation = await Create(store, user, body?.User?.Name, body?.Locale, clock, cancellation);
        return Results.Ok(await Conversation(tokens, new TokenClaims(conversation.Id, user, conversation.UserName, TokenKind.Conversation), withStream: null, cancellation));
    }

    /// <summary>A fresh token for the same conversation, until DirectLine:MaxTokenHours after the page first got one.</summary>
    private static async Task<IResult> Refresh(HttpRequest request, DirectLineTokens tokens, CancellationToken cancellation) =>
        await tokens.Validate(Bearer(request), TokenKind.Conversation, cancellation) is { } claims && tokens.MayRefresh(claims)
            ? Results.Ok(await Conversation(tokens, claims, withStream: null, cancellation))
            : DirectLineErrors.BadToken();

    private static async Task<IResult> Start(
        HttpRequest request, DirectLineTokens tokens, IDocumentStore store, TurnRunner runner, SocketHub hub, IOptions<DirectLineOptions> options, TimeProvider clock, CancellationToken cancellation)
    {
        var (body, problem) = await Optional<TokenRequest>(request, cancellation);
        if (problem is not null)
        {
            return DirectLineErrors.BadActivity(problem);
        }

        TokenClaims? claims;
        if (IsSecret(request, options.Value))
        {
            var user = ValidUserId(body?.User?.Id) ?? NewUserId();
            var created = await Create(store, user, body?.User?.Name, body?.Locale, clock, cancellation);
            claims = new TokenClaims(created.Id, user, created.UserName, TokenKind.Conversation);
        }
        else if ((claims = await tokens.Validate(Bearer(request), TokenKind.Conversation, cancellation)) is null)
        {
            return DirectLineErrors.BadToken();
        }

        await using var session = store.LightweightSession();
        var conversation = await session.LoadAsync<DirectLineConversation>(claims.ConversationId, cancellation);
        if (conversation is null)
        {
            return DirectLineErrors.NotFound();
        }

        var started = conversation.Started;
        if (!started)
        {
            conversation.Started = true;
            conversation.Locale ??= body?.Locale;
            session.Store(conversation);
            try
            {
                await session.SaveChangesAsync(cancellation);
            }
            catch (Exception ex) when (ex is JasperFx.ConcurrencyException)
            {
                started = true; // another request started it a moment ago
            }

            if (!started)
            {
                // Direct Line tells the bot who joined; the bot's welcome lands in the transcript before the socket opens.
                var joined = Inbound(request, conversation.Id, options.Value, new Activity
                {
                    Type = ActivityTypes.ConversationUpdate,
                    MembersAdded = [new ChannelAccount { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" }, new ChannelAccount { Id = conversation.UserId, Name = conversation.UserName, Role = "user" }],
                    Locale = conversation.Locale,
                });
                await runner.Run(joined, new DirectLineTransport(conversation.Id, hub, clock), cancellation);
            }
        }

        var response = await Conversation(tokens, claims, withStream: (request, "-"), cancellation);
        return started ? Results.Ok(response) : Results.Created((string?)null, response);
    }

    private static async Task<IResult> Reconnect(string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, CancellationToken cancellation)
    {
        var claims = await Authorize(request, tokens, conversationId, cancellation);
        return claims switch
        {
            null => DirectLineErrors.BadToken(),
            _ => Results.Ok(await Conversation(tokens, claims, withStream: (request, watermark ?? ""), cancellation)),
        };
    }

    private static async Task<IResult> Post(
        string conversationId, HttpRequest request, DirectLineTokens tokens, IDocumentStore store, TurnRunner runner, SocketHub hub,
        IOptions<DirectLineOptions> options, TimeProvider clock, CancellationToken cancellation)
    {
        if (await Authorize(request, tokens, conversationId, cancellation) is not { } claims)
        {
            return DirectLineErrors.BadToken();
        }

        if (!(request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return DirectLineErrors.Error(StatusCodes.Status415UnsupportedMediaType, "BadArgument", "Send the activity as application/json.");
        }

        var (posted, problem) = await ReadActivity(request, cancellation);
        if (posted is null)
        {
            return DirectLineErrors.BadActivity(problem!);
        }

        if (posted.Type == ActivityTypes.Typing)
        {
            return Results.Ok(new { id = "" });
        }

        // Who sent it comes from the token, never from the activity: nobody can post as "营商环境服务中心".
        var inbound = Inbound(request, conversationId, options.Value, ActivityShape.WithStorableText(posted) with
        {
            Id = null,
            From = new ChannelAccount { Id = claims.UserId, Name = claims.UserName, Role = "user" },
        });
        hub.Transient(conversationId, Typing(conversationId, options.Value));

        // The conversation, its state and an earlier post with the same clientActivityID are read in one round trip.
        var transport = new DirectLineTransport(conversationId, hub, clock);
        try
        {
            await runner.Run(inbound, transport, cancellation);
        }
        catch (TurnContentionException)
        {
            return DirectLineErrors.Busy(request.HttpContext.Response);
        }

        if (transport.Missing)
        {
            return DirectLineErrors.NotFound();
        }

        return Results.Ok(new { id = transport.EchoId });
    }

    private static async Task<IResult> History(
        string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, FileLinks links, IDocumentStore store, CancellationToken cancellation)
    {
        if (await Authorize(request, tokens, conversationId, cancellation) is null)
        {
            return DirectLineErrors.BadToken();
        }

        var after = Watermark(watermark);
        await using var session = store.QuerySession();
        if (await session.LoadAsync<DirectLineConversation>(conversationId, cancellation) is null)
        {
            return DirectLineErrors.NotFound();
        }

        var entries = await Transcript.After(session, conversationId, after, cancellation);
        var address = PublicAddress.Of(request);
        return Results.Stream(output => Transcript.Write(output, entries, after, links, address, cancellation), "application/json; charset=utf-8");
    }

    /// <summary>Activity types a Direct Line client may post; the service itself makes conversationUpdate.</summary>
    private static readonly HashSet<string> ClientTypes = [ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing];

    /// <summary>A posted activity the bot can take, or why not (a Direct Line 400).</summary>
    public static async Task<(Activity? Activity, string? Problem)> ReadActivity(HttpRequest request, CancellationToken cancellation)
    {
        var (document, problem) = await JsonBody.Read(request, cancellation);
        using (document)
        {
            return document is null ? (null, problem) : FromJson(document.RootElement);
        }
    }

    public static (Activity? Activity, string? Problem) FromJson(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() is not { Length: > 0 } kind)
        {
            return (null, "The activity needs a type.");
        }

        if (!ClientTypes.Contains(kind))
        {
            return (null, "Direct Line clients may post message, event and typing activities.");
        }

        Activity? activity;
        try
        {
            activity = json.Deserialize<Activity>(ActivityJson.Options);
        }
        catch (JsonException)
        {
            return (null, "The body is not a valid activity.");
        }

        if (activity is null)
        {
            return (null, "The body is not a valid activity.");
        }

        if (ActivityShape.Problem(activity) is { } problem)
        {
            return (null, problem);
        }

        // Only this server says which files it refused.
        return (activity.Entities?.Any(RefusedFile.IsRefusal) == true ? activity with { Entities = [.. activity.Entities.Where(e => !RefusedFile.IsRefusal(e))] } : activity, null);
    }

    /// <summary>The conversation token's claims when it belongs to this conversation.</summary>
    private static async Task<TokenClaims?> Authorize(HttpRequest request, DirectLineTokens tokens, string conversationId, CancellationToken cancellation) =>
        await tokens.Validate(Bearer(request), TokenKind.Conversation, cancellation) is { } claims && claims.ConversationId == conversationId ? claims : null;

    /// <summary>The posted activity as the bot sees it; the locale, when the client sent none, comes from the conversation.</summary>
    private static Activity Inbound(HttpRequest request, string conversationId, DirectLineOptions options, Activity activity) => activity with
    {
        ChannelId = "directline",
        ServiceUrl = PublicAddress.Of(request) + "/",
        Conversation = new ConversationAccount { Id = conversationId },
        Recipient = new ChannelAccount { Id = options.BotId, Name = options.BotName, Role = "bot" },
    };

    private static string Typing(string conversationId, DirectLineOptions options) =>
        "{\"activities\":[" + ActivityJson.Serialize(new Activity
        {
            Type = ActivityTypes.Typing,
            Id = $"{conversationId}|typing",
            ChannelId = "directline",
            Conversation = new ConversationAccount { Id = conversationId },
            From = new ChannelAccount { Id = options.BotId, Name = options.BotName, Role = "bot" },
        }) + "]}";

    /// <summary>A conversation token for the identity (a refresh keeps its sign-in time), and a stream URL when asked for.</summary>
    private static async Task<object> Conversation(DirectLineTokens tokens, TokenClaims identity, (HttpRequest Request, string Watermark)? withStream, CancellationToken cancellation)
    {
        var conversationId = identity.ConversationId;
        var token = await tokens.Issue(identity with { Kind = TokenKind.Conversation }, cancellation);
        var expiresIn = tokens.ExpiresIn(TokenKind.Conversation);
        if (withStream is not { } stream)
        {
            return new { conversationId, token, expires_in = expiresIn };
        }

        var streamToken = await tokens.Issue(identity with { Kind = TokenKind.Stream }, cancellation);
        var streamUrl = $"{PublicAddress.WebSocketOf(stream.Request)}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream?watermark={Uri.EscapeDataString(stream.Watermark)}&t={streamToken}";
        return new { conversationId, token, expires_in = expiresIn, streamUrl };
    }

    private static async Task<DirectLineConversation> Create(IDocumentStore store, string user, string? name, string? locale, TimeProvider clock, CancellationToken cancellation)
    {
        var conversation = new DirectLineConversation
        {
            Id = Base64Url(RandomNumberGenerator.GetBytes(16)),
            UserId = user,
            UserName = name is { Length: > 100 } ? name[..100] : name,
            Locale = locale is { Length: > 0 and <= 20 } && locale.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? locale : null,
            CreatedAt = clock.GetUtcNow().ToUniversalTime(),
        };
        await using var session = store.LightweightSession();
        session.Insert(conversation);
        await session.SaveChangesAsync(cancellation);
        return conversation;
    }

    public static long Watermark(string? text) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    public static string? Bearer(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;

    private static bool IsSecret(HttpRequest request, DirectLineOptions options) =>
        options.Secret.Length > 0 && Bearer(request) is { } given
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(options.Secret));

    /// <summary>User ids a page may choose: letters, digits, '_' and '-', at most 64 characters.</summary>
    public static string? ValidUserId(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? id : null;

    /// <summary>128 random bits.</summary>
    public static string NewUserId() => "dl_" + Base64Url(RandomNumberGenerator.GetBytes(16));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>An optional JSON body: null when there is none; a problem when there is one that cannot be taken.</summary>
    private static async Task<(T? Value, string? Problem)> Optional<T>(HttpRequest request, CancellationToken cancellation)
        where T : class
    {
        if (request.ContentLength is 0 || !(request.ContentType ?? "").Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        var (document, problem) = await JsonBody.Read(request, cancellation);
        using (document)
        {
            if (document is null)
            {
                return (null, problem);
            }

            try
            {
                return (document.RootElement.Deserialize<T>(ActivityJson.Options), null);
            }
            catch (JsonException)
            {
                return (null, "The body is not a valid token request.");
            }
        }
    }
}
