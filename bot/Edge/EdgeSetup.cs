using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Edge;

/// <summary>What stands between the network and the endpoints: proxies, security headers, body and rate limits.</summary>
public static class EdgeSetup
{
    public static IServiceCollection AddEdge(this IServiceCollection services)
    {
        services.AddOptions<NetworkOptions>().BindConfiguration(NetworkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NetworkOptions>, IConfiguration>((forwarded, network, configuration) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in network.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var range in network.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(range));
            }

            // A forwarded host is believed only if it is one the host serves.
            forwarded.AllowedHosts = (configuration["AllowedHosts"] ?? "*").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        });
        services.AddRateLimits();
        return services;
    }

    /// <summary>First in the pipeline: the client's real address and scheme, then headers on every answer.</summary>
    public static WebApplication UseEdge(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        WarnIfHostsAreOpen(app);
        return app;
    }

    /// <summary>After the static pages: routing, so that the limits of the endpoint are known, then the limits.</summary>
    public static WebApplication UseEndpointLimits(this WebApplication app)
    {
        app.UseRouting();
        app.UseCors();
        app.UseBodyLimits();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static void WarnIfHostsAreOpen(WebApplication app)
    {
        var allowed = app.Configuration["AllowedHosts"] ?? "*";
        var urls = app.Configuration["Urls"] ?? "";
        var beyondLoopback = urls.Split(';').Any(u => !u.Contains("localhost", StringComparison.OrdinalIgnoreCase) && !u.Contains("127.0.0.1", StringComparison.Ordinal) && !u.Contains("[::1]", StringComparison.Ordinal));
        if (allowed.Trim() == "*" && beyondLoopback && app.Services.GetRequiredService<IOptions<NetworkOptions>>().Value.PublicUrl.Length == 0)
        {
            app.Logger.LogWarning(
                "The host listens on {Urls} with AllowedHosts \"*\" and no Network:PublicUrl: links it hands out will use whatever Host a client sends. Set AllowedHosts to the host names users reach it by, or set Network:PublicUrl.",
                urls);
        }
    }
}
