using Assistant.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Assistant.Tests.Channels.WebChat;

/// <summary>
/// The real thing: headless Chromium opens the chat page, which loads the unmodified Web Chat 4.18.1 bundle from our
/// host and talks to our Direct Line server. A Chinese request goes through the whole submit flow to a ticket number.
/// </summary>
public sealed class WebChatBrowserTests(PostgresServer server, ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";
    private const float Patience = 30_000;

    [Fact]
    public async Task A_request_typed_in_Chinese_in_the_real_Web_Chat_is_filed_and_the_page_resumes_after_a_reload()
    {
        Assert.True(File.Exists(Chromium), $"Chromium is expected at {Chromium} (Debian package 'chromium'; .ci/run installs it).");
        await using var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = server.ConnectionString,
            ["Database__Schema"] = PostgresServer.NewSchema("webchat"),
        });
        await host.WaitUntilReady(TimeSpan.FromSeconds(120));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 900, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) => output.WriteLine($"[browser] {message.Text}");

        await page.GotoAsync($"http://127.0.0.1:{host.Port}/");
        await Expect(page, "您好，我是“有求必应”企业服务助手");

        await Say(page, "招20个普工，下个月要到岗");
        await Expect(page, "需要哪些岗位或工种？");
        foreach (var (answer, next) in new[]
                 {
                     ("普工、焊工", "请问贵企业的全称是？"),
                     ("泰州宏力重工有限公司", "统一社会信用代码"),
                     ("跳过", "请问怎么称呼您？"),
                     ("张伟", "请留下联系电话"),
                     ("13606182453", "请核对您的诉求信息"),
                 })
        {
            await Say(page, answer);
            await Expect(page, next);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "确认提交" }).Last.ClickAsync();
        await Expect(page, "诉求编号：YQ");
        var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", "webchat-submitted.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");

        await page.ReloadAsync();
        await Expect(page, "诉求编号：YQ");
        await Say(page, "我的诉求");
        await Expect(page, "｜用工｜待签收｜");
    }

    private static async Task Say(IPage page, string text)
    {
        var box = page.Locator("[data-id='webchat-sendbox-input']");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    private static Task Expect(IPage page, string text) =>
        page.GetByText(text).Last.WaitForAsync(new() { Timeout = Patience });
}
