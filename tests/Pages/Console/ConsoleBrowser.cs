using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Tests.Pages.Console;

/// <summary>
/// Headless Chromium for the administrator's pages: pages opened in their own browser context (zh-CN, 1440×900, the
/// clipboard allowed), the browser's console in the test output, and every Content Security Policy refusal or page
/// error collected in <see cref="Refused"/>, which a test expects to stay empty.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly Uri _address;
    private readonly ITestOutputHelper _output;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser, Uri address, ITestOutputHelper output)
    {
        _playwright = playwright;
        _browser = browser;
        _address = address;
        _output = output;
    }

    public List<string> Refused { get; } = [];

    public static async Task<ConsoleBrowser> Launch(Uri address, ITestOutputHelper output)
    {
        Assert.True(File.Exists(Chromium), $"Chromium is expected at {Chromium} (Debian package 'chromium'; .ci/run installs it).");
        SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        return new ConsoleBrowser(playwright, browser, address, output);
    }

    /// <summary>The console's start page in a browser context of its own: another person at another desk.</summary>
    public async Task<IPage> Open()
    {
        var context = await _browser.NewContextAsync(new()
        {
            Locale = "zh-CN",
            ViewportSize = new() { Width = 1440, Height = 900 },
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            _output.WriteLine($"[browser] {message.Type}: {message.Text}");
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                Refused.Add(message.Text);
            }
        };
        page.PageError += (_, error) => Refused.Add("page error: " + error);
        await page.GotoAsync(Address("/console/"));
        return page;
    }

    public string Address(string path) => new Uri(_address, path).ToString();

    public static async Task SignIn(IPage page, string login, string password)
    {
        await page.Locator("input[name=login]").FillAsync(login);
        await page.Locator("input[name=password]").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
    }

    public static async Task Choose(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.Locator(".el-select-dropdown__item:visible", new() { HasText = option }).ClickAsync();
    }

    public static ILocator Dialog(IPage page) => page.Locator(".el-dialog:visible");

    public static ILocator MessageBox(IPage page) => page.Locator(".el-message-box");

    /// <summary>The whole page once dialogs and notes are gone.</summary>
    public async Task Shot(IPage page, string name)
    {
        await page.EvaluateAsync("document.activeElement?.blur()");
        await page.Mouse.MoveAsync(0, 0); // no button is shown hovered
        await Expect(page.Locator(".el-overlay-dialog:visible")).ToHaveCountAsync(0);
        await Expect(page.Locator(".el-message-box:visible")).ToHaveCountAsync(0);
        await Expect(page.Locator(".el-message")).ToHaveCountAsync(0);
        await Snap(page, name, fullPage: true);
    }

    /// <summary>The page as it is, dialogs and all, into the test's artifacts folder.</summary>
    public async Task Snap(IPage page, string name, bool fullPage = false)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "artifacts", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
        _output.WriteLine($"screenshot: {path}");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
