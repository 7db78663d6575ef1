using Assistant.Dialogs.Desk.Departments;
using Assistant.Tests.Desk.Api;
using Assistant.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Tests.Pages.Console;

/// <summary>
/// Single sign-on in headless Chromium, which enforces SameSite and Secure as people's browsers do: the console's
/// sign-in button, the provider on another site (localhost and 127.0.0.1 are two sites to a browser), both on plain
/// http, and back in the console as the staff member, or on the sign-in page with the reason.
/// </summary>
public sealed class SingleSignOnBrowserTests(PostgresServer server, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>
    /// The click waits for the whole chain of redirects through the provider and back; on a busy two-core machine a
    /// cold host's first challenge alone has taken half a minute, so it gets longer than an ordinary action.
    /// </summary>
    private static readonly LocatorClickOptions TheWayThroughTheProvider = new() { Timeout = 120_000 };
    private readonly List<string> _refused = [];
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private LocalIdentityProvider? _provider;
    private DeskHost? _host;

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"Chromium is expected at {Chromium} (Debian package 'chromium'; .ci/run installs it).");
        SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("localhost", "127.0.0.1")]
    [InlineData("127.0.0.1", "localhost")]
    public async Task The_single_sign_on_button_takes_the_staff_member_through_the_provider_into_the_console_until_they_sign_out(string consoleHost, string providerHost)
    {
        var console = await Start(consoleHost, providerHost);
        await _host!.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        var page = await Open(console);
        var visited = new List<string>();
        page.FrameNavigated += (_, frame) => visited.Add(frame.Url);

        var button = page.Locator("[data-test=single-sign-on]");
        await Expect(button).ToHaveTextAsync("使用统一身份认证登录");
        await Shot(page, $"sso-signin-{consoleHost}.png");
        await button.ClickAsync(TheWayThroughTheProvider);

        await Expect(page.Locator(".topbar")).ToContainTextAsync("王芳");
        await Expect(page.Locator(".topbar")).ToContainTextAsync("自然资源和规划局 ｜ 经办人");
        await Expect(page.Locator(".crumbs")).ToContainTextAsync("待签收");
        Assert.StartsWith(new Uri(console, "/console/").ToString(), page.Url, StringComparison.Ordinal);
        Assert.Contains(_provider!.AuthorizationRequests, q => q.Contains("redirect_uri=" + Uri.EscapeDataString(new Uri(console, "/signin-oidc").ToString()), StringComparison.Ordinal));
        output.WriteLine(string.Join(Environment.NewLine, visited));
        await Shot(page, $"sso-console-{consoleHost}.png");

        await page.Locator("[data-test=sign-out]").ClickAsync();
        await page.Locator(".el-message-box").GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Expect(page.Locator(".signin-heading")).ToHaveTextAsync("工作人员登录");
        Assert.Equal(401, await page.EvaluateAsync<int>("async () => (await fetch('/api/desk/queues')).status"));
        Assert.Empty(_refused);
    }

    [Fact]
    public async Task Someone_who_is_no_staff_member_is_back_on_the_sign_in_page_with_the_reason_and_not_signed_in()
    {
        var console = await Start("localhost", "127.0.0.1");
        _provider!.SignedIn = new ProviderUser("u-zhaolei", "zhaolei@example.com", "赵磊");
        var page = await Open(console);

        await page.Locator("[data-test=single-sign-on]").ClickAsync(TheWayThroughTheProvider);

        await Expect(page.Locator("[data-test=signin-refusal]")).ToContainTextAsync("未找到与您的统一身份认证账号对应的工作人员账号");
        await Expect(page.Locator(".signin-heading")).ToHaveTextAsync("工作人员登录");
        await Expect(page).ToHaveURLAsync(new Uri(console, "/console/").ToString());
        Assert.Equal(401, await page.EvaluateAsync<int>("async () => (await fetch('/api/desk/queues')).status"));
        await Shot(page, "sso-refused.png");
        Assert.Empty(_refused);
    }

    [Fact]
    public async Task A_person_who_cancels_at_the_provider_is_back_on_the_sign_in_page_and_told_so()
    {
        var console = await Start("localhost", "127.0.0.1");
        _provider!.SignedIn = null;
        var page = await Open(console);

        await page.Locator("[data-test=single-sign-on]").ClickAsync(TheWayThroughTheProvider);

        await Expect(page.Locator("[data-test=signin-refusal]")).ToContainTextAsync("您已取消统一身份认证登录");
        await Expect(page.Locator("input[name=login]")).ToBeVisibleAsync();
        Assert.Empty(_refused);
    }

    private async Task<Uri> Start(string consoleHost, string providerHost)
    {
        _provider = await LocalIdentityProvider.Start(providerHost);
        _host = new DeskHost(server, PostgresServer.NewSchema("ssobrowser"), settings: new Dictionary<string, string>
        {
            ["SignIn:Oidc:Enabled"] = "true",
            ["SignIn:Oidc:Authority"] = _provider.Authority.ToString(),
            ["SignIn:Oidc:ClientId"] = LocalIdentityProvider.ClientId,
            ["SignIn:Oidc:ClientSecret"] = LocalIdentityProvider.ClientSecret,
            ["SignIn:Oidc:RequireHttpsMetadata"] = "false",
        });
        var console = new UriBuilder(_host.Listen()) { Host = consoleHost }.Uri;
        _provider.RegisterClient(console);
        return console;
    }

    private async Task<IPage> Open(Uri console)
    {
        var context = await _browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            output.WriteLine($"[browser] {message.Type}: {message.Text}");
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                _refused.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _refused.Add("page error: " + error);
        await page.GotoAsync(new Uri(console, "/console/").ToString());
        return page;
    }

    private async Task Shot(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "artifacts", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        output.WriteLine($"screenshot: {path}");
    }
}
