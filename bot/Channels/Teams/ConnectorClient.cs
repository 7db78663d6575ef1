using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Turns;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Channels.Teams;

/// <summary>
/// The Bot Connector REST calls on a conversation (send, reply, update, delete) against the activity's service URL,
/// retried with exponential backoff and jitter on 429 (honouring Retry-After), 412, 502, 504 and network errors, as
/// Teams asks. After the last attempt the caller keeps the message for a later round. Opening a conversation is
/// POST /v3/conversations with the activity as its first message (ConversationParameters), which Teams answers with
/// the same personal chat every time for the same person, so a retried opening never makes a second chat.
/// </summary>
public sealed class ConnectorClient(IHttpClientFactory http, IConnectorTokenProvider tokens, IOptions<TeamsOptions> options, TimeProvider clock, ILogger<ConnectorClient> logger)
{
    public const string HttpClientName = "teams-connector";

    public async Task<ConnectorResult> Execute(OutboundKind kind, Activity activity, CancellationToken cancellation)
    {
        var settings = options.Value;
        var url = Url(kind, activity);
        var client = http.CreateClient(HttpClientName);
        string? lastError = null;
        for (var attempt = 1; attempt <= settings.RetryAttempts; attempt++)
        {
            TimeSpan? retryAfter = null;
            try
            {
                using var request = new HttpRequestMessage(Method(kind), url);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetToken(cancellation));
                if (kind == OutboundKind.Open)
                {
                    request.Content = new StringContent(ConversationParameters(activity), Encoding.UTF8, "application/json");
                }
                else if (kind != OutboundKind.Delete)
                {
                    var body = kind == OutboundKind.Send ? activity with { Id = null } : activity;
                    request.Content = new StringContent(ActivityJson.Serialize(body), Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request, cancellation);
                var operation = response.Headers.TryGetValues("X-Correlating-OperationId", out var ids) ? ids.FirstOrDefault() : null;
                if (response.IsSuccessStatusCode)
                {
                    return kind == OutboundKind.Open
                        ? await Opened(attempt, response, cancellation)
                        : ConnectorResult.Delivered(attempt, await ResourceId(response, cancellation));
                }

                lastError = $"{(int)response.StatusCode} {response.ReasonPhrase} (operation {operation})";
                logger.LogWarning("Connector {Method} {Url} answered {Error}, attempt {Attempt}.", request.Method, url, lastError, attempt);
                if (!IsTransient(response.StatusCode))
                {
                    return IsPermanent(response.StatusCode) ? ConnectorResult.Refused(attempt, lastError) : ConnectorResult.Later(attempt, lastError, null);
                }

                retryAfter = RetryAfter(response);
            }
            catch (HttpRequestException ex)
            {
                lastError = ex.Message;
                logger.LogWarning("Connector {Url} unreachable, attempt {Attempt}: {Error}", url, attempt, ex.Message);
            }
            catch (TaskCanceledException ex) when (!cancellation.IsCancellationRequested)
            {
                lastError = "timed out: " + ex.Message;
                logger.LogWarning("Connector {Url} timed out, attempt {Attempt}.", url, attempt);
            }

            if (retryAfter > settings.MaxRetryAfter)
            {
                return ConnectorResult.Later(attempt, lastError, retryAfter);
            }

            if (attempt < settings.RetryAttempts)
            {
                await Task.Delay(retryAfter ?? Backoff(settings.RetryBaseDelay, attempt), clock, cancellation);
            }
        }

        return ConnectorResult.Later(settings.RetryAttempts, lastError, null);
    }

    /// <summary>Exponential with ±50 % jitter, so throttled senders do not come back in step.</summary>
    public static TimeSpan Backoff(TimeSpan baseDelay, int attempt) =>
        baseDelay * Math.Pow(2, attempt - 1) * (0.5 + Random.Shared.NextDouble());

    private static Uri Url(OutboundKind kind, Activity activity)
    {
        var serviceUrl = activity.ServiceUrl ?? throw new ArgumentException("The activity has no service URL.", nameof(activity));
        if (kind == OutboundKind.Open)
        {
            return new Uri($"{serviceUrl.TrimEnd('/')}/v3/conversations");
        }

        var conversation = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation.", nameof(activity));
        var root = $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversation)}/activities";
        var target = kind == OutboundKind.Send ? activity.ReplyToId : activity.Id ?? throw new ArgumentException("Updates and deletes need the activity id.", nameof(activity));
        return new Uri(string.IsNullOrEmpty(target) ? root : $"{root}/{Uri.EscapeDataString(target)}");
    }

    private static HttpMethod Method(OutboundKind kind) => kind switch
    {
        OutboundKind.Update => HttpMethod.Put,
        OutboundKind.Delete => HttpMethod.Delete,
        _ => HttpMethod.Post,
    };

    /// <summary>
    /// The body of POST /v3/conversations: a personal chat with the recipient (by Entra object id, which Teams accepts
    /// for a user in the bot's tenant who has the app), or a post in the channel the conversation names.
    /// </summary>
    public static string ConversationParameters(Activity activity)
    {
        var conversation = activity.Conversation ?? throw new ArgumentException("The activity has no conversation.", nameof(activity));
        var tenant = conversation.TenantId;
        var inChannel = conversation.ConversationType == "channel";
        var first = activity with { Id = null, Conversation = null, ReplyToId = null, Recipient = inChannel ? null : activity.Recipient };
        var parameters = new Dictionary<string, object?>
        {
            ["isGroup"] = inChannel,
            ["bot"] = new { id = activity.From?.Id ?? "" },
            ["members"] = inChannel ? Array.Empty<object>() : new object[] { new { id = activity.Recipient?.AadObjectId ?? activity.Recipient?.Id ?? "" } },
            ["tenantId"] = tenant,
            ["channelData"] = inChannel
                ? new { channel = new { id = conversation.Id }, tenant = new { id = tenant } }
                : new { tenant = new { id = tenant } },
            ["activity"] = JsonDocument.Parse(ActivityJson.Serialize(first)).RootElement,
        };
        return JsonSerializer.Serialize(parameters, ActivityJson.Options);
    }

    private static async Task<ConnectorResult> Opened(int attempt, HttpResponseMessage response, CancellationToken cancellation)
    {
        var text = await response.Content.ReadAsStringAsync(cancellation);
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } conversation)
            {
                var activityId = root.TryGetProperty("activityId", out var a) ? a.GetString() : null;
                var serviceUrl = root.TryGetProperty("serviceUrl", out var u) ? u.GetString() : null;
                return ConnectorResult.Delivered(attempt, activityId) with { ConversationId = conversation, ServiceUrl = serviceUrl };
            }
        }
        catch (JsonException)
        {
        }

        // Sent, but we cannot tell where: later updates of this card are impossible, the card itself is there.
        return ConnectorResult.Delivered(attempt, null);
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    // These will not change by trying again: a malformed activity, a bot the user blocked or removed, a gone conversation.
    private static bool IsPermanent(HttpStatusCode status) =>
        status is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.RequestEntityTooLarge;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta;
        }

        return header.Date is { } date ? TimeSpan.FromTicks(Math.Max(0, (date - clock.GetUtcNow()).Ticks)) : null;
    }

    private static async Task<string?> ResourceId(HttpResponseMessage response, CancellationToken cancellation)
    {
        var text = await response.Content.ReadAsStringAsync(cancellation);
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>How a delivery round ended: sent (with the channel's id for it), to try again later, or refused for good.</summary>
public sealed record ConnectorResult(ConnectorOutcome Outcome, int Attempts, string? ChannelActivityId, string? Error, TimeSpan? RetryAfter)
{
    /// <summary>The conversation a message that opened one went to (and the service URL Teams named for it, if any).</summary>
    public string? ConversationId { get; init; }

    public string? ServiceUrl { get; init; }

    public static ConnectorResult Delivered(int attempts, string? id) => new(ConnectorOutcome.Delivered, attempts, id, null, null);

    public static ConnectorResult Later(int attempts, string? error, TimeSpan? retryAfter) => new(ConnectorOutcome.Later, attempts, null, error, retryAfter);

    public static ConnectorResult Refused(int attempts, string? error) => new(ConnectorOutcome.Refused, attempts, null, error, null);
}

public enum ConnectorOutcome
{
    Delivered,
    Later,
    Refused,
}
