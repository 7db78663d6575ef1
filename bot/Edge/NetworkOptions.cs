using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Assistant.Bot.Edge;

/// <summary>Section <c>Network</c>: how the host sits behind proxies and inside portals.</summary>
public sealed class NetworkOptions : IValidatableObject
{
    public const string Section = "Network";

    /// <summary>
    /// The address users reach the host at, e.g. https://qiye.example.gov.cn. When set, every link the host makes
    /// (stream URLs, file links) starts with it; when empty, links use the request's own scheme and host, which
    /// AllowedHosts and the known proxies vouch for.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>Addresses of reverse proxies whose X-Forwarded-For/-Proto/-Host headers are believed.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies, e.g. 10.0.0.0/8.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Origins of portal pages that may show the chat page in a frame (CSP frame-ancestors); the host itself always may.</summary>
    public List<string> FrameAncestors { get; set; } = [];

    [Range(0, 3650, ErrorMessage = "Network:HstsDays 须在 0 到 3650 之间。")]
    public int HstsDays { get; set; } = 365;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicUrl.Length > 0 && (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.PathAndQuery != "/"))
        {
            yield return new ValidationResult($"Network:PublicUrl（{PublicUrl}）须是 http:// 或 https:// 开头、不带路径的地址，例如 https://qiye.example.gov.cn。");
        }

        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"Network:KnownProxies 中的“{proxy}”不是 IP 地址。");
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"Network:KnownNetworks 中的“{network}”不是网段（例如 10.0.0.0/8）。");
        }

        foreach (var origin in FrameAncestors.Where(o => !Uri.TryCreate(o, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https") || u.PathAndQuery != "/"))
        {
            yield return new ValidationResult($"Network:FrameAncestors 中的“{origin}”须是页面来源，例如 https://www.example.gov.cn。");
        }
    }
}

/// <summary>The scheme and host that links handed to clients start with.</summary>
public static class PublicAddress
{
    public static string Of(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<NetworkOptions>>().Value.PublicUrl is { Length: > 0 } url
            ? url.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}";

    /// <summary>The WebSocket form of <see cref="Of"/>: wss:// for https.</summary>
    public static string WebSocketOf(HttpRequest request) =>
        Of(request) is var address && address.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + address[8..] : "ws://" + address[(address.IndexOf("://", StringComparison.Ordinal) + 3)..];
}
