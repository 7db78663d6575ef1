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

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

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
        await using var browser = await Launch(playwright);
        var context = await browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 900, Height = 1000 } });
        var page = await context.NewPageAsync();
        var refusedByPolicy = new List<string>();
        page.Console += (_, message) =>
        {
            output.WriteLine($"[browser] {message.Text}");
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refusedByPolicy.Add(message.Text);
            }
        };

        await page.GotoAsync($"http://127.0.0.1:{host.Port}/");
        await Expect(page, "您好，我是“有求必应”企业服务助手");

        await Say(page, "招20个普工，下个月要到岗");
        await Expect(page, "请留下贵企业的名称、您的称呼和联系电话");
        await Say(page, "泰州宏力重工有限公司，张伟，13606182453");
        await Expect(page, "请核对您的诉求信息");

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
        Assert.Empty(refusedByPolicy); // the page works under its own Content-Security-Policy
    }

    [Fact]
    public async Task A_file_sent_through_the_chat_never_runs_as_a_page_on_the_hosts_origin()
    {
        Assert.True(File.Exists(Chromium), $"Chromium is expected at {Chromium} (Debian package 'chromium'; .ci/run installs it).");
        await using var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = server.ConnectionString,
            ["Database__Schema"] = PostgresServer.NewSchema("webchatfile"),
        });
        await host.WaitUntilReady(TimeSpan.FromSeconds(120));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}") };
        var session = System.Text.Json.JsonDocument.Parse(await (await http.PostAsync("/api/webchat/session", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Cancel)).Content.ReadAsStringAsync(Cancel)).RootElement;
        var (conversation, token) = (session.GetProperty("conversationId").GetString()!, session.GetProperty("token").GetString()!);
        const string Script = "<html><body><script>localStorage.setItem('pwned', '1'); document.title = 'pwned'; alert(1)</script></body></html>";
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var refused = await Upload(http, conversation, "a/", "text/html", Script);
        var stored = await Upload(http, conversation, "说明.txt", "text/html", Script);
        Assert.Null(refused);
        Assert.NotNull(stored);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var context = await browser.NewContextAsync(new() { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync($"http://127.0.0.1:{host.Port}/");

        // Opened as a link from the chat: the browser saves it; nothing of it runs on the host's origin.
        var download = await page.RunAndWaitForDownloadAsync(() => page.EvaluateAsync("url => { location.href = url; }", stored));
        Assert.Equal("说明.txt", download.SuggestedFilename);
        // Framed by a page on the same origin: still a download, still nothing runs.
        await page.GotoAsync($"http://127.0.0.1:{host.Port}/");
        await page.RunAndWaitForDownloadAsync(() => page.EvaluateAsync("url => { const f = document.createElement('iframe'); f.src = url; document.body.appendChild(f); }", stored));

        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('pwned')"));
        Assert.NotEqual("pwned", await page.TitleAsync());
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task Messages_sent_faster_than_the_limit_are_refused_with_a_polite_line_on_the_page()
    {
        Assert.True(File.Exists(Chromium), $"Chromium is expected at {Chromium} (Debian package 'chromium'; .ci/run installs it).");
        await using var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = server.ConnectionString,
            ["Database__Schema"] = PostgresServer.NewSchema("webchatlimit"),
            ["RateLimits__Messages__PerConversation"] = "2",
            ["RateLimits__Messages__WindowSeconds"] = "600",
        });
        await host.WaitUntilReady(TimeSpan.FromSeconds(120));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await (await browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 900, Height = 700 } })).NewPageAsync();
        page.Console += (_, message) => output.WriteLine($"[browser] {message.Text}");
        await page.GotoAsync($"http://127.0.0.1:{host.Port}/");
        await Expect(page, "您好，我是“有求必应”企业服务助手");

        await Say(page, "你好");
        await Say(page, "想咨询一下政策");
        await Say(page, "第三条");

        await Expect(page, "您发送消息的速度过快，请稍候片刻；未发出的消息可点击“重试”再次发送。");
        var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", "webchat-too-fast.png");
        await page.ScreenshotAsync(new() { Path = screenshot });
        output.WriteLine($"screenshot: {screenshot}");
    }

    /// <summary>Uploads one file as DLJS does; the signed link to it as the chat shows it, or null when it was refused.</summary>
    [Fact]
    public async Task The_page_follows_the_browsers_language_shows_its_placeholder_and_has_an_icon()
    {
        await using var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = server.ConnectionString,
            ["Database__Schema"] = PostgresServer.NewSchema("webchatlang"),
        });
        await host.WaitUntilReady(TimeSpan.FromSeconds(120));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);

        var chinese = await (await browser.NewContextAsync(new() { Locale = "zh-CN" })).NewPageAsync();
        await chinese.GotoAsync($"http://127.0.0.1:{host.Port}/");
        await Expect(chinese, "您好，我是“有求必应”企业服务助手");
        Assert.Equal("请输入您的诉求，例如：想在园区再找二十亩工业用地", await chinese.Locator("[data-id='webchat-sendbox-input']").GetAttributeAsync("placeholder"));

        var english = await (await browser.NewContextAsync(new() { Locale = "en-US", ViewportSize = new() { Width = 900, Height = 900 } })).NewPageAsync();
        await english.GotoAsync($"http://127.0.0.1:{host.Port}/");
        await Expect(english, "Hello, this is 有求必应, the enterprise service assistant.");
        Assert.StartsWith("Type your request", await english.Locator("[data-id='webchat-sendbox-input']").GetAttributeAsync("placeholder") ?? "", StringComparison.Ordinal);
        await Say(english, "We need 30 welders by next month for our new plant");
        await Expect(english, "Please leave your company's name, your name and a phone number");
        Assert.Equal("en", await english.EvaluateAsync<string>("document.documentElement.lang"));
        var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", "webchat-english.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await english.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");

        using var http = new HttpClient();
        var icon = await http.GetAsync($"http://127.0.0.1:{host.Port}/favicon.ico", Cancel);
        Assert.Equal(System.Net.HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<string?> Upload(HttpClient http, string conversation, string name, string type, string content)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("{\"type\":\"message\"}", System.Text.Encoding.UTF8, "application/json"), "activity", "blob");
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new(type);
        form.Add(file, "file", name);
        var posted = await http.PostAsync($"/v3/directline/conversations/{conversation}/upload", form, Cancel);
        var echoId = System.Text.Json.JsonDocument.Parse(await posted.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("id").GetString();
        var history = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"/v3/directline/conversations/{conversation}/activities", Cancel)).RootElement;
        var echo = history.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == echoId);
        return echo.TryGetProperty("attachments", out var attachments) ? attachments[0].GetProperty("contentUrl").GetString() : null;
    }

    private static Task<IBrowser> Launch(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Chromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    });

    private static async Task Say(IPage page, string text)
    {
        var box = page.Locator("[data-id='webchat-sendbox-input']");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    private static Task Expect(IPage page, string text) =>
        page.GetByText(text).Last.WaitForAsync(new() { Timeout = Patience });
}
