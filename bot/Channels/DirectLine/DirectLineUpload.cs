using System.Security.Cryptography;
using System.Text.Json;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Turns;
using Marten;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Channels.DirectLine;

/// <summary>A file a user sent with a message; its id is random and unguessable, and is all a download needs.</summary>
public sealed class UploadedFile
{
    public string Id { get; set; } = "";

    public string ConversationId { get; set; } = "";

    public string Name { get; set; } = "";

    public string ContentType { get; set; } = "application/octet-stream";

    public byte[] Data { get; set; } = [];

    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>
/// POST …/upload: what DLJS sends for a message with attachments — a multipart body with the activity (part
/// "activity") and the files (parts "file"). Files are stored, the attachments point at our download URL, and the
/// message then goes through the same turn as a posted one.
/// </summary>
public static class DirectLineUpload
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const long MaxUploadBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapDirectLineUpload(this RouteGroupBuilder api)
    {
        api.MapPost("/conversations/{conversationId}/upload", Upload).DisableAntiforgery();
        api.MapGet("/conversations/{conversationId}/files/{fileId}", Download);
        return api;
    }

    private static async Task<IResult> Upload(
        string conversationId, HttpRequest request, DirectLineTokens tokens, IDocumentStore store, TurnRunner runner, SocketHub hub,
        IOptions<DirectLineOptions> options, TimeProvider clock, CancellationToken cancellation)
    {
        if (await tokens.Validate(DirectLineApi.Bearer(request), TokenKind.Conversation, cancellation) is not { } claims || claims.ConversationId != conversationId)
        {
            return DirectLineErrors.BadToken();
        }

        if (!request.HasFormContentType || !(request.ContentType ?? "").StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return DirectLineErrors.Error(StatusCodes.Status415UnsupportedMediaType, "BadArgument", "Upload files as multipart/form-data.");
        }

        if (request.ContentLength > MaxUploadBytes)
        {
            return DirectLineErrors.Error(StatusCodes.Status413PayloadTooLarge, "BadArgument", "The upload is too large (20 MB at most).");
        }

        IFormCollection form;
        try
        {
            request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize = MaxUploadBytes;
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxUploadBytes }, cancellation);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return DirectLineErrors.Error(StatusCodes.Status400BadRequest, "BadArgument", "The multipart body could not be read.");
        }

        if (form.Files.GetFile("activity") is not { } activityPart)
        {
            return DirectLineErrors.BadActivity("The upload needs an 'activity' part.");
        }

        Activity? activity;
        try
        {
            await using var json = activityPart.OpenReadStream();
            activity = await JsonSerializer.DeserializeAsync<Activity>(json, ActivityJson.Options, cancellation);
        }
        catch (JsonException)
        {
            return DirectLineErrors.BadActivity("The 'activity' part is not a valid activity.");
        }

        var files = form.Files.GetFiles("file");
        if (activity is null || files.Count == 0 || files.Any(f => f.Length > MaxFileBytes))
        {
            return DirectLineErrors.BadActivity(files.Any(f => f.Length > MaxFileBytes) ? "A file is larger than 10 MB." : "The upload needs an activity and at least one file.");
        }

        await using var session = store.LightweightSession();
        if (await session.LoadAsync<DirectLineConversation>(conversationId, cancellation) is not { } conversation)
        {
            return DirectLineErrors.NotFound();
        }

        var baseUrl = $"{request.Scheme}://{request.Host}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/files/";
        var attachments = new List<Attachment>();
        foreach (var file in files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellation);
            var stored = new UploadedFile
            {
                Id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
                ConversationId = conversationId,
                Name = Path.GetFileName(file.FileName),
                ContentType = string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType,
                Data = buffer.ToArray(),
                UploadedAt = clock.GetUtcNow().ToUniversalTime(),
            };
            session.Insert(stored);
            attachments.Add(new Attachment { ContentType = stored.ContentType, ContentUrl = baseUrl + stored.Id, Name = stored.Name });
        }

        await session.SaveChangesAsync(cancellation);
        var inbound = activity with
        {
            Type = string.IsNullOrWhiteSpace(activity.Type) ? ActivityTypes.Message : activity.Type,
            Id = null,
            Attachments = attachments,
            ChannelId = "directline",
            ServiceUrl = $"{request.Scheme}://{request.Host}/",
            Conversation = new ConversationAccount { Id = conversationId },
            From = new ChannelAccount { Id = claims.UserId, Name = activity.From?.Name ?? claims.UserName, Role = "user" },
            Recipient = new ChannelAccount { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" },
            Locale = activity.Locale ?? conversation.Locale,
        };
        var transport = new DirectLineTransport(conversationId, hub, clock);
        await runner.Run(inbound, transport, cancellation);
        return Results.Ok(new { id = transport.EchoId });
    }

    private static async Task<IResult> Download(string conversationId, string fileId, IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var file = fileId.Length == 32 ? await session.LoadAsync<UploadedFile>(fileId, cancellation) : null;
        return file is null || file.ConversationId != conversationId
            ? DirectLineErrors.Error(StatusCodes.Status404NotFound, "NotFound", "No such file.")
            : Results.File(file.Data, file.ContentType, file.Name);
    }
}
