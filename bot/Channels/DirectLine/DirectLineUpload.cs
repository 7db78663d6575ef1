using System.Security.Cryptography;
using Assistant.Bot.Edge;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Turns;
using Marten;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Assistant.Bot.Channels.DirectLine;

/// <summary>A file a user sent with a message. Its content type was recognised from its bytes when it was uploaded.</summary>
public sealed class UploadedFile
{
    public string Id { get; set; } = "";

    public string ConversationId { get; set; } = "";

    public string Name { get; set; } = "";

    public string ContentType { get; set; } = "application/octet-stream";

    public long Size { get; set; }

    public byte[] Data { get; set; } = [];

    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>
/// POST …/upload: what DLJS sends for a message with attachments — a multipart body with the activity (part
/// "activity") and the files (parts "file"). Files of an accepted kind, within the size limit and the conversation's
/// quota, are stored; the bot is told about the others and says so politely. The message then goes through the same
/// turn as a posted one. GET …/files/{id} serves a file only to the conversation's token or a signed link, always
/// as a download that no browser will render.
/// </summary>
public static class DirectLineUpload
{
    public static IEndpointRouteBuilder MapDirectLineUpload(this RouteGroupBuilder api)
    {
        var uploads = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<UploadOptions>>().Value;
        api.MapPost("/conversations/{conversationId}/upload", Upload).DisableAntiforgery().WithBodyLimit(uploads.MaxRequestBytes).Limited(RequestKind.Uploads);
        api.MapGet("/conversations/{conversationId}/files/{fileId}", Download).Limited(RequestKind.Reads);
        return api;
    }

    private static async Task<IResult> Upload(
        string conversationId, HttpRequest request, DirectLineTokens tokens, IDocumentStore store, TurnRunner runner, SocketHub hub,
        IOptions<DirectLineOptions> options, IOptions<UploadOptions> limits, TimeProvider clock, CancellationToken cancellation)
    {
        if (await tokens.Validate(DirectLineApi.Bearer(request), TokenKind.Conversation, cancellation) is not { } claims || claims.ConversationId != conversationId)
        {
            return DirectLineErrors.BadToken();
        }

        if (!request.HasFormContentType || !(request.ContentType ?? "").StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return DirectLineErrors.Error(StatusCodes.Status415UnsupportedMediaType, "BadArgument", "Upload files as multipart/form-data.");
        }

        var quota = limits.Value;
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = quota.MaxRequestBytes, ValueCountLimit = 50 }, cancellation);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return DirectLineErrors.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", BodyLimits.TooLarge(quota.MaxRequestBytes));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            return DirectLineErrors.Error(StatusCodes.Status400BadRequest, "BadArgument", "The multipart body could not be read.");
        }

        if (form.Files.GetFile("activity") is not { } activityPart || activityPart.Length > DirectLineApi.MaxActivityBytes)
        {
            return DirectLineErrors.BadActivity("The upload needs an 'activity' part of at most 256 KB.");
        }

        Activity? activity;
        string? problem;
        await using (var json = activityPart.OpenReadStream())
        {
            using var buffer = new MemoryStream();
            await json.CopyToAsync(buffer, cancellation);
            var (document, invalid) = JsonBody.Parse(buffer.ToArray());
            using (document)
            {
                (activity, problem) = document is null ? (null, invalid) : DirectLineApi.FromJson(document.RootElement);
            }
        }

        var files = form.Files.GetFiles("file");
        if (activity is null || files.Count == 0 || files.Count > quota.MaxFilesPerMessage)
        {
            return DirectLineErrors.BadActivity(problem ?? (files.Count == 0 ? "The upload needs at least one file." : $"At most {quota.MaxFilesPerMessage} files can be sent at once."));
        }

        await using var session = store.LightweightSession();
        if (await session.LoadAsync<DirectLineConversation>(conversationId, cancellation) is not { } conversation)
        {
            return DirectLineErrors.NotFound();
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        var usage = await Usage.Of(session, conversationId, now, cancellation);
        var attachments = new List<Attachment>();
        var refused = new List<RefusedFile>();
        foreach (var file in files)
        {
            var name = FileTypes.SafeName(file.FileName);
            if (file.Length == 0 || file.Length > quota.MaxFileBytes)
            {
                refused.Add(new RefusedFile(name, file.Length == 0 ? RefusalReason.Empty : RefusalReason.TooLarge));
                continue;
            }

            if (!usage.Allows(file.Length, quota))
            {
                refused.Add(new RefusedFile(name, RefusalReason.Quota));
                continue;
            }

            var data = new byte[file.Length];
            await using (var content = file.OpenReadStream())
            {
                await content.ReadExactlyAsync(data, cancellation);
            }

            if (FileTypes.Identify(name, data) is not { } type)
            {
                refused.Add(new RefusedFile(name, RefusalReason.Kind));
                continue;
            }

            var stored = new UploadedFile
            {
                Id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
                ConversationId = conversationId,
                Name = FileTypes.NameFor(type, name),
                ContentType = type.ContentType,
                Size = data.Length,
                Data = data,
                UploadedAt = now,
            };
            session.Insert(stored);
            usage = usage.Add(stored.Size);
            attachments.Add(new Attachment { ContentType = stored.ContentType, ContentUrl = FileLinks.PathFor(conversationId, stored.Id), Name = stored.Name });
        }

        await session.SaveChangesAsync(cancellation);
        var inbound = ActivityShape.WithStorableText(activity) with
        {
            Type = ActivityTypes.Message,
            Id = null,
            Attachments = attachments.Count > 0 ? attachments : null,
            Entities = refused.Count > 0 ? [.. activity.Entities ?? [], .. refused.Select(r => r.ToEntity())] : activity.Entities,
            ChannelId = "directline",
            ServiceUrl = PublicAddress.Of(request) + "/",
            Conversation = new ConversationAccount { Id = conversationId },
            From = new ChannelAccount { Id = claims.UserId, Name = claims.UserName, Role = "user" },
            Recipient = new ChannelAccount { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" },
            Locale = activity.Locale ?? conversation.Locale,
        };
        var transport = new DirectLineTransport(conversationId, hub, clock);
        try
        {
            await runner.Run(inbound, transport, cancellation);
        }
        catch (TurnContentionException)
        {
            return DirectLineErrors.Busy(request.HttpContext.Response);
        }

        return Results.Ok(new { id = transport.EchoId });
    }

    private static async Task<IResult> Download(
        string conversationId, string fileId, string? e, string? s, HttpRequest request, DirectLineTokens tokens, FileLinks links, IDocumentStore store, CancellationToken cancellation)
    {
        if (fileId.Length != 32 || !fileId.All(char.IsAsciiHexDigitLower))
        {
            return DirectLineErrors.Error(StatusCodes.Status404NotFound, "NotFound", "No such file.");
        }

        var allowed = await links.Verify(conversationId, fileId, e, s, cancellation)
            || await tokens.Validate(DirectLineApi.Bearer(request), TokenKind.Conversation, cancellation) is { } claims && claims.ConversationId == conversationId;
        if (!allowed)
        {
            return DirectLineErrors.Error(StatusCodes.Status403Forbidden, "Forbidden", "This link has expired; open the file from the chat again.");
        }

        await using var session = store.QuerySession();
        var file = await session.LoadAsync<UploadedFile>(fileId, cancellation);
        if (file is null || file.ConversationId != conversationId)
        {
            return DirectLineErrors.Error(StatusCodes.Status404NotFound, "NotFound", "No such file.");
        }

        // Whatever the file holds, a browser saves it rather than rendering it on this origin.
        var headers = request.HttpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = "private, no-store";
        headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = file.Name, FileName = AsciiName(file.Name) }.ToString();
        return Results.Bytes(file.Data, file.ContentType);
    }

    /// <summary>The plain-ASCII fallback name for old clients; the real name travels in filename*.</summary>
    private static string AsciiName(string name) =>
        Path.GetExtension(name) is { Length: > 1 and <= 10 } extension && extension[1..].All(char.IsAsciiLetterOrDigit) ? "attachment" + extension : "attachment";

    /// <summary>What a conversation has uploaded: in the last 24 hours, and in all.</summary>
    private sealed record Usage(int FilesToday, long BytesToday, long BytesInAll)
    {
        public static async Task<Usage> Of(IQuerySession session, string conversationId, DateTimeOffset now, CancellationToken cancellation)
        {
            var since = now.AddDays(-1);
            var all = await session.Query<UploadedFile>().Where(f => f.ConversationId == conversationId).Select(f => new { f.Size, f.UploadedAt }).ToListAsync(cancellation);
            var today = all.Where(f => f.UploadedAt > since).ToList();
            return new Usage(today.Count, today.Sum(f => f.Size), all.Sum(f => f.Size));
        }

        public bool Allows(long size, UploadOptions quota) =>
            FilesToday < quota.MaxFilesPerDay
            && BytesToday + size <= quota.MaxMegabytesPerDay * 1024L * 1024
            && BytesInAll + size <= quota.MaxMegabytesPerConversation * 1024L * 1024;

        public Usage Add(long size) => new(FilesToday + 1, BytesToday + size, BytesInAll + size);
    }
}
