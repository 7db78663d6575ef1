using System.Text.RegularExpressions;
using Assistant.Bot.SignIn;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Tests.Desk.Api;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Tests.Pages.Console;

/// <summary>
/// The administrator's pages of the console in headless Chromium: 人员管理 (adding a person, whose one-time password
/// works once in another browser; changing roles; resetting a password; disabling), 操作日志 with each change in
/// Beijing time, the first administrator's way in, and the menu nobody else sees. The host's clock stands on Monday
/// 23 November 2026 10:00 Beijing time and moves on by minutes between changes, so the log's order and times are fixed.
/// </summary>
public sealed class ConsoleAdminTests(PostgresServer server, ITestOutputHelper output) : IAsyncLifetime
{
    private const string NewPassword = "Xinmima2026ok";
    private readonly FakeTimeProvider _clock = new(DeskContext.Monday10);
    private DeskHost _host = null!;
    private ConsoleBrowser _browser = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = new DeskHost(server, PostgresServer.NewSchema("consoleadmin"), _clock);
        _browser = await ConsoleBrowser.Launch(_host.Listen(), output);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task An_administrator_adds_a_clerk_changes_her_roles_resets_her_password_disables_a_head_and_the_log_shows_each_change()
    {
        await _host.AddStaff("qiancheng", "钱程", "service-center", StaffRole.Administrator);
        await _host.AddStaff("zhaomin", "赵敏", "natural-resources", StaffRole.DepartmentHead);
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        await _host.AddStaff("sunli", "孙丽", "service-center", StaffRole.Dispatcher);
        await _host.AddStaff("zhoujun", "周军", "service-center", StaffRole.Leader);
        await _host.AddStaff("chenjing", "陈静", "finance", StaffRole.Staff);
        await Lock("chenjing");
        var page = await Open();

        await SignIn(page, "qiancheng", DeskHost.Password);
        await Expect(page.Locator(".crumbs")).ToContainTextAsync("人员管理");
        await Expect(page.Locator("[data-queue]")).ToHaveCountAsync(0);
        await Expect(State(page, "陈静")).ToHaveTextAsync("已锁定");
        await Expect(State(page, "王芳")).ToHaveTextAsync("正常");

        await page.Locator("[data-test=add-staff]").ClickAsync();
        var dialog = Dialog(page);
        await dialog.Locator("input[name=login]").FillAsync("李明");
        await dialog.Locator("input[name=email]").FillAsync("liming@");
        await dialog.Locator("[data-test=confirm]").ClickAsync();
        await Expect(dialog.Locator(".el-form-item__error")).ToHaveTextAsync(["账号须为2至32位小写字母、数字或“._-”", "请填写姓名", "请选择所在部门", "请至少选择一个角色", "电子邮箱格式不正确"]);
        await Snap(page, "console-admin-form.png");
        await dialog.Locator("input[name=login]").FillAsync("LiMing");
        await dialog.Locator("input[name=name]").FillAsync("李明");
        await Choose(page, dialog.Locator("[data-test=staff-department]"), "自然资源和规划局");
        await dialog.Locator("[data-role=Staff]").ClickAsync();
        await dialog.Locator("input[name=phone]").FillAsync("0519-86661234");
        await dialog.Locator("input[name=email]").FillAsync("LiMing@czgov.example");
        await dialog.Locator("[data-test=confirm]").ClickAsync();

        var oneTime = page.Locator("[data-test=one-time-dialog]");
        await Expect(oneTime.Locator("[data-test=one-time-login]")).ToHaveTextAsync("liming");
        await Expect(oneTime).ToContainTextAsync("此密码只显示这一次");
        var password = await oneTime.Locator("[data-test=one-time-password]").InnerTextAsync();
        Assert.Matches("^[A-Za-z2-9]{14}$", password);
        await Snap(page, "console-admin-onetime.png");
        await oneTime.Locator("[data-test=copy]").ClickAsync();
        await Expect(page.Locator(".el-message")).ToContainTextAsync("一次性密码已复制");
        Assert.Equal(password, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        await oneTime.Locator("[data-test=one-time-close]").ClickAsync();
        await Expect(Row(page, "李明")).ToContainTextAsync("liming@czgov.example");

        var clerk = await Open();
        await SignIn(clerk, "liming", password);
        await Expect(clerk.Locator(".signin-heading")).ToHaveTextAsync("首次登录请修改初始密码");
        await Expect(clerk.Locator(".first-intro")).ToContainTextAsync("李明（自然资源和规划局）您好");

        _clock.Advance(TimeSpan.FromMinutes(3));
        await Row(page, "李明").Locator("[data-action=edit]").ClickAsync();
        await Expect(dialog.Locator("input[name=login]")).ToBeDisabledAsync();
        await dialog.Locator("[data-role=DepartmentHead]").ClickAsync();
        await dialog.Locator("[data-test=confirm]").ClickAsync();
        await Expect(Row(page, "李明")).ToContainTextAsync("部门负责人");

        _clock.Advance(TimeSpan.FromMinutes(2));
        await Row(page, "李明").Locator("[data-action=reset]").ClickAsync();
        await Expect(page.Locator(".el-message-box")).ToContainTextAsync("李明（liming）的原密码立即失效");
        await page.Locator(".el-message-box").GetByRole(AriaRole.Button, new() { Name = "确定重置" }).ClickAsync();
        await Expect(oneTime).ToContainTextAsync("密码已重置");
        await Expect(oneTime).ToContainTextAsync("本人下次登录时须修改此密码");
        var reset = await oneTime.Locator("[data-test=one-time-password]").InnerTextAsync();
        Assert.NotEqual(password, reset);
        await oneTime.Locator("[data-test=one-time-close]").ClickAsync();

        // The first one-time password no longer counts: the clerk's change is refused, and the new one is taken.
        await ChangePassword(clerk, password);
        await Expect(clerk.Locator("[data-test=password-problem]")).ToHaveTextAsync("当前密码不正确。");
        await ChangePassword(clerk, reset);
        await Expect(clerk.Locator(".crumbs")).ToContainTextAsync("待签收");

        _clock.Advance(TimeSpan.FromMinutes(1));
        await Row(page, "赵敏").Locator("[data-action=disable]").ClickAsync();
        await Expect(page.Locator(".el-message-box")).ToContainTextAsync("赵敏（zhaomin）将不能登录本系统");
        await page.Locator(".el-message-box").GetByRole(AriaRole.Button, new() { Name = "确定停用" }).ClickAsync();
        await Expect(State(page, "赵敏")).ToHaveTextAsync("已停用");
        await Expect(Row(page, "赵敏").Locator("[data-action=enable]")).ToBeVisibleAsync();

        // Nobody locks themself out: the button is off, and the server's refusal is shown in the form.
        await Expect(Row(page, "钱程").Locator("[data-action=disable]")).ToBeDisabledAsync();
        await Row(page, "钱程").Locator("[data-action=edit]").ClickAsync();
        await dialog.Locator("[data-role=Administrator]").ClickAsync();
        await dialog.Locator("[data-role=Staff]").ClickAsync();
        await dialog.Locator("[data-test=confirm]").ClickAsync();
        await Expect(dialog.Locator("[data-test=staff-problem]")).ToHaveTextAsync("不能停用自己的账号或取消自己的管理员角色，请由其他管理员操作。");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Expect(Row(page, "钱程")).ToContainTextAsync("系统管理员");

        await page.Locator("[data-test=filter-q]").FillAsync("liming");
        await page.Locator("[data-test=filter-q]").PressAsync("Enter");
        await Expect(page.Locator(".staff-table .el-table__row")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "重置", Exact = true }).ClickAsync();
        await Choose(page, page.Locator("[data-test=filter-department]"), "营商环境服务中心");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await Expect(page.Locator(".staff-table .el-table__row")).ToHaveCountAsync(4); // 钱程, 孙丽, 周军 and the first administrator
        await page.GetByRole(AriaRole.Button, new() { Name = "重置", Exact = true }).ClickAsync();
        await Expect(page.Locator(".staff-table .el-table__row")).ToHaveCountAsync(8);
        await Shot(page, "console-admin-staff.png");

        await page.Locator("[data-admin=audit]").ClickAsync();
        await Expect(page.Locator(".crumbs")).ToContainTextAsync("操作日志");
        await Expect(page.Locator("[data-test=audit-action]")).ToHaveTextAsync(["修改工作人员", "重置密码", "修改工作人员", "添加工作人员"]);
        await Expect(page.Locator("[data-test=audit-at]")).ToHaveTextAsync(["2026-11-23 10:06:00", "2026-11-23 10:05:00", "2026-11-23 10:03:00", "2026-11-23 10:00:00"]);
        var details = page.Locator("[data-test=audit-details]");
        await Expect(details.Nth(0)).ToContainTextAsync("已停用");
        await Expect(details.Nth(1)).ToContainTextAsync("李明（liming）的密码已重置");
        await Expect(details.Nth(2).Locator(".changed")).ToHaveTextAsync("经办人、部门负责人");
        await Expect(details.Nth(3)).ToContainTextAsync("李明（liming），自然资源和规划局，经办人，liming@czgov.example，0519-86661234");
        await Expect(page.Locator(".audit-table")).ToContainTextAsync("钱程");
        await Shot(page, "console-admin-audit.png");
        Assert.Empty(_browser.Refused);
    }

    [Fact]
    public async Task An_administrator_links_a_Teams_account_a_clerk_asked_for_from_the_staff_page()
    {
        await _host.AddStaff("qiancheng", "钱程", "service-center", StaffRole.Administrator);
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        await using (var session = _host.Store.LightweightSession())
        {
            session.Store(new TeamsLinkRequest("5a1f0c2e-7d3b-4c8e-9f10-2b3c4d5e6f70", "wangfang", "Wang Fang (自然资源和规划局)", "tenant", _clock.GetUtcNow()));
            await session.SaveChangesAsync(Cancel);
        }

        var page = await Open();
        await SignIn(page, "qiancheng", DeskHost.Password);
        var links = page.Locator("[data-test=teams-links]");
        await Expect(links).ToContainTextAsync("Teams 绑定申请");
        await Expect(links).ToContainTextAsync("王芳（自然资源和规划局）");
        await Shot(page, "console-admin-teams-links.png");

        await links.Locator("[data-action=approve-link]").ClickAsync();
        await Expect(page.Locator(".el-message-box")).ToContainTextAsync("将以王芳（自然资源和规划局）的身份在 Teams 中签收");
        await page.Locator(".el-message-box").GetByRole(AriaRole.Button, new() { Name = "同意绑定" }).ClickAsync();

        await Expect(page.Locator(".el-message")).ToContainTextAsync("已将 Teams 账号与王芳绑定。");
        await Expect(links).ToHaveCountAsync(0);
        await using var check = _host.Store.QuerySession();
        Assert.Equal("5a1f0c2e-7d3b-4c8e-9f10-2b3c4d5e6f70", (await check.LoadAsync<StaffMember>("wangfang", Cancel))!.TeamsUserId);
        Assert.Empty(_browser.Refused);
    }

    [Fact]
    public async Task The_first_administrator_signs_in_with_the_password_from_the_log_changes_it_and_lands_on_the_staff_list()
    {
        var logged = Assert.Single(_host.Logs.Entries, e => e.Category == typeof(FirstAdministrator).FullName).Message;
        var password = Regex.Match(logged, "一次性密码 ([A-Za-z0-9]+)").Groups[1].Value;
        var page = await Open();

        await SignIn(page, "admin", password);
        await Expect(page.Locator(".signin-heading")).ToHaveTextAsync("首次登录请修改初始密码");
        await Expect(page.Locator(".first-intro")).ToContainTextAsync("修改后即可进入系统");
        await ChangePassword(page, password);

        await Expect(page.Locator(".crumbs")).ToContainTextAsync("人员管理");
        await Expect(Row(page, "系统管理员")).ToContainTextAsync("admin");
        await Expect(page.Locator(".topbar")).ToContainTextAsync("营商环境服务中心 ｜ 系统管理员");
        await Expect(page.Locator("[data-queue]")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Expect(page.Locator(".crumbs")).ToContainTextAsync("人员管理");
        Assert.Empty(_browser.Refused);
    }

    [Fact]
    public async Task A_clerk_sees_no_administration_even_at_its_address_and_a_dispatcher_who_also_administers_sees_both_menus_until_she_gives_up_dispatching()
    {
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        await _host.AddStaff("sunli", "孙丽", "service-center", StaffRole.Dispatcher, StaffRole.Administrator);

        var clerk = await Open();
        await SignIn(clerk, "wangfang", DeskHost.Password);
        await Expect(clerk.Locator(".crumbs")).ToContainTextAsync("待签收");
        await Expect(clerk.Locator("[data-test=admin-menu]")).ToHaveCountAsync(0);
        await clerk.GotoAsync(_browser.Address("/console/admin/staff"));
        await Expect(clerk.Locator(".crumbs")).ToContainTextAsync("待签收");
        await Expect(clerk.Locator(".staff-table")).ToHaveCountAsync(0);

        var both = await Open();
        await SignIn(both, "sunli", DeskHost.Password);
        await Expect(both.Locator(".crumbs")).ToContainTextAsync("待分派");
        await both.Locator("[data-admin=staff]").ClickAsync();
        await Expect(both.Locator(".crumbs")).ToContainTextAsync("人员管理");
        await Expect(Row(both, "孙丽")).ToContainTextAsync("调度员");
        await Shot(both, "console-admin-dispatcher.png");
        await both.Locator("[data-queue=triage]").ClickAsync();
        await Expect(both.Locator(".crumbs")).ToContainTextAsync("待分派");

        // Giving up her own dispatching takes the queues out of her menu at once.
        await both.Locator("[data-admin=staff]").ClickAsync();
        await Row(both, "孙丽").Locator("[data-action=edit]").ClickAsync();
        await Dialog(both).Locator("[data-role=Dispatcher]").ClickAsync();
        await Dialog(both).Locator("[data-test=confirm]").ClickAsync();
        await Expect(both.Locator("[data-queue]")).ToHaveCountAsync(0);
        await Expect(both.Locator(".topbar")).ToContainTextAsync("营商环境服务中心 ｜ 系统管理员");
        await Expect(Row(both, "孙丽")).Not.ToContainTextAsync("调度员");
        Assert.Empty(_browser.Refused);
    }

    private async Task Lock(string login)
    {
        await using var session = _host.Store.LightweightSession();
        var credential = await session.LoadAsync<StaffCredential>(login, Cancel);
        credential!.LockedUntil = DeskContext.Monday10.AddMinutes(30);
        session.Store(credential);
        await session.SaveChangesAsync(Cancel);
    }

    private Task<IPage> Open() => _browser.Open();

    private static Task SignIn(IPage page, string login, string password) => ConsoleBrowser.SignIn(page, login, password);

    private static async Task ChangePassword(IPage page, string current)
    {
        await page.Locator("input[name=current]").FillAsync(current);
        await page.Locator("input[name=next]").FillAsync(NewPassword);
        await page.Locator("input[name=confirm]").FillAsync(NewPassword);
        await page.Locator("button[type=submit]").ClickAsync();
    }

    private static Task Choose(IPage page, ILocator select, string option) => ConsoleBrowser.Choose(page, select, option);

    private static ILocator Dialog(IPage page) => ConsoleBrowser.Dialog(page);

    private static ILocator Row(IPage page, string name) =>
        page.Locator(".staff-table .el-table__row").Filter(new() { Has = page.Locator(".staff-name", new() { HasTextRegex = new Regex($"^{name}$") }) });

    private static ILocator State(IPage page, string name) => Row(page, name).Locator("[data-test=staff-state]");

    private Task Shot(IPage page, string name) => _browser.Shot(page, name);

    private Task Snap(IPage page, string name) => _browser.Snap(page, name);
}
