using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Assistant.Testing;

namespace Assistant.Benchmarks;

/// <summary>
/// Azure Bot Service for the load tool, on loopback: OpenID metadata and keys (endorsed for msteams), one signed channel
/// token, and a Bot Connector that accepts every reply and tells the waiting conversation when its reply arrived.
/// </summary>
public sealed class FakeBotService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ChannelSigning _signing = new("load-key");
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new();
    private int _ids;
    private int _proactive;

    private FakeBotService(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public string MetadataUrl => BaseUrl + ".well-known/openidconfiguration";

    public string Token { get; private set; } = "";

    public static async Task<FakeBotService> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotService(app);
        fake._signing.Map(app, () => fake.BaseUrl);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", fake.Reply);
        app.MapPost("/v3/conversations/{conversationId}/activities", () =>
        {
            fake.Count();
            return Results.Json(new { id = $"proactive-{Interlocked.Increment(ref fake._ids)}" });
        });
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", () =>
        {
            fake.Count();
            return Results.Json(new { id = "updated" });
        });
        app.MapPost("/v3/conversations", async (HttpContext context) =>
        {
            // A personal chat opened for someone who never wrote: the same conversation for the same person, as Teams does.
            using var body = await System.Text.Json.JsonDocument.ParseAsync(context.Request.Body);
            var member = body.RootElement.GetProperty("members")[0].GetProperty("id").GetString();
            fake.Count();
            return Results.Json(new { id = "a:opened-" + member, activityId = $"opened-{Interlocked.Increment(ref fake._ids)}" });
        });
        app.Map("/{**rest}", (HttpContext context) =>
        {
            Console.Error.WriteLine($"[fake connector] unexpected {context.Request.Method} {context.Request.Path}");
            return Results.NotFound();
        });
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        fake.Token = fake._signing.Token(TeamsHost.AppId, fake.BaseUrl, DateTime.UtcNow.AddMinutes(55));
        return fake;
    }

    /// <summary>Proactive messages, conversation openings and updates received so far.</summary>
    public int Proactive => Volatile.Read(ref _proactive);

    /// <summary>Completes when the bot's first reply to the activity reaches the connector.</summary>
    public Task ReplyTo(string conversationId, string activityId) =>
        _waiting.GetOrAdd(Key(conversationId, activityId), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _signing.Dispose();
    }

    private IResult Reply(string conversationId, string replyToId)
    {
        _waiting.GetOrAdd(Key(conversationId, replyToId), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return Results.Json(new { id = $"msg-{Interlocked.Increment(ref _ids)}" });
    }

    private void Count() => Interlocked.Increment(ref _proactive);

    private static string Key(string conversationId, string activityId) => conversationId + "\n" + activityId;
}
