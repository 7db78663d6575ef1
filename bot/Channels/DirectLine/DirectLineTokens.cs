using System.Security.Cryptography;
using Marten;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Bot.Channels.DirectLine;

public enum TokenKind
{
    Conversation,
    Stream,
}

/// <param name="SignedInAt">When the chain of refreshed conversation tokens began; a token cannot be refreshed past DirectLine:MaxTokenHours.</param>
/// <param name="Id">A stream token's id, which is spent when the socket opens.</param>
public sealed record TokenClaims(string ConversationId, string UserId, string? UserName, TokenKind Kind, DateTimeOffset? SignedInAt = null, string? Id = null);

/// <summary>
/// Signed tokens (JWT, HS256) bound to one conversation and one user, as Direct Line issues them; Web Chat reads the
/// `user` claim to know its own id. The server takes the sender from the token, never from the posted activity.
/// </summary>
public sealed class DirectLineTokens(IDocumentStore store, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private const string Issuer = "youqiubiying-directline";
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private SymmetricSecurityKey? _key;

    public int ExpiresIn(TokenKind kind) => kind == TokenKind.Stream ? options.Value.StreamTokenSeconds : options.Value.TokenMinutes * 60;

    public async Task<string> Issue(TokenClaims claims, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var subject = new Dictionary<string, object>
        {
            ["conv"] = claims.ConversationId,
            ["user"] = claims.UserId,
            ["kind"] = claims.Kind.ToString().ToLowerInvariant(),
        };
        if (claims.UserName is { Length: > 0 } name)
        {
            subject["name"] = name;
        }

        if (claims.Kind == TokenKind.Conversation)
        {
            subject["auth"] = (claims.SignedInAt ?? clock.GetUtcNow()).ToUnixTimeSeconds();
        }
        else
        {
            subject["jti"] = Base64Url(RandomNumberGenerator.GetBytes(16));
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Claims = subject,
            NotBefore = now.AddSeconds(-5),
            IssuedAt = now,
            Expires = now.AddSeconds(ExpiresIn(claims.Kind)),
            SigningCredentials = new SigningCredentials(await Key(cancellation), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The claims of a valid, unexpired token of the given kind; null for anything else.</summary>
    public async Task<TokenClaims?> Validate(string? token, TokenKind kind, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4096)
        {
            return null;
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = await Key(cancellation),
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (notBefore, expires, _, _) =>
                clock.GetUtcNow().UtcDateTime is var now && (notBefore is null || now >= notBefore.Value.AddSeconds(-30)) && expires is { } e && now < e,
        });
        if (!result.IsValid || result.ClaimsIdentity is not { } identity)
        {
            return null;
        }

        string? Claim(string type) => identity.FindFirst(type)?.Value;
        if (!string.Equals(Claim("kind"), kind.ToString(), StringComparison.OrdinalIgnoreCase) || Claim("conv") is not { } conversation || Claim("user") is not { } user)
        {
            return null;
        }

        DateTimeOffset? signedIn = long.TryParse(Claim("auth"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var auth)
            ? DateTimeOffset.FromUnixTimeSeconds(auth)
            : null;
        return kind == TokenKind.Conversation && signedIn is null || kind == TokenKind.Stream && Claim("jti") is null
            ? null
            : new TokenClaims(conversation, user, Claim("name"), kind, signedIn, Claim("jti"));
    }

    /// <summary>Whether a conversation token may still be refreshed, or its holder must start again from the page.</summary>
    public bool MayRefresh(TokenClaims claims) =>
        claims.SignedInAt is { } since && clock.GetUtcNow() - since < TimeSpan.FromHours(options.Value.MaxTokenHours);

    /// <summary>An HMAC of the text with the Direct Line key, URL-safe: for values the server hands out and must recognise.</summary>
    public async Task<string> Mac(string text, CancellationToken cancellation) =>
        Base64Url(HMACSHA256.HashData((await Key(cancellation)).Key, System.Text.Encoding.UTF8.GetBytes(text)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private async Task<SymmetricSecurityKey> Key(CancellationToken cancellation)
    {
        if (_key is not null)
        {
            return _key;
        }

        await using var session = store.LightweightSession();
        var stored = await session.LoadAsync<DirectLineSigningKey>("directline", cancellation);
        if (stored is null)
        {
            stored = new DirectLineSigningKey { Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)) };
            session.Insert(stored);
            try
            {
                await session.SaveChangesAsync(cancellation);
            }
            catch (JasperFx.DocumentAlreadyExistsException)
            {
                // Another host made it first: use theirs.
                await using var again = store.QuerySession();
                stored = (await again.LoadAsync<DirectLineSigningKey>("directline", cancellation))!;
            }
        }

        return _key = new SymmetricSecurityKey(Convert.FromBase64String(stored.Key));
    }
}
