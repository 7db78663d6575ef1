using Microsoft.Extensions.Options;

namespace Assistant.Bot.Edge;

/// <summary>
/// Headers every answer carries. Pages get a Content-Security-Policy that lets scripts come only from this host and
/// lets only the configured portals frame them; every other answer gets one that allows nothing. Browsers are told
/// not to guess content types, to keep referrers to the origin, and to use https once they have (HSTS).
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var network = app.ApplicationServices.GetRequiredService<IOptions<NetworkOptions>>().Value;
        var ancestors = string.Join(' ', network.FrameAncestors.Select(o => o.TrimEnd('/')).Prepend("'self'"));
        var connect = network.PublicUrl.Length > 0 ? $"'self' {WebSocketOrigin(network.PublicUrl)}" : "'self'";
        var page = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
                   $"media-src 'self' blob:; connect-src {connect}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors {ancestors}";
        const string Nothing = "default-src 'none'; frame-ancestors 'none'";
        var hsts = $"max-age={network.HstsDays * 24 * 3600}";
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                if (headers.ContentSecurityPolicy.Count == 0)
                {
                    var isPage = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
                    headers.ContentSecurityPolicy = isPage ? page : Nothing;
                    if (isPage && network.FrameAncestors.Count == 0)
                    {
                        headers.XFrameOptions = "SAMEORIGIN"; // for browsers older than frame-ancestors
                    }
                }

                if (context.Request.IsHttps && network.HstsDays > 0)
                {
                    headers.StrictTransportSecurity = hsts;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    private static string WebSocketOrigin(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + url[8..].TrimEnd('/') : "ws://" + url[7..].TrimEnd('/');
}
