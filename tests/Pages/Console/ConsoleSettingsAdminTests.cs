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
/// 部门管理 and 分派规则 in headless Chromium: a department added and a rule pointed at it send the next matching request
/// to its clerks; a department still needed is not stopped, and the reason is shown; one no longer needed is stopped
/// and offered no more. The host's clock stands on Monday 23 November 2026 10:00 and moves on between changes, so the
/// log's order is fixed.
/// </summary>
public sealed class ConsoleSettingsAdminTests(PostgresServer server, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DeskContext.Monday10);
    private DeskHost _host = null!;
    private ConsoleBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _host = new DeskHost(server, PostgresServer.NewSchema("consolesettings"), _clock);
        _browser = await ConsoleBrowser.Launch(_host.Listen(), output);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task An_administrator_adds_a_department_points_a_routing_rule_at_it_and_the_next_matching_request_reaches_its_clerk()
    {
        await _host.AddStaff("qiancheng", "钱程", "service-center", StaffRole.Administrator);
        var api = await _host.SignIn("qiancheng");
        await api.Json(await api.Send(HttpMethod.Put, "/api/desk/admin/routing-rules", new[]
        {
            new { name = "外贸出口", category = (string?)null, keywords = new[] { "出口", "外贸" }, department = "commerce", coHandling = new[] { "finance" } },
            new { name = "环境问题", category = (string?)null, keywords = new[] { "排污" }, department = "natural-resources", coHandling = Array.Empty<string>() },
        }));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var page = await _browser.Open();
        await ConsoleBrowser.SignIn(page, "qiancheng", DeskHost.Password);
        await Expect(page.Locator(".crumbs")).ToContainTextAsync("人员管理");

        await page.Locator("[data-admin=departments]").ClickAsync();
        await Expect(page.Locator(".crumbs")).ToContainTextAsync("部门管理");
        await Expect(Department(page, "商务局").Locator("[data-test=department-usage]")).ToHaveTextAsync("主办 1 条");
        await page.Locator("[data-test=add-department]").ClickAsync();
        var dialog = Dialog(page);
        await dialog.Locator("input[name=id]").FillAsync("生态");
        await dialog.Locator("[data-test=confirm]").ClickAsync();
        await Expect(dialog.Locator(".el-form-item__error")).ToHaveTextAsync(["部门编号须为2至40位小写字母、数字或“-”", "请填写部门名称"]);
        await _browser.Snap(page, "admin-department-dialog.png");
        await dialog.Locator("input[name=id]").FillAsync("Ecology-Environment");
        await dialog.Locator("input[name=name]").FillAsync("生态环境局");
        await dialog.Locator("input[name=teamsChannelId]").FillAsync("https://teams.microsoft.com/l/channel/");
        await dialog.Locator("[data-test=confirm]").ClickAsync();
        await Expect(dialog.Locator(".el-form-item__error")).ToHaveTextAsync(["频道编号应形如 19:…@thread.tacv2"]);
        await _browser.Snap(page, "admin-department-channel.png");
        await dialog.Locator("input[name=teamsChannelId]").FillAsync("19%3a4e2d8c1b9a7f@thread.tacv2");
        await dialog.Locator("[data-test=confirm]").ClickAsync();
        await Told(page, "已新增“生态环境局”。");
        await Expect(Department(page, "生态环境局").Locator("[data-test=department-channel]")).ToHaveTextAsync("Teams 频道");
        await Expect(Department(page, "生态环境局")).ToContainTextAsync("ecology-environment");
        await Expect(Department(page, "生态环境局").Locator("[data-test=department-state]")).ToHaveTextAsync("在用");

        _clock.Advance(TimeSpan.FromMinutes(1));
        await page.Locator("[data-admin=routing-rules]").ClickAsync();
        await Expect(page.Locator(".rule-table .rule-name")).ToHaveTextAsync(["外贸出口", "环境问题"]);
        await Rule(page, "环境问题").Locator("[data-action=edit]").ClickAsync();
        var keywords = dialog.Locator(".el-input-tag input");
        await keywords.FillAsync("异味");
        await keywords.PressAsync("Enter");
        await Pick(page, dialog.Locator("[data-test=rule-department]"), "生态环境局");
        await Pick(page, dialog.Locator("[data-test=rule-cohandling]"), "自然资源和规划局", closeAfter: true);
        await _browser.Snap(page, "admin-rule-dialog.png");
        await dialog.Locator("[data-test=confirm]").ClickAsync();
        await Rule(page, "环境问题").Locator("[data-action=up]").ClickAsync();
        await Expect(page.Locator(".rule-table .rule-name")).ToHaveTextAsync(["环境问题", "外贸出口"]);
        await Expect(Rule(page, "环境问题").Locator("[data-test=rule-keywords] .el-tag")).ToHaveTextAsync(["排污", "异味"]);
        await Expect(Rule(page, "环境问题").Locator("[data-test=rule-department]")).ToHaveTextAsync("生态环境局");
        await Expect(Rule(page, "环境问题")).ToContainTextAsync("自然资源和规划局");
        await Expect(page.Locator("[data-test=unsaved]")).ToHaveTextAsync("规则已修改，尚未保存；保存后方才生效。");
        await page.Locator("[data-test=save-rules]").ClickAsync();
        await Told(page, "分派规则已保存，新提交的诉求将按新规则分派。");
        await Expect(page.Locator("[data-test=unsaved]")).ToHaveCountAsync(0);
        await _browser.Shot(page, "admin-routing-rules.png");

        var rules = await api.Json(await api.Get("/api/desk/admin/routing-rules"));
        Assert.Equal(("环境问题", "ecology-environment"), (rules[0].GetProperty("name").GetString(), rules[0].GetProperty("department").GetString()));
        Assert.Equal(["排污", "异味"], rules[0].GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        var ticket = await _host.File(Requests.Land("厂区附近的河道有异味，想请环保部门来看看"));
        Assert.Equal(("ecology-environment", "规则“环境问题”（关键词“异味”）"), (ticket.LeadDepartmentId, ticket.RoutingRule));
        Assert.Equal(["natural-resources"], ticket.CoHandlingDepartmentIds);
        await _host.AddStaff("liuyang", "刘洋", "ecology-environment", StaffRole.Staff);
        var clerk = await _browser.Open();
        await ConsoleBrowser.SignIn(clerk, "liuyang", DeskHost.Password);
        await Expect(clerk.Locator(".topbar")).ToContainTextAsync("生态环境局 ｜ 经办人");
        await Expect(clerk.Locator(".queue-table")).ToContainTextAsync(ticket.Number);

        await page.Locator("[data-admin=departments]").ClickAsync();
        await Expect(Department(page, "生态环境局").Locator("[data-test=department-usage]")).ToHaveTextAsync("主办 1 条");
        await Expect(Department(page, "生态环境局").Locator("[data-test=department-people]")).ToHaveTextAsync("1 人");
        await Expect(Department(page, "自然资源和规划局").Locator("[data-test=department-usage]")).ToHaveTextAsync("协办 1 条");
        await _browser.Shot(page, "admin-departments.png");
        await page.Locator("[data-admin=audit]").ClickAsync();
        await Expect(page.Locator("[data-test=audit-action]")).ToHaveTextAsync(["修改分派规则", "添加部门", "修改分派规则"]);
        await Expect(page.Locator("[data-test=audit-details]").Nth(0)).ToContainTextAsync("环境问题（排污、异味）→生态环境局");
        await Expect(page.Locator("[data-test=audit-details]").Nth(1)).ToContainTextAsync("生态环境局（ecology-environment）");
        await _browser.Shot(page, "admin-audit.png");
        Assert.Empty(_browser.Refused);
    }

    [Fact]
    public async Task Stopping_a_department_still_needed_shows_why_not_and_once_no_rule_needs_it_it_is_stopped_and_offered_no_more()
    {
        await _host.AddStaff("qiancheng", "钱程", "service-center", StaffRole.Administrator);
        var api = await _host.SignIn("qiancheng");
        await api.Json(await api.Post("/api/desk/admin/departments", new { id = "ecology-environment", name = "生态环境局" }));
        await api.Json(await api.Send(HttpMethod.Put, "/api/desk/admin/routing-rules", new[]
        {
            new { name = "河道污染", category = (string?)null, keywords = new[] { "河道", "异味" }, department = "ecology-environment", coHandling = new[] { "natural-resources" } },
        }));
        var page = await _browser.Open();
        await ConsoleBrowser.SignIn(page, "qiancheng", DeskHost.Password);
        await page.Locator("[data-admin=departments]").ClickAsync();

        await Stop(page, "自然资源和规划局");
        await Expect(Refusal(page)).ToContainTextAsync("“自然资源和规划局”是类别“用地”的默认承办部门，停用前请先调整。");
        await _browser.Snap(page, "admin-departments-refused.png");
        await Refusal(page).GetByRole(AriaRole.Button, new() { Name = "知道了" }).ClickAsync();
        await Expect(Department(page, "自然资源和规划局").Locator("[data-test=department-state]")).ToHaveTextAsync("在用");
        await Stop(page, "生态环境局");
        await Expect(Refusal(page)).ToContainTextAsync("“生态环境局”是分派规则“河道污染”中的部门，停用前请先调整。");
        await Refusal(page).GetByRole(AriaRole.Button, new() { Name = "知道了" }).ClickAsync();

        await Department(page, "生态环境局").Locator("[data-action=edit]").ClickAsync();
        await Expect(Dialog(page).Locator("input[name=id]")).ToBeDisabledAsync();
        await Dialog(page).Locator("input[name=name]").FillAsync("市生态环境局");
        await Dialog(page).Locator("[data-test=confirm]").ClickAsync();
        await Told(page, "“市生态环境局”的信息已保存。");

        await page.Locator("[data-admin=routing-rules]").ClickAsync();
        await Expect(Rule(page, "河道污染").Locator("[data-test=rule-department]")).ToHaveTextAsync("市生态环境局");
        await Rule(page, "河道污染").Locator("[data-action=remove]").ClickAsync();
        await page.Locator("[data-test=save-rules]").ClickAsync();
        await Told(page, "分派规则已保存");
        await Expect(page.Locator(".rule-table")).ToContainTextAsync("尚未设置分派规则，诉求均按类别的默认承办部门派单。");
        await _browser.Shot(page, "admin-routing-rules-empty.png");
        Assert.Equal(0, (await api.Json(await api.Get("/api/desk/admin/routing-rules"))).GetArrayLength());

        await page.Locator("[data-admin=departments]").ClickAsync();
        await Stop(page, "市生态环境局");
        await Told(page, "已停用“市生态环境局”。");
        await Expect(Department(page, "市生态环境局").Locator("[data-test=department-state]")).ToHaveTextAsync("已停用");
        await Expect(Department(page, "市生态环境局").Locator("[data-action=enable]")).ToBeVisibleAsync();

        await page.Locator("[data-admin=routing-rules]").ClickAsync();
        await page.Locator("[data-test=add-rule]").ClickAsync();
        await Dialog(page).Locator("[data-test=rule-department]").ClickAsync();
        await Expect(page.Locator(".el-select-dropdown__item:visible", new() { HasText = "商务局" })).ToBeVisibleAsync();
        await Expect(page.Locator(".el-select-dropdown__item:visible", new() { HasText = "生态环境局" })).ToHaveCountAsync(0);
        Assert.Empty(_browser.Refused);
    }

    private static async Task Stop(IPage page, string department)
    {
        await Department(page, department).Locator("[data-action=stop]").ClickAsync();
        var confirm = page.Locator(".el-message-box").Filter(new() { HasText = "确定停用吗" });
        await Expect(confirm).ToContainTextAsync($"诉求不能再转办或派往“{department}”");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "确定停用" }).ClickAsync();
    }

    /// <summary>Chooses an option and waits until its list is gone, so the next list's options are the only ones shown.</summary>
    private static async Task Pick(IPage page, ILocator select, string option, bool closeAfter = false)
    {
        await ConsoleBrowser.Choose(page, select, option);
        if (closeAfter)
        {
            await Dialog(page).Locator(".dialog-intro").ClickAsync(); // a list of several choices stays open until one clicks elsewhere
        }

        await Expect(page.Locator(".el-select-dropdown:visible")).ToHaveCountAsync(0);
    }

    private static ILocator Dialog(IPage page) => ConsoleBrowser.Dialog(page);

    /// <summary>A note at the top of the page: one of those shown, as an earlier one may still be fading.</summary>
    private static Task Told(IPage page, string text) => Expect(page.Locator(".el-message").Filter(new() { HasText = text })).ToBeVisibleAsync();

    private static ILocator Refusal(IPage page) => page.Locator(".el-message-box").Filter(new() { HasText = "暂不能停用该部门" });

    private static ILocator Department(IPage page, string name) =>
        page.Locator(".department-table .el-table__row").Filter(new() { Has = page.Locator(".department-name", new() { HasTextRegex = new Regex($"^{name}$") }) });

    private static ILocator Rule(IPage page, string name) =>
        page.Locator(".rule-table .el-table__row").Filter(new() { Has = page.Locator(".rule-name", new() { HasTextRegex = new Regex($"^{name}$") }) });
}
