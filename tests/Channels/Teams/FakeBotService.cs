using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

using Assistant.Testing;

namespace Assistant.Tests.Channels.Teams;

/// <summary>
/// Azure Bot Service on loopback: OpenID metadata and a JWKS with a key made for the test (endorsed for msteams),
/// tokens signed with it, and a Bot Connector that records what the bot sends and answers as each test scripts.
/// </summary>
public sealed class FakeBotService : IAsyncDisposable
{
    public const string AppId = "6f2b9a53-1c1e-4f0a-9a57-0c4b0d1e2f33";
    public const string KeyId = "test-key-1";

    private readonly WebApplication _app;
    private readonly ChannelSigning _signing = new(KeyId);
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _scripts = new();
    private readonly ConcurrentDictionary<string, bool> _down = new();
    private int _ids;

    private FakeBotService(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The serviceUrl Teams would put in activities; the fake connector lives there.</summary>
    public string ServiceUrl => BaseUrl;

    public string MetadataUrl => BaseUrl + ".well-known/openidconfiguration";

    public IReadOnlyList<Received> Received => _received.ToList();

    public static async Task<FakeBotService> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotService(app);
        fake._signing.Map(app, () => fake.BaseUrl);
        app.MapPost("/v3/conversations", fake.CreateConversation);
        app.Map("/v3/conversations/{**rest}", fake.Connector);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = address.TrimEnd('/') + "/";
        return fake;
    }

    /// <summary>The connector's next answers for one conversation, in order; 200 after they run out.</summary>
    public void Answer(string conversationId, params int[] statuses) => _scripts[conversationId] = new ConcurrentQueue<int>(statuses);

    /// <summary>While down, every call for the conversation gets 502.</summary>
    public void SetDown(string conversationId, bool down) => _down[conversationId] = down;

    public IReadOnlyList<Received> For(string conversationId) => Received.Where(r => r.ConversationId == conversationId).ToList();

    public IReadOnlyList<Received> DeliveredTo(string conversationId) => For(conversationId).Where(r => r.Status is >= 200 and < 300).ToList();

    /// <summary>Waits until the condition holds on what the connector received, or fails after the deadline.</summary>
    public async Task<IReadOnlyList<Received>> WaitFor(string conversationId, Func<IReadOnlyList<Received>, bool> condition, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition(For(conversationId)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The connector did not get what was expected for {conversationId}; it got: {string.Join(" | ", For(conversationId).Select(r => $"{r.Status} {r.Method} {r.RawTarget}"))}");
            await Task.Delay(20, cancellation);
        }

        return For(conversationId);
    }

    public string Token(
        string audience = AppId,
        string issuer = ChannelSigning.Issuer,
        string? serviceUrl = null,
        DateTime? expires = null,
        SecurityKey? key = null) =>
        _signing.Token(audience, serviceUrl ?? ServiceUrl, expires ?? DateTime.UtcNow.AddMinutes(30), issuer, key);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _signing.Dispose();
    }

    /// <summary>The conversation Teams opens for a person (the same one every time) or a new post in a channel.</summary>
    public static string OpenedFor(string aadObjectId) => "a:opened-" + aadObjectId;

    /// <summary>
    /// POST /v3/conversations: a personal chat with the one member (always the same conversation for the same person,
    /// as Teams does) or a new thread in the channel the channel data names; recorded under the conversation it opened.
    /// </summary>
    private async Task CreateConversation(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var json = JsonDocument.Parse(body).RootElement;
        var channel = json.TryGetProperty("channelData", out var data) && data.TryGetProperty("channel", out var c) ? c.GetProperty("id").GetString() : null;
        var activityId = $"teams-msg-{Interlocked.Increment(ref _ids)}";
        var conversationId = channel is not null ? $"{channel};messageid={activityId}" : OpenedFor(json.GetProperty("members")[0].GetProperty("id").GetString()!);
        var key = channel ?? conversationId;
        var status = _scripts.TryGetValue(key, out var script) && script.TryDequeue(out var next) ? next : 200;
        _received.Enqueue(new Received("POST", "/v3/conversations", key, context.Request.Headers.Authorization.ToString(), body, status));
        context.Response.StatusCode = status;
        if (status is >= 200 and < 300)
        {
            await context.Response.WriteAsJsonAsync(new { id = conversationId, activityId }, context.RequestAborted);
        }
    }

    private async Task Connector(HttpContext context, string rest)
    {
        var conversationId = Uri.UnescapeDataString(rest.Split('/')[0]);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var status = _down.TryGetValue(conversationId, out var down) && down ? 502
            : _scripts.TryGetValue(conversationId, out var script) && script.TryDequeue(out var next) ? next
            : 200;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        _received.Enqueue(new Received(context.Request.Method, rawTarget, conversationId, context.Request.Headers.Authorization.ToString(), body, status));
        context.Response.StatusCode = status;
        if (status == 429)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        if (status is >= 200 and < 300)
        {
            await context.Response.WriteAsJsonAsync(new { id = $"teams-msg-{Interlocked.Increment(ref _ids)}" }, context.RequestAborted);
        }
    }
}

/// <summary>One call the bot made to the connector, and how the fake answered it.</summary>
public sealed record Received(string Method, string RawTarget, string ConversationId, string Authorization, string Body, int Status)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
