using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.SignIn;

/// <summary>
/// Fetches the identity provider's discovery document and signing keys once at start, in the background: the first
/// person to press 使用统一身份认证登录 then does not wait for them (seconds on a cold start), and a wrong authority is
/// in the log before anyone tries. The host never waits for this; a provider that cannot be reached is tried again at
/// the first sign-in, as before.
/// </summary>
internal sealed class ProviderMetadataWarmup(IOptionsMonitor<OpenIdConnectOptions> oidc, ILogger<ProviderMetadataWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = oidc.Get(SignInSetup.OidcScheme);
        try
        {
            await options.ConfigurationManager!.GetConfigurationAsync(stoppingToken);
            logger.LogInformation("The identity provider's metadata at {Authority} is loaded.", options.Authority);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (InvalidOperationException ex)
        {
            logger.LogWarning("The identity provider at {Authority} cannot be reached yet: {Problem}", options.Authority, ex.Message);
        }
    }
}
