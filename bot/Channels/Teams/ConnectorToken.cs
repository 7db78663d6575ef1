using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace Assistant.Bot.Channels.Teams;

/// <summary>The bearer token for calls to the Bot Connector; an interface so tests need no Entra tenant.</summary>
public interface IConnectorTokenProvider
{
    Task<string> GetToken(CancellationToken cancellation);
}

/// <summary>
/// Client credentials from the tenant of the single-tenant registration, through MSAL, which caches the token and
/// renews it before it expires.
/// </summary>
public sealed class MsalConnectorTokenProvider(IOptions<TeamsOptions> options) : IConnectorTokenProvider
{
    private readonly Lazy<IConfidentialClientApplication> _application = new(() =>
        ConfidentialClientApplicationBuilder.Create(options.Value.AppId)
            .WithClientSecret(options.Value.AppPassword)
            .WithAuthority(options.Value.AuthorityUrl)
            .Build());

    public async Task<string> GetToken(CancellationToken cancellation)
    {
        var result = await _application.Value.AcquireTokenForClient([options.Value.Scope]).ExecuteAsync(cancellation);
        return result.AccessToken;
    }
}
