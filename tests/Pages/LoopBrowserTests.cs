using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Desk.Api;
using Assistant.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Tests.Pages;

/// <summary>
/// The loop the product exists for, in two real browser pages at once: an enterprise files a request in the Web
/// Chat; a clerk signs in to the console, signs for it and asks for material; the enterprise answers in its chat; the
/// clerk resolves it; the enterprise's chat shows the outcome and the enterprise rates it; the ticket is archived.
/// </summary>
public sealed class LoopBrowserTests(PostgresServer server, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private DeskHost _host = null!;
    private Uri _address = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"Chromium is expected at {Chromium} (Debian package 'chromium'; .ci/run installs it).");
        SetDefaultExpectTimeout(30_000);
        _host = new DeskHost(server, PostgresServer.NewSchema("loop"));
        _address = _host.Listen();
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
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task An_enterprise_files_in_the_web_chat_a_clerk_handles_it_in_the_console_and_the_outcome_is_rated_in_the_chat()
    {
        await _host.AddStaff("chenjing", "陈静", "human-resources", StaffRole.Staff);
        var chat = await Open("/");
        await Expect(chat.GetByText("您好，我是“有求必应”企业服务助手").Last).ToBeVisibleAsync();
        foreach (var (say, next) in new[]
                 {
                     ("招20个普工，下个月要到岗", "需要哪些岗位或工种？"),
                     ("普工、焊工", "请问贵企业的全称是？"),
                     ("泰州宏力重工有限公司", "统一社会信用代码"),
                     ("跳过", "请问怎么称呼您？"),
                     ("张伟", "请留下联系电话"),
                     ("13606182453", "请核对您的诉求信息"),
                 })
        {
            await Say(chat, say);
            await Expect(chat.GetByText(next).Last).ToBeVisibleAsync();
        }

        await chat.GetByRole(AriaRole.Button, new() { Name = "确认提交" }).Last.ClickAsync();
        await Expect(chat.GetByText("诉求编号：YQ").Last).ToBeVisibleAsync();
        var ticket = await Filed();

        var console = await Open("/console/");
        await console.Locator("input[name=login]").FillAsync("chenjing");
        await console.Locator("input[name=password]").FillAsync(DeskHost.Password);
        await console.Locator("button[type=submit]").ClickAsync();
        await Expect(console.Locator(".queue-table")).ToContainTextAsync(ticket.Number);
        await Shot(console, "loop-console-queue.png");
        await console.Locator(".queue-table").GetByText(ticket.Number).ClickAsync();
        await Act(console, "sign-for");
        await Expect(console.Locator("[data-test=ticket-status]")).ToHaveTextAsync("已签收");
        await Act(console, "request-information", "请补充本次招聘的岗位要求和薪酬待遇说明");
        await Expect(console.Locator("[data-test=ticket-status]")).ToHaveTextAsync("待补充材料");

        await Expect(chat.GetByText($"您的诉求 {ticket.Number} 已由人力资源和社会保障局签收").Last).ToBeVisibleAsync();
        await Expect(chat.GetByText("承办部门请您补充：请补充本次招聘的岗位要求和薪酬待遇说明").Last).ToBeVisibleAsync();
        await chat.GetByRole(AriaRole.Button, new() { Name = "补充材料" }).Last.ClickAsync();
        await Expect(chat.GetByText("请输入需要补充给承办部门的内容").Last).ToBeVisibleAsync();
        await Say(chat, "普工月薪六千元起，焊工需持证，包食宿");
        await Expect(chat.GetByText("已收到，您补充的内容已转交承办部门。").Last).ToBeVisibleAsync();

        await console.ReloadAsync();
        await Expect(console.Locator("[data-test=timeline]")).ToContainTextAsync("补充材料：普工月薪六千元起，焊工需持证，包食宿");
        await Act(console, "resolve", "已为贵企业在本周五的专场招聘会上预留展位，并推荐三家劳务公司对接，焊工可参加下月的持证培训。");
        await Expect(console.Locator("[data-test=ticket-status]")).ToHaveTextAsync("已办结，待评价");
        await Shot(console, "loop-console-ticket.png");

        await Expect(chat.GetByText($"您的诉求 {ticket.Number} 已办结").Last).ToBeVisibleAsync();
        await Expect(chat.GetByText("已为贵企业在本周五的专场招聘会上预留展位").Last).ToBeVisibleAsync();
        await Shot(chat, "loop-chat-outcome.png");
        await chat.GetByRole(AriaRole.Button, new() { Name = "满意", Exact = true }).Last.ClickAsync();
        await Expect(chat.GetByText("感谢您的评价！").Last).ToBeVisibleAsync();

        await console.ReloadAsync();
        await Expect(console.Locator("[data-test=ticket-status]")).ToHaveTextAsync("已归档");
        await Expect(console.Locator("[data-test=timeline]")).ToContainTextAsync("评价：满意");
    }

    private async Task<Ticket> Filed()
    {
        await using var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<Ticket>().SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<IPage> Open(string path)
    {
        var context = await _browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) => output.WriteLine($"[{path}] {message.Type}: {message.Text}");
        await page.GotoAsync(new Uri(_address, path).ToString());
        return page;
    }

    private static async Task Say(IPage page, string text)
    {
        var box = page.Locator("[data-id='webchat-sendbox-input']");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    private static async Task Act(IPage page, string action, string? text = null)
    {
        await page.Locator($"[data-test=actions] [data-action={action}]").ClickAsync();
        var dialog = page.Locator(".el-dialog:visible");
        await Expect(dialog).ToBeVisibleAsync();
        if (text is not null)
        {
            await dialog.Locator("textarea").First.FillAsync(text);
        }

        await dialog.Locator("[data-test=confirm]").ClickAsync();
        await Expect(page.Locator(".el-overlay-dialog:visible")).ToHaveCountAsync(0);
    }

    private async Task Shot(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "artifacts", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        output.WriteLine($"screenshot: {path}");
    }
}
