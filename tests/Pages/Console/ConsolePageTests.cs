using System.Net;
using Assistant.Tests.Desk.Api;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Pages.Console;

/// <summary>The built console is served at /console: its files, index.html for deep links, under the page CSP.</summary>
public sealed class ConsolePageTests(PostgresServer server) : IAsyncLifetime
{
    private DeskHost _host = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _host = new DeskHost(server, PostgresServer.NewSchema("consolepage"));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Deep_links_get_the_app_whose_scripts_come_from_the_host_itself()
    {
        using var http = _host.Anonymous();

        var root = await http.GetAsync("/console/", Cancel);
        var deep = await http.GetAsync("/console/tickets/6f1c2d9e-0000-4000-8000-000000000001", Cancel);
        var html = await deep.Content.ReadAsStringAsync(Cancel);
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/console/assets/[^\"]+\\.js)\"").Groups[1].Value;
        var bundle = await http.GetAsync(script, Cancel);

        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deep.StatusCode);
        Assert.Contains("有求必应 · 企业诉求办理平台", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", deep.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-cache", deep.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.True(bundle.Headers.CacheControl?.MaxAge > TimeSpan.FromDays(300));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/console/assets/missing-0000.js", Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_bare_address_moves_to_the_app_base()
    {
        using var http = _host.Anonymous(followRedirects: false);
        var response = await http.GetAsync("/console?signin=failed", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/?signin=failed", response.Headers.Location?.OriginalString);
    }
}
