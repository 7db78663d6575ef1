using System.Text.Json;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Turns;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Channels.Teams;

/// <summary>
/// POST /api/messages: one activity from Azure Bot Service. The token is checked before the body is even read, so
/// a caller without one learns nothing but 401. The turn runs and commits its state and outbox, then Teams gets
/// its 200 while the dispatcher sends the replies.
/// </summary>
public static class ReceiveActivity
{
    public static async Task<IResult> Handle(
        HttpRequest request,
        ChannelTokenValidator validator,
        TurnRunner runner,
        TeamsTransport transport,
        IOptions<TeamsOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellation)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            // Switched off is how this host is set up, not a passing outage: nothing to retry.
            return TypedResults.Problem(title: "抱歉，本服务未启用 Teams 渠道。", statusCode: StatusCodes.Status404NotFound);
        }

        var logger = loggers.CreateLogger(typeof(ReceiveActivity));
        ChannelIdentity? identity;
        try
        {
            identity = await validator.Authenticate(request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null, cancellation);
        }
        catch (ChannelMetadataUnavailableException)
        {
            // Not the caller's fault, and nothing was read: Azure Bot Service retries on 503.
            request.HttpContext.Response.Headers.RetryAfter = "30";
            return TypedResults.Problem("The channel's signing keys cannot be fetched right now; please retry.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (identity is null)
        {
            return TypedResults.Unauthorized();
        }

        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem("The activity must be sent as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var body = await ReadBody(request, settings.MaxBodyBytes, cancellation);
        if (body is null)
        {
            return TypedResults.Problem($"The activity is larger than {settings.MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var activity = Parse(body);
        if (activity is null)
        {
            return TypedResults.Problem("The body is not an activity with a type, a service URL and a conversation.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!validator.Allows(identity, activity))
        {
            return TypedResults.Unauthorized();
        }

        var invoke = activity.Type == ActivityTypes.Invoke;
        if (invoke)
        {
            if (activity.Name != TeamsInvoke.AdaptiveCardAction)
            {
                logger.LogInformation("Teams invoke {Name} is not offered by the assistant; answered 501.", activity.Name);
                return TeamsInvoke.NotImplemented();
            }

            if (TeamsInvoke.AsMessage(activity) is not { } message)
            {
                return TeamsInvoke.BadRequest("The invoke has no Action.Execute action.");
            }

            activity = message;
        }

        IReadOnlyList<Activity> staged;
        try
        {
            staged = await runner.Run(activity, transport, cancellation);
        }
        catch (TurnContentionException)
        {
            // Nothing was saved; the Bot Connector service redelivers on 503.
            request.HttpContext.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem("The conversation is busy; please deliver the activity again.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (!invoke)
        {
            return TypedResults.Ok();
        }

        // A Universal Action answers with the card it becomes, so the person sees it at once (the update to everyone
        // else goes through the outbox); an action that changes no card is acknowledged in words.
        return TeamsInvoke.ReplacedCard(activity, staged) is { } card
            ? TeamsInvoke.Card(card)
            : TeamsInvoke.Accepted(activity.Locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "Received." : "已收到，请查看回复消息。");
    }

    /// <summary>The body, or null when it is longer than the limit (read no further than that).</summary>
    private static async Task<byte[]?> ReadBody(HttpRequest request, int limit, CancellationToken cancellation)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Activity? Parse(byte[] body)
    {
        try
        {
            // Not UTF-8, lone surrogates, NULs: nothing the channel sends, and nothing PostgreSQL could store.
            var (document, _) = Edge.JsonBody.Parse(body);
            using var json = document;
            if (json is null || json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() is not { Length: > 0 })
            {
                return null;
            }

            var activity = json.RootElement.Deserialize<Activity>(ActivityJson.Options);
            return activity is { ServiceUrl.Length: > 0, Conversation.Id.Length: > 0 } && ActivityShape.Problem(activity) is null ? ActivityShape.WithStorableText(activity) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
