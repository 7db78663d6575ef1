using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Benchmarks;

/// <summary>
/// Azure Bot Service for the load tool, on loopback: OpenID metadata and keys (endorsed for msteams), one signed channel
/// token, and a Bot Connector that accepts every reply and tells the waiting conversation when its reply arrived.
/// </summary>
public sealed class FakeBotService : IAsyncDisposable
{
    private const string KeyId = "load-key";
    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new();
    private int _ids;

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
        app.MapGet("/.well-known/openidconfiguration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = "https://api.botframework.com",
            ["jwks_uri"] = fake.BaseUrl + ".well-known/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/.well-known/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(fake._rsa.ExportParameters(false)) { KeyId = KeyId });
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = KeyId, n = jwk.N, e = jwk.E, endorsements = new[] { "msteams" } } } });
        });
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", fake.Reply);
        app.MapPost("/v3/conversations/{conversationId}/activities", () => Results.Json(new { id = "proactive" }));
        app.Map("/{**rest}", (HttpContext context) =>
        {
            Console.Error.WriteLine($"[fake connector] unexpected {context.Request.Method} {context.Request.Path}");
            return Results.NotFound();
        });
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        fake.Token = fake.SignToken();
        return fake;
    }

    /// <summary>Completes when the bot's first reply to the activity reaches the connector.</summary>
    public Task ReplyTo(string conversationId, string activityId) =>
        _waiting.GetOrAdd(Key(conversationId, activityId), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
    }

    private IResult Reply(string conversationId, string replyToId)
    {
        _waiting.GetOrAdd(Key(conversationId, replyToId), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return Results.Json(new { id = $"msg-{Interlocked.Increment(ref _ids)}" });
    }

    private static string Key(string conversationId, string activityId) => conversationId + "\n" + activityId;

    private string SignToken()
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = TeamsHost.AppId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(2),
            Claims = new Dictionary<string, object> { ["serviceurl"] = BaseUrl, ["appid"] = "ABS" },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }
}
