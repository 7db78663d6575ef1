using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Channels.DirectLine;

/// <summary>
/// Links to uploaded files. The transcript keeps a file's path only; each time an activity with files is delivered to
/// a client that holds the conversation's token, its links are made absolute and signed for a short while
/// (Uploads:LinkMinutes), so a link copied out of the chat stops working and a browser can still show an image.
/// </summary>
public sealed class FileLinks(DirectLineTokens tokens, IOptions<UploadOptions> options, TimeProvider clock)
{
    public static string PathFor(string conversationId, string fileId) =>
        $"/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/files/{fileId}";

    /// <summary>The activity's JSON with every link to one of its conversation's files signed.</summary>
    public async Task<string> Sign(TranscriptActivity entry, string baseUrl, CancellationToken cancellation)
    {
        if (JsonNode.Parse(entry.Json) is not JsonObject activity || activity["attachments"] is not JsonArray attachments)
        {
            return entry.Json;
        }

        var prefix = PathFor(entry.ConversationId, "");
        var expires = clock.GetUtcNow().AddMinutes(options.Value.LinkMinutes).ToUnixTimeSeconds();
        foreach (var attachment in attachments.OfType<JsonObject>())
        {
            if (attachment["contentUrl"]?.GetValue<string>() is { } path && path.StartsWith(prefix, StringComparison.Ordinal))
            {
                var fileId = path[prefix.Length..];
                var signature = await Signature(entry.ConversationId, fileId, expires, cancellation);
                attachment["contentUrl"] = string.Create(CultureInfo.InvariantCulture, $"{baseUrl}{path}?e={expires}&s={signature}");
            }
        }

        return activity.ToJsonString(Dialogs.Activities.ActivityJson.Options);
    }

    /// <summary>Whether a signed link's expiry and signature are this file's and still good.</summary>
    public async Task<bool> Verify(string conversationId, string fileId, string? expires, string? signature, CancellationToken cancellation)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var until) || signature is not { Length: > 0 and < 100 }
            || clock.GetUtcNow().ToUnixTimeSeconds() > until)
        {
            return false;
        }

        var expected = await Signature(conversationId, fileId, until, cancellation);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }

    private Task<string> Signature(string conversationId, string fileId, long expires, CancellationToken cancellation) =>
        tokens.Mac(string.Create(CultureInfo.InvariantCulture, $"file|{conversationId}|{fileId}|{expires}"), cancellation);
}
