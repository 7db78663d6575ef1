using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Assistant.Tests.Infrastructure;

/// <summary>A person known to the identity provider.</summary>
public sealed record ProviderUser(string Subject, string? Email, string Name, bool EmailVerified = true);

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on a loopback port inside the test process: discovery, authorization
/// (code flow, PKCE required), token and userinfo endpoints, ephemeral keys, one confidential client. It runs
/// without a store (OpenIddict's degraded mode): the client and its redirect URIs are checked here instead. No login
/// page: whoever <see cref="SignedIn"/> names is the person at the keyboard; nobody means they cancel.
/// </summary>
public sealed class LocalIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "youqiu-console";
    public const string ClientSecret = "local-provider-secret-2026";

    private readonly ConcurrentQueue<string> _authorizationRequests = new();
    private readonly ConcurrentDictionary<string, bool> _redirectUris = new(StringComparer.Ordinal);
    private WebApplication _app = null!;

    private LocalIdentityProvider()
    {
    }

    public static ProviderUser WangFang { get; } = new("u-wangfang", "wangfang@gov.example", "王芳");

    /// <summary>The issuer, e.g. http://127.0.0.1:43121/ (or the same port at localhost, another site for a browser).</summary>
    public Uri Authority { get; private set; } = null!;

    /// <summary>Who is signed in at the provider; null: the person cancels (access_denied).</summary>
    public ProviderUser? SignedIn { get; set; } = WangFang;

    /// <summary>Whether e-mail and name are in the ID token too, or only at the userinfo endpoint (as OIDC Core 5.4 allows for the code flow).</summary>
    public bool ClaimsInIdToken { get; set; } = true;

    /// <summary>The query strings of the authorization requests the provider accepted.</summary>
    public IReadOnlyList<string> AuthorizationRequests => [.. _authorizationRequests];

    public static async Task<LocalIdentityProvider> Start(string hostName = "127.0.0.1", ILoggerProvider? logs = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        var provider = new LocalIdentityProvider();
        builder.Services.AddOpenIddict()
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes(Scopes.Email, Scopes.Profile);
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                server.EnableDegradedMode();
                server.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(provider.ValidateClient));
                server.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(ValidateClientSecret));
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .DisableTransportSecurityRequirement(); // plain http on loopback, in tests only
            });

        var app = provider._app = builder.Build();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], provider.Authorize);
        app.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, Task<IResult>>)UserInfo);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        provider.Authority = new Uri($"http://{hostName}:{address.Port}/");
        // Its first discovery request takes seconds of JIT on a cold start (many more on a busy machine); a browser
        // test must not spend its own timeouts on that.
        using var warm = new HttpClient();
        await warm.GetStringAsync(new Uri(address, ".well-known/openid-configuration"), TestContext.Current.CancellationToken);
        await warm.GetStringAsync(new Uri(address, ".well-known/jwks"), TestContext.Current.CancellationToken);
        return provider;
    }

    /// <summary>Registers the client's redirect URIs for a host: its /signin-oidc on 127.0.0.1 and on localhost.</summary>
    public void RegisterClient(Uri host)
    {
        foreach (var name in new[] { "127.0.0.1", "localhost" })
        {
            _redirectUris[$"http://{name}:{host.Port}/signin-oidc"] = true;
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private IResult Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (SignedIn is not { } user)
        {
            return Results.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user cancelled the sign-in.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        _authorizationRequests.Enqueue(context.Request.QueryString.Value ?? "");
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject).SetClaim(Claims.Name, user.Name);
        if (user.Email is not null)
        {
            identity.SetClaim(Claims.Email, user.Email).SetClaim(Claims.EmailVerified, user.EmailVerified);
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(claim => claim.Type == Claims.Subject || ClaimsInIdToken
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The claims of the access token's person that its scopes allow, as a JSON object.</summary>
    private static async Task<IResult> UserInfo(HttpContext context)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var claims = new Dictionary<string, object?> { [Claims.Subject] = principal.GetClaim(Claims.Subject) };
        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = principal.GetClaim(Claims.Name);
        }

        if (principal.HasScope(Scopes.Email) && principal.GetClaim(Claims.Email) is { } email)
        {
            claims[Claims.Email] = email;
            claims[Claims.EmailVerified] = principal.GetClaim(Claims.EmailVerified) is "true" or "True";
        }

        return Results.Json(claims);
    }

    private ValueTask ValidateClient(ValidateAuthorizationRequestContext context)
    {
        if (context.ClientId != ClientId)
        {
            context.Reject(Errors.InvalidClient, "Unknown client.");
        }
        else if (context.RedirectUri is not { } redirect || !_redirectUris.ContainsKey(redirect))
        {
            context.Reject(Errors.InvalidRequest, "The redirect_uri is not registered for this client.");
        }

        return default;
    }

    private static ValueTask ValidateClientSecret(ValidateTokenRequestContext context)
    {
        if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
        {
            context.Reject(Errors.InvalidClient, "The client credentials are not valid.");
        }

        return default;
    }
}
