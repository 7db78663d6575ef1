using System.Text.RegularExpressions;
using Assistant.Bot.Channels.DirectLine;
using Assistant.Bot.SignIn;
using Assistant.Dialogs.Desk.Tickets;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Assistant.Bot.Desk;

/// <summary>
/// GET /api/desk/tickets/{id}/files/{fileId}: a file the enterprise sent as material, for the staff who may see the
/// ticket; only files the ticket's history names, and always as a download that no browser renders.
/// </summary>
public static partial class TicketFiles
{
    /// <summary>The stored file's id when the file came through the web chat, else null.</summary>
    public static string? FileId(TicketFile file) => WebChatFile().Match(file.Location) is { Success: true } m ? m.Groups[1].Value : null;

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Get(Guid id, string fileId, HttpContext context, IDocumentStore store)
    {
        var staff = DeskUser.Of(context);
        await using var session = store.QuerySession();
        var ticket = await session.LoadAsync<Ticket>(id, context.RequestAborted);
        if (ticket is null)
        {
            return DeskProblems.NotFound();
        }

        if (!TicketScope.Sees(staff, ticket))
        {
            return DeskProblems.OutOfScope();
        }

        var events = await session.Events.FetchStreamAsync(id, token: context.RequestAborted);
        var named = events.Select(e => e.Data).OfType<InformationProvided>().SelectMany(i => i.Files ?? []).Any(f => FileId(f) == fileId);
        var file = named ? await session.LoadAsync<UploadedFile>(fileId, context.RequestAborted) : null;
        if (file is null)
        {
            return TypedResults.Problem(title: "没有找到这个文件，可能已超过保存期限。", statusCode: StatusCodes.Status404NotFound);
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = "private, no-store";
        headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = file.Name }.ToString();
        return TypedResults.File(file.Data, file.ContentType);
    }

    [GeneratedRegex("^/v3/directline/conversations/[^/]+/files/([0-9a-f]{32})$")]
    private static partial Regex WebChatFile();
}
