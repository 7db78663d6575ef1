using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Testing;

/// <summary>
/// What Azure Bot Service publishes and signs with, for the fakes of it in the tests and the load tool: a key
/// endorsed for msteams, the OpenID metadata and key set at /.well-known/, and channel tokens signed with it.
/// Compiled into both projects (one file, linked).
/// </summary>
public sealed class ChannelSigning : IDisposable
{
    public const string Issuer = "https://api.botframework.com";

    private readonly RSA _rsa = RSA.Create(2048);

    public ChannelSigning(string keyId) => Key = new RsaSecurityKey(_rsa) { KeyId = keyId };

    public RsaSecurityKey Key { get; }

    /// <summary>Serves the metadata and the key set under the base URL that <paramref name="baseUrl"/> returns once started.</summary>
    public void Map(WebApplication app, Func<string> baseUrl)
    {
        app.MapGet("/.well-known/openidconfiguration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = baseUrl() + ".well-known/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/.well-known/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = Key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = Key.KeyId, n = jwk.N, e = jwk.E, endorsements = new[] { "msteams" } } } });
        });
    }

    /// <summary>A channel token as Azure Bot Service sends it: issued an hour before it expires, for one service URL.</summary>
    public string Token(string audience, string serviceUrl, DateTime expires, string issuer = Issuer, SecurityKey? key = null) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires.AddMinutes(-60),
            NotBefore = expires.AddMinutes(-60),
            Expires = expires,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl, ["appid"] = "ABS" },
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.RsaSha256),
        });

    public void Dispose() => _rsa.Dispose();
}
