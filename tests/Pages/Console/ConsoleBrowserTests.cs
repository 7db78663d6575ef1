using Assistant.Bot.SignIn;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Desk.Api;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Tests.Pages.Console;

/// <summary>
/// The staff console in headless Chromium against the host on a real port: signing in, the queues with their counts,
/// a ticket signed for, material asked for, a stale page refreshed, the ticket resolved; the polite refusals; the
/// first password change. The host's clock stands on Monday 23 November 2026 10:00, so deadlines and cards are fixed.
/// </summary>
public sealed class ConsoleBrowserTests(PostgresServer server, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly FakeTimeProvider _clock = new(DeskContext.Monday10.AddDays(-7));
    private readonly List<string> _refused = [];
    private DeskHost _host = null!;
    private Uri _address = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"Chromium is expected at {Chromium} (Debian package 'chromium'; .ci/run installs it).");
        SetDefaultExpectTimeout(30_000);
        _host = new DeskHost(server, PostgresServer.NewSchema("console"), _clock);
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
    public async Task A_clerk_signs_for_a_ticket_asks_for_material_and_resolves_it_and_the_timeline_shows_each_step()
    {
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        var tickets = await Seed();
        var ticket = tickets[0];
        var page = await Open();

        await SignIn(page, "wangfang", DeskHost.Password);
        await Expect(page.Locator(".topbar")).ToContainTextAsync("王芳");
        await Expect(page.Locator(".topbar")).ToContainTextAsync("自然资源和规划局 ｜ 经办人");
        await Expect(page.Locator(".crumbs")).ToContainTextAsync("待签收");
        await Expect(Count(page, "sign-for")).ToHaveTextAsync("4");
        await Expect(Count(page, "overdue")).ToHaveTextAsync("1");
        await Expect(page.Locator(".queue-table")).ToContainTextAsync(ticket.Number);
        await Expect(page.Locator(".queue-table [data-card=red]")).ToHaveCountAsync(1);
        await Expect(page.Locator(".queue-table [data-card=yellow]")).ToHaveCountAsync(1);
        await Expect(page.Locator(".queue-table .urgent-tag")).ToHaveCountAsync(1);
        await Shot(page, "console-queue.png");

        await page.Locator(".queue-table").GetByText(ticket.Number).ClickAsync();
        await Expect(page.Locator("[data-test=ticket-number]")).ToHaveTextAsync(ticket.Number);
        await Expect(page.Locator("[data-test=ticket-text]")).ToHaveTextAsync(ticket.Text);
        await Expect(page.Locator(".enterprise")).ToContainTextAsync(Requests.ValidCreditCode);

        await Act(page, "sign-for");
        await Expect(Status(page)).ToHaveTextAsync("已签收");
        await Expect(page.Locator("[data-test=timeline]")).ToContainTextAsync("自然资源和规划局 王芳签收");
        await Expect(page.Locator("[data-test=deadlines]")).ToContainTextAsync("首次联系");
        await Shot(page, "console-ticket-signed.png");

        await Act(page, "request-information", "请补充现有厂房的不动产证复印件和扩产项目备案文件");
        await Expect(Status(page)).ToHaveTextAsync("待补充材料");
        await Expect(page.Locator("[data-test=open-request]")).ToContainTextAsync("请补充现有厂房的不动产证复印件");

        // The enterprise answers in its chat while the page is open: the page is now stale and is told so.
        var answered = await _host.Desk.Run(new ProvideInformation(ticket.Id, People.Enterprise, "不动产证复印件和备案文件已发送至服务中心邮箱"), Cancel);
        Assert.True(answered.IsAccepted, answered.Rejection?.Message);
        await Act(page, "resolve", "已办结");
        await Expect(Dialog(page).Locator(".el-form-item__error")).ToHaveTextAsync("办理结果至少10个字");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "artifacts", "console-resolve-dialog.png"), Animations = ScreenshotAnimations.Disabled });
        await Dialog(page).Locator("textarea").FillAsync("已协调园区管委会，在新材料产业园为贵企业预留二十亩工业用地，下周一组织现场踏勘。");
        await Dialog(page).Locator("[data-test=confirm]").ClickAsync();
        await Expect(page.Locator(".el-message-box")).ToContainTextAsync("这件诉求在您打开页面后已有新的进展");
        await page.Locator(".el-message-box").GetByRole(AriaRole.Button, new() { Name = "刷新" }).ClickAsync();
        await Expect(Status(page)).ToHaveTextAsync("办理中");
        await Expect(page.Locator("[data-test=timeline]")).ToContainTextAsync("补充材料：不动产证复印件和备案文件已发送至服务中心邮箱");

        await Act(page, "resolve", "已协调园区管委会，在新材料产业园为贵企业预留二十亩工业用地，下周一组织现场踏勘。");
        await Expect(Status(page)).ToHaveTextAsync("已办结，待评价");
        await Expect(page.Locator(".outcome")).ToContainTextAsync("预留二十亩工业用地");
        var timeline = page.Locator("[data-test=timeline]");
        foreach (var step in new[] { "提交诉求", "派单", "签收", "请企业补充材料：请补充现有厂房的不动产证复印件", "补充材料：不动产证复印件", "办结：已协调园区管委会" })
        {
            await Expect(timeline).ToContainTextAsync(step);
        }

        await Expect(Count(page, "sign-for")).ToHaveTextAsync("3");
        await Expect(Count(page, "resolved")).ToHaveTextAsync("1");
        await Shot(page, "console-ticket.png");
        Assert.Empty(_refused);
    }

    [Fact]
    public async Task A_wrong_password_is_answered_with_the_polite_message_and_nothing_else_opens()
    {
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        var page = await Open();

        await Expect(page.Locator(".signin-heading")).ToHaveTextAsync("工作人员登录");
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".el-form-item__error").First).ToHaveTextAsync("请输入账号");
        await SignIn(page, "wangfang", "wrong-password-1");

        await Expect(page.Locator("[data-test=signin-problem]")).ToContainTextAsync("账号或密码不正确。");
        await Expect(page.Locator(".topbar")).ToHaveCountAsync(0);
        await Shot(page, "console-signin.png");
        Assert.Empty(_refused);
    }

    [Fact]
    public async Task A_first_sign_in_changes_the_initial_password_before_anything_else()
    {
        await _host.AddStaff("liqiang", "李强", "natural-resources", StaffRole.Staff);
        await using (var session = _host.Store.LightweightSession())
        {
            var credential = await session.LoadAsync<StaffCredential>("liqiang", Cancel);
            credential!.MustChangePassword = true;
            session.Store(credential);
            await session.SaveChangesAsync(Cancel);
        }

        await _host.File(Requests.Land());
        var page = await Open();
        await SignIn(page, "liqiang", DeskHost.Password);

        await Expect(page.Locator(".signin-heading")).ToHaveTextAsync("首次登录请修改初始密码");
        await Expect(page.Locator(".queue-menu")).ToHaveCountAsync(0);
        await page.Locator("input[name=current]").FillAsync(DeskHost.Password);
        await page.Locator("input[name=next]").FillAsync("Xinmima2026ok");
        await page.Locator("input[name=confirm]").FillAsync("Xinmima2026no");
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".el-form-item__error")).ToHaveTextAsync("两次输入的新密码不一致");
        await Shot(page, "console-first-password.png");
        await page.Locator("input[name=confirm]").FillAsync("Xinmima2026ok");
        await page.Locator("button[type=submit]").ClickAsync();

        await Expect(Count(page, "sign-for")).ToHaveTextAsync("1");
        await page.ReloadAsync();
        await Expect(page.Locator(".topbar")).ToContainTextAsync("李强");
        await Expect(page.Locator(".signin-heading")).ToHaveCountAsync(0);
        Assert.Empty(_refused);
    }

    [Fact]
    public async Task A_head_assigns_a_ticket_to_a_clerk_and_a_dispatcher_sends_a_returned_one_to_another_department()
    {
        await _host.AddStaff("zhaomin", "赵敏", "natural-resources", StaffRole.DepartmentHead);
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        await _host.AddStaff("sunli", "孙丽", "service-center", StaffRole.Dispatcher);
        var assigned = await _host.File(Requests.Land());
        var returned = await _host.File(Requests.Land("园区厂房的施工许可证一直没批下来，请帮忙催一下。"));
        var gaveBack = await _host.Desk.Run(new ReturnTicket(returned.Id, People.LandHead, "施工许可属行政审批局职责，不属于本部门"), Cancel);
        Assert.True(gaveBack.IsAccepted, gaveBack.Rejection?.Message);

        var head = await Open();
        await SignIn(head, "zhaomin", DeskHost.Password);
        await head.Locator(".queue-table").GetByText(assigned.Number).ClickAsync();
        await head.Locator("[data-test=actions] [data-action=assign]").ClickAsync();
        await Dialog(head).Locator(".el-select").ClickAsync();
        await head.Locator(".el-select-dropdown__item:visible", new() { HasText = "王芳" }).ClickAsync();
        await Dialog(head).Locator("[data-test=confirm]").ClickAsync();
        await Expect(head.Locator("[data-test=timeline]")).ToContainTextAsync("分派给王芳承办");
        await Expect(head.Locator(".head-facts")).ToContainTextAsync("王芳");

        var dispatcher = await Open();
        await SignIn(dispatcher, "sunli", DeskHost.Password);
        await Expect(dispatcher.Locator(".crumbs")).ToContainTextAsync("待分派");
        await Expect(Count(dispatcher, "triage")).ToHaveTextAsync("1");
        await dispatcher.Locator(".queue-table").GetByText(returned.Number).ClickAsync();
        await Expect(Status(dispatcher)).ToHaveTextAsync("已退回，待重新派单");
        await dispatcher.Locator("[data-test=actions] [data-action=redispatch]").ClickAsync();
        await Dialog(dispatcher).Locator(".el-select").First.ClickAsync();
        await dispatcher.Locator(".el-select-dropdown__item:visible", new() { HasText = "行政审批局" }).ClickAsync();
        await Dialog(dispatcher).Locator("textarea").FillAsync("施工许可由行政审批局办理，请及时签收。");
        await Dialog(dispatcher).Locator("[data-test=confirm]").ClickAsync();

        await Expect(Status(dispatcher)).ToHaveTextAsync("待签收");
        await Expect(dispatcher.Locator("[data-test=timeline]")).ToContainTextAsync("重新派单：行政审批局主办");
        await Expect(Count(dispatcher, "triage")).ToHaveTextAsync("0");
        await Shot(dispatcher, "console-dispatcher.png");
        Assert.Empty(_refused);
    }

    [Fact]
    public async Task A_leaders_supervision_shows_on_the_clerks_ticket_who_answers_it_there_and_the_answer_is_on_the_timeline()
    {
        await _host.AddStaff("zhoujun", "周军", "service-center", StaffRole.Leader);
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        var ticket = await _host.File(Requests.Land());
        Assert.True((await _host.Desk.Run(new SignForTicket(ticket.Id, new Actor("wangfang", "王芳", ActorRole.Staff, "natural-resources")), Cancel)).IsAccepted);

        var leader = await Open();
        await SignIn(leader, "zhoujun", DeskHost.Password);
        await Expect(leader.Locator(".topbar")).ToContainTextAsync("周军");
        await leader.GotoAsync(new Uri(_address, $"/console/tickets/{ticket.Id}").ToString());
        await Act(leader, "supervise", "请于本周内给企业明确答复。");
        await Expect(leader.Locator("[data-test=timeline]")).ToContainTextAsync("督办：请于本周内给企业明确答复。");

        var clerk = await Open();
        await SignIn(clerk, "wangfang", DeskHost.Password);
        await Expect(clerk.Locator(".topbar")).ToContainTextAsync("王芳");
        await clerk.GotoAsync(new Uri(_address, $"/console/tickets/{ticket.Id}").ToString());
        await clerk.Locator("[data-test=actions] [data-action=answer-supervision]").ClickAsync();
        var dialog = Dialog(clerk);
        await Expect(dialog).ToContainTextAsync("答复将记入办理记录，并送达督办的领导或调度员。");
        await dialog.Locator("[data-test=confirm]").ClickAsync();
        await Expect(dialog.Locator(".el-form-item__error")).ToHaveTextAsync(["请填写答复内容"]);
        await clerk.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "artifacts", "console-answer-supervision.png"), Animations = ScreenshotAnimations.Disabled });
        await dialog.Locator("textarea").FillAsync("已约企业周三现场办公，本周五前办结。");
        await dialog.Locator("[data-test=confirm]").ClickAsync();

        await Expect(clerk.Locator("[data-test=timeline]")).ToContainTextAsync("答复督办：已约企业周三现场办公，本周五前办结。");
        await Expect(clerk.Locator("[data-test=actions] [data-action=answer-supervision]")).ToHaveCountAsync(0);
        await Shot(clerk, "console-supervision-answered.png");
        Assert.Empty(_refused);
    }

    /// <summary>Five land requests from different enterprises filed over the last week, and one for another department.</summary>
    private async Task<List<Ticket>> Seed()
    {
        var filed = new List<Ticket>();
        async Task File(string enterprise, string? code, string contact, string text, string category = "land", bool urgent = false)
        {
            var request = Requests.Land(text) with { Enterprise = new EnterpriseRef(null, enterprise, code), Contact = new ContactPerson(contact, "139 1234 5678"), Category = category, Urgent = urgent };
            filed.Add(await _host.File(request));
        }

        await File("江苏恒远精密机械有限公司", null, "周建国", "去年拍下的那块工业用地，规划许可证一直没办下来，影响厂房开工，请帮忙协调。", urgent: true);
        _clock.SetUtcNow(DeskContext.Monday10.AddDays(-3));
        await File("常州市天宁区华瑞电子科技有限公司", null, "陈晓梅", "公司闲置的两栋标准厂房想转租给上下游配套企业，需要办理什么手续？");
        _clock.SetUtcNow(DeskContext.Monday10.AddHours(-1));
        await File("常州宏晟纺织有限公司", Requests.ValidCreditCode, "刘洋", "我们厂房太挤了，想在园区再找二十亩工业用地，年底前能落实吗？另外不动产证的分割登记也想一并咨询。");
        _clock.SetUtcNow(DeskContext.Monday10);
        await File("常州新材智造有限公司", null, "吴磊", "扩产项目需要新增用地约三十亩，希望了解园区内是否还有可供应的工业用地及供地时间安排。");
        await File("常州明远融资租赁有限公司", null, "赵磊", "企业急需一笔三百万元的流动资金贷款，希望对接政策性银行。", "financing");
        return [filed[2], filed[0], filed[1], filed[3]];
    }

    private async Task<IPage> Open()
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
        await page.GotoAsync(new Uri(_address, "/console/").ToString());
        return page;
    }

    private static async Task SignIn(IPage page, string login, string password)
    {
        await page.Locator("input[name=login]").FillAsync(login);
        await page.Locator("input[name=password]").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
    }

    /// <summary>Presses an action's button, fills the dialog's first text box (if given) and confirms.</summary>
    private static async Task Act(IPage page, string action, string? text = null)
    {
        await page.Locator($"[data-test=actions] [data-action={action}]").ClickAsync();
        var dialog = Dialog(page);
        await Expect(dialog).ToBeVisibleAsync();
        if (text is not null)
        {
            await dialog.Locator("textarea").First.FillAsync(text);
        }

        await dialog.Locator("[data-test=confirm]").ClickAsync();
    }

    private static ILocator Dialog(IPage page) => page.Locator(".el-dialog:visible");

    private static ILocator Status(IPage page) => page.Locator("[data-test=ticket-status]");

    private static ILocator Count(IPage page, string queue) => page.Locator($".queue-menu [data-queue={queue}] .queue-count");

    private async Task Shot(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "artifacts", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Expect(page.Locator(".el-overlay-dialog:visible")).ToHaveCountAsync(0); // the dialog has closed
        await Expect(page.Locator(".el-message")).ToHaveCountAsync(0); // and the notes after it have faded
        await page.ScreenshotAsync(new() { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        output.WriteLine($"screenshot: {path}");
    }
}
