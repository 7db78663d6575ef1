using System.Net;

namespace Assistant.Tests.Infrastructure;

/// <summary>
/// What a browser does with redirects and cookies, over every origin it visits, with the addresses it passed
/// through. One cookie jar for all of them; like a browser, it sends a Secure cookie only over https.
/// </summary>
public sealed class RedirectingBrowser : IDisposable
{
    private readonly HttpClient _http;

    public RedirectingBrowser() => _http = new HttpClient(Handler());

    public CookieContainer Cookies { get; } = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Opens the address and follows redirects (at most 10) to the page that answers.</summary>
    public async Task<Visit> Open(Uri address)
    {
        var hops = new List<Uri> { address };
        for (var i = 0; i < 10; i++)
        {
            var response = await _http.GetAsync(address, Cancel);
            if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is not { } location)
            {
                return new Visit(hops, response);
            }

            address = new Uri(address, location);
            hops.Add(address);
            response.Dispose();
        }

        throw new InvalidOperationException("Too many redirects: " + string.Join(" → ", hops));
    }

    /// <summary>A client for one origin that shares this browser's cookies, as a page's own requests do.</summary>
    public HttpClient Client(Uri origin) => new(Handler()) { BaseAddress = origin };

    public void Dispose() => _http.Dispose();

    private SocketsHttpHandler Handler() => new() { AllowAutoRedirect = false, UseCookies = true, CookieContainer = Cookies };
}

/// <summary>Where a browser went: every address in order, and the answer of the last one.</summary>
public sealed record Visit(IReadOnlyList<Uri> Hops, HttpResponseMessage Response)
{
    public Uri End => Hops[^1];

    public override string ToString() => string.Join(" → ", Hops.Select(h => h.GetLeftPart(UriPartial.Path)));
}
