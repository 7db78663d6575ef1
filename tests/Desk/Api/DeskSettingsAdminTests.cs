using System.Text.Json;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Desk.Api;

/// <summary>Administrators keep the departments and the routing rules; changes route the next requests, are audited, and reach the other hosts.</summary>
public sealed class DeskSettingsAdminTests(PostgresServer server) : IAsyncLifetime
{
    private readonly string _schema = PostgresServer.NewSchema("settings");
    private DeskHost _host = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _host = new DeskHost(server, _schema);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_new_routing_rule_sends_the_next_matching_request_to_its_department_here_and_on_another_host()
    {
        await _host.AddStaff("qiancheng", "钱程", "service-center", StaffRole.Administrator);
        var admin = await _host.SignIn("qiancheng");
        await using var other = new DeskHost(server, _schema);
        await other.AddStaff("sunli", "孙丽", "service-center", StaffRole.Dispatcher);

        var saved = await admin.Json(await admin.Send(HttpMethod.Put, "/api/desk/admin/routing-rules",
            new[] { new { name = "外贸出口", category = (string?)null, keywords = new[] { "出口", "外贸" }, department = "commerce", coHandling = new[] { "finance" } } }));
        var routed = await _host.File(Requests.Of("financing", "出口订单回款慢，资金周转困难，想申请出口信保融资。"));

        Assert.Equal("外贸出口", saved[0].GetProperty("name").GetString());
        Assert.Equal(("commerce", "规则“外贸出口”（关键词“出口”）"), (routed.LeadDepartmentId, routed.RoutingRule));
        Assert.Equal(["finance"], routed.CoHandlingDepartmentIds);
        await other.Services.GetRequiredService<DeskRulesSource>().Reload(other.Store, Cancel); // what its half-minute refresh does
        Assert.Equal("commerce", (await other.File(Requests.Of("other", "想参加外贸展会"))).LeadDepartmentId);
        var audit = (await admin.Json(await admin.Get("/api/desk/admin/audit"))).EnumerateArray().First();
        Assert.Equal("修改分派规则", audit.GetProperty("action").GetString());
        Assert.Contains("外贸出口（出口、外贸）→商务局", audit.GetProperty("details").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("第1条规则：部门“tourism”不存在或已停用。", await Title(await admin.Send(HttpMethod.Put, "/api/desk/admin/routing-rules",
            new[] { new { name = "旅游", keywords = new[] { "景区" }, department = "tourism" } })), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_department_can_be_sent_tickets_and_one_that_is_stopped_cannot_while_a_category_default_cannot_be_stopped()
    {
        await _host.AddStaff("qiancheng", "钱程", "service-center", StaffRole.Administrator);
        await _host.AddStaff("sunli", "孙丽", "service-center", StaffRole.Dispatcher);
        var admin = await _host.SignIn("qiancheng");
        var dispatcher = await _host.SignIn("sunli");

        await admin.Json(await admin.Post("/api/desk/admin/departments", new { id = "ecology-environment", name = "生态环境局" }));
        var ticket = await _host.File(Requests.Land("厂区附近的河道有异味，想请环保部门来看看"));
        var directory = await dispatcher.Json(await dispatcher.Get("/api/desk/departments"));
        var transferred = await dispatcher.Json(await dispatcher.Post($"/api/desk/tickets/{ticket.Id}/transfer", new { toDepartmentId = "ecology-environment", reason = "属于环境问题" }));

        Assert.Contains(directory.EnumerateArray(), d => d.GetProperty("name").GetString() == "生态环境局");
        Assert.Equal("生态环境局", transferred.GetProperty("ticket").GetProperty("leadDepartmentName").GetString());
        Assert.Equal("“自然资源和规划局”是类别“用地”的默认承办部门，停用前请先调整。",
            await Title(await admin.Send(HttpMethod.Put, "/api/desk/admin/departments/natural-resources", new { name = "自然资源和规划局", kind = "Department", active = false })));

        await admin.Json(await admin.Send(HttpMethod.Put, "/api/desk/admin/departments/ecology-environment", new { name = "生态环境局", kind = "Department", active = false }));
        var another = await _host.File(Requests.Land());
        Assert.Equal("部门“ecology-environment”不存在或已停用。",
            await Title(await dispatcher.Post($"/api/desk/tickets/{another.Id}/transfer", new { toDepartmentId = "ecology-environment", reason = "属于环境问题" })));
        Assert.Equal(TicketStatus.Routed, (await _host.Desk.Find(another.Id, Cancel))!.Status);
    }

    [Fact]
    public async Task An_administrator_gives_a_department_its_Teams_channel_pasted_from_the_link_and_can_take_it_away_again()
    {
        await _host.AddStaff("qiancheng", "钱程", "service-center", StaffRole.Administrator);
        var admin = await _host.SignIn("qiancheng");
        const string Path = "/api/desk/admin/departments/natural-resources";

        Assert.Equal("Teams 频道编号应形如 19:…@thread.tacv2（在 Teams 中“获取频道链接”，链接里 /channel/ 后的那一段）。",
            await Title(await admin.Send(HttpMethod.Put, Path, new { name = "自然资源和规划局", kind = "Department", teamsChannelId = "https://teams.microsoft.com/l/channel" })));
        var set = await admin.Json(await admin.Send(HttpMethod.Put, Path, new { name = "自然资源和规划局", kind = "Department", teamsChannelId = "19%3a9f3c2b1a0d4e@thread.tacv2" }));
        var renamed = await admin.Json(await admin.Send(HttpMethod.Put, Path, new { name = "自然资源局", kind = "Department" }));
        var removed = await admin.Json(await admin.Send(HttpMethod.Put, Path, new { name = "自然资源局", kind = "Department", teamsChannelId = "" }));

        Assert.Equal("19:9f3c2b1a0d4e@thread.tacv2", set.GetProperty("teamsChannelId").GetString());
        Assert.Equal("19:9f3c2b1a0d4e@thread.tacv2", renamed.GetProperty("teamsChannelId").GetString());
        Assert.False(removed.TryGetProperty("teamsChannelId", out var gone) && gone.ValueKind == JsonValueKind.String);
        Assert.Null(_host.Services.GetRequiredService<DeskRulesSource>().Current.FindDepartment("natural-resources")!.TeamsChannelId);
    }

    private static async Task<string?> Title(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("title").GetString();
}
