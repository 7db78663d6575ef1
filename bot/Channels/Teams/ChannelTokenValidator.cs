using System.Collections.Concurrent;
using System.Text.Json;
using Assistant.Dialogs.Activities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Bot.Channels.Teams;

/// <summary>
/// Checks the token Azure Bot Service sends with every activity, as the Bot Framework SDK does for channel tokens:
/// signed by a key from the Bot Framework's OpenID metadata (chosen by kid), issued by https://api.botframework.com
/// for our app id, within its lifetime; the key must be endorsed for the activity's channel, and the token's
/// serviceurl claim must name the activity's service URL.
/// Azure Bot Service sends the same token with every activity for most of its hour, so a token that passed is
/// remembered until it expires (or the keys are read again) and its signature is not checked at every activity.
/// </summary>
public sealed class ChannelTokenValidator
{
    public const string HttpClientName = "teams-openid";
    public const string ChannelIssuer = "https://api.botframework.com";

    // A region's Bot Connector uses a handful of tokens at a time; far more means something is sending junk.
    private const int RememberedTokens = 256;

    private readonly JsonWebTokenHandler _handler = new();
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly TeamsOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<ChannelTokenValidator> _logger;
    private readonly ConcurrentDictionary<string, Passed> _passed = new(StringComparer.Ordinal);

    public ChannelTokenValidator(IOptions<TeamsOptions> options, IHttpClientFactory http, TimeProvider clock, ILogger<ChannelTokenValidator> logger)
    {
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        var loopback = Uri.TryCreate(_options.OpenIdMetadataUrl, UriKind.Absolute, out var url) && url.IsLoopback;
        var retriever = new HttpDocumentRetriever(http.CreateClient(HttpClientName)) { RequireHttps = !loopback };
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(_options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(24),
            RefreshInterval = TimeSpan.FromHours(1),
        };
    }

    /// <summary>The channel's identity if the Authorization header carries a valid channel token, else null (the reason is logged).</summary>
    public async Task<ChannelIdentity?> Authenticate(string? authorization, CancellationToken cancellation)
    {
        const string bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) || authorization.Length == bearer.Length)
        {
            _logger.LogWarning("Teams request refused: no bearer token.");
            return null;
        }

        var token = authorization[bearer.Length..].Trim();
        var configuration = await Metadata(cancellation);
        if (_passed.TryGetValue(token, out var passed) && ReferenceEquals(passed.Configuration, configuration) && _clock.GetUtcNow() < passed.Until)
        {
            return passed.Identity;
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(configuration));
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys roll over: on an unknown kid read the metadata again (the manager allows this at most hourly).
            _metadata.RequestRefresh();
            configuration = await Metadata(cancellation);
            result = await _handler.ValidateTokenAsync(token, Parameters(configuration));
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            _logger.LogWarning("Teams request refused: {Reason}", result.Exception?.Message ?? "invalid token");
            return null;
        }

        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == jwt.Kid);
        var serviceUrl = jwt.TryGetPayloadValue<string>("serviceurl", out var claim) ? claim : null;
        var identity = new ChannelIdentity(serviceUrl, Endorsements(key));
        Remember(token, new Passed(identity, configuration, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) + _options.ClockSkew));
        return identity;
    }

    private void Remember(string token, Passed passed)
    {
        if (_passed.Count >= RememberedTokens)
        {
            var now = _clock.GetUtcNow();
            foreach (var (old, entry) in _passed)
            {
                if (entry.Until <= now || !ReferenceEquals(entry.Configuration, passed.Configuration))
                {
                    _passed.TryRemove(old, out _);
                }
            }

            if (_passed.Count >= RememberedTokens)
            {
                _passed.Clear();
            }
        }

        _passed[token] = passed;
    }

    /// <summary>A token that passed every check, what it said, and until when it holds (its expiry and the allowed skew).</summary>
    private sealed record Passed(ChannelIdentity Identity, OpenIdConnectConfiguration Configuration, DateTimeOffset Until);

    /// <summary>The channel's OpenID metadata and signing keys; they are cached, and read again when they expire.</summary>
    private async Task<OpenIdConnectConfiguration> Metadata(CancellationToken cancellation)
    {
        try
        {
            return await _metadata.GetConfigurationAsync(cancellation);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException)
        {
            _logger.LogError(ex, "The Bot Framework OpenID metadata at {Url} cannot be read; Teams messages are refused with 503 until it can.", _options.OpenIdMetadataUrl);
            throw new ChannelMetadataUnavailableException(ex);
        }
    }

    /// <summary>Whether an authenticated channel may deliver this activity; the reason is logged when not.</summary>
    public bool Allows(ChannelIdentity identity, Activity activity)
    {
        if (identity.Endorsements.Count > 0 && !string.IsNullOrEmpty(activity.ChannelId) && !identity.Endorsements.Contains(activity.ChannelId))
        {
            _logger.LogWarning("Teams request refused: the signing key is not endorsed for channel {Channel}.", activity.ChannelId);
            return false;
        }

        if (identity.ServiceUrl is null || identity.ServiceUrl != activity.ServiceUrl)
        {
            _logger.LogWarning("Teams request refused: the token's serviceurl claim {Claim} does not match the activity's {ServiceUrl}.", identity.ServiceUrl, activity.ServiceUrl);
            return false;
        }

        return true;
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuer = ChannelIssuer,
        ValidAudience = _options.AppId,
        IssuerSigningKeys = configuration.SigningKeys,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
        ClockSkew = _options.ClockSkew,
        // On the host's clock (the remembered tokens are judged by it too).
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            return expires is { } until && now < until + _options.ClockSkew && (notBefore is not { } from || from - _options.ClockSkew <= now);
        },
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
    };

    private static IReadOnlySet<string> Endorsements(JsonWebKey? key)
    {
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return new HashSet<string>();
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.ToString()).ToHashSet(),
            string single => new HashSet<string> { single },
            IEnumerable<object> items => items.Select(i => i.ToString() ?? "").ToHashSet(),
            _ => new HashSet<string>(),
        };
    }
}

/// <summary>The keys that sign channel tokens cannot be fetched, so no token can be checked: the caller should retry later.</summary>
public sealed class ChannelMetadataUnavailableException(Exception inner)
    : Exception("The Bot Framework OpenID metadata cannot be read.", inner);

/// <summary>What a valid channel token says: the service URL it was issued for and the channels its key is endorsed for.</summary>
public sealed record ChannelIdentity(string? ServiceUrl, IReadOnlySet<string> Endorsements);
