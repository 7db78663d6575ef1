using System.Text.Json;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Assistant.Tests.Desk.Api;

/// <summary>
/// Single sign-on in headless Chromium, which enforces SameSite and Secure as people's browsers do: the console is
/// opened at localhost and the provider lives at 127.0.0.1, two different sites, both on plain http.
/// </summary>
public sealed class SingleSignOnBrowserTests(PostgresServer server, ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    [Theory]
    [InlineData("localhost", "127.0.0.1")]
    [InlineData("127.0.0.1", "localhost")]
    public async Task In_a_real_browser_the_round_trip_through_another_site_signs_the_staff_member_in(string consoleHost, string providerHost)
    {
        Assert.True(File.Exists(Chromium), $"Chromium is expected at {Chromium} (Debian package 'chromium'; .ci/run installs it).");
        await using var provider = await LocalIdentityProvider.Start(providerHost);
        await using var host = new DeskHost(server, PostgresServer.NewSchema("ssobrowser"), settings: new Dictionary<string, string>
        {
            ["SignIn:Oidc:Enabled"] = "true",
            ["SignIn:Oidc:Authority"] = provider.Authority.ToString(),
            ["SignIn:Oidc:ClientId"] = LocalIdentityProvider.ClientId,
            ["SignIn:Oidc:ClientSecret"] = LocalIdentityProvider.ClientSecret,
            ["SignIn:Oidc:RequireHttpsMetadata"] = "false",
        });
        var console = new UriBuilder(host.ServeOnLoopback()) { Host = consoleHost }.Uri;
        provider.RegisterClient(console);
        await host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        var page = await (await browser.NewContextAsync()).NewPageAsync();
        var visited = new List<string>();
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                visited.Add(frame.Url);
            }
        };
        page.Console += (_, message) => output.WriteLine($"[browser] {message.Text}");
        page.RequestFailed += (_, request) => output.WriteLine($"[failed] {request.Method} {request.Url} {request.Failure}");
        page.Response += (_, response) => output.WriteLine($"[response] {response.Status} {response.Url[..Math.Min(80, response.Url.Length)]} {string.Join("; ", response.Headers.Where(h => h.Key is "set-cookie" or "content-security-policy").Select(h => h.Key + "=" + h.Value))}");

        try
        {
            await page.GotoAsync(new Uri(console, "/api/desk/session/oidc?returnUrl=/console/").ToString());
            await page.WaitForURLAsync(url => url.StartsWith(new Uri(console, "/console/").ToString(), StringComparison.Ordinal), new() { Timeout = 30_000, WaitUntil = WaitUntilState.Commit });
        }
        finally
        {
            output.WriteLine(string.Join(Environment.NewLine, visited));
            output.WriteLine(string.Join(Environment.NewLine, host.Logs.Entries.Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception?.Message}")));
        }

        Assert.Equal(new Uri(console, "/console/").ToString(), page.Url);
        Assert.Contains(visited, url => url.StartsWith(provider.Authority + "connect/authorize", StringComparison.Ordinal));
        var session = JsonDocument.Parse(await page.EvaluateAsync<string>("async () => await (await fetch('/api/desk/session')).text()")).RootElement;
        Assert.True(session.GetProperty("signedIn").GetBoolean(), string.Join(Environment.NewLine, host.Logs.Entries.Select(e => $"{e.Level} {e.Category}: {e.Message}")));
        Assert.Equal("wangfang", session.GetProperty("user").GetProperty("id").GetString());
        Assert.Equal(200, await page.EvaluateAsync<int>("async () => (await fetch('/api/desk/queues')).status"));
    }
}
