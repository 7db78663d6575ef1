using System.Net;
using System.Text.Json;
using Assistant.Bot.SignIn;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Tests.Infrastructure;
using Marten;

namespace Assistant.Tests.Desk.Api;

/// <summary>
/// A Teams user's request to work as staff there ("绑定 wangfang" in their chat) waits for an administrator, who links
/// it to the staff record or declines it; both are audited, and one Teams account is never linked to two people.
/// </summary>
public sealed class TeamsLinkAdminTests(PostgresServer server) : IAsyncLifetime
{
    private const string Aad = "5a1f0c2e-7d3b-4c8e-9f10-2b3c4d5e6f70";
    private DeskHost _host = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _host = new DeskHost(server, PostgresServer.NewSchema("teamslinks"));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task An_administrator_sees_who_asked_and_links_the_Teams_account_to_the_staff_member_it_names()
    {
        await _host.AddStaff("qiancheng", "钱程", "service-center", StaffRole.Administrator);
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        await Requested("wangfang");
        var admin = await _host.SignIn("qiancheng");

        var listed = Assert.Single((await admin.Json(await admin.Get("/api/desk/admin/teams-links"))).EnumerateArray());
        Assert.Equal(("王芳（Teams）", "wangfang", "王芳", "自然资源和规划局"),
            (listed.GetProperty("displayName").GetString(), listed.GetProperty("login").GetString(), listed.GetProperty("staffName").GetString(), listed.GetProperty("departmentName").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Post($"/api/desk/admin/teams-links/{Aad}/approve", new { })).StatusCode);

        await using var session = _host.Store.QuerySession();
        Assert.Equal(Aad, (await session.LoadAsync<StaffMember>("wangfang", Cancel))!.TeamsUserId);
        Assert.Null(await session.LoadAsync<TeamsLinkRequest>(Aad, Cancel));
        Assert.Contains(await session.Query<AuditEntry>().ToListAsync(Cancel), a => a.Action == "绑定 Teams 账号" && a.Target == "wangfang" && a.ActorName == "钱程");
        Assert.Empty((await admin.Json(await admin.Get("/api/desk/admin/teams-links"))).EnumerateArray());
    }

    [Fact]
    public async Task A_declined_request_is_gone_a_handled_one_is_404_and_an_account_already_linked_to_someone_else_is_refused()
    {
        await _host.AddStaff("qiancheng", "钱程", "service-center", StaffRole.Administrator);
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        await using (var session = _host.Store.LightweightSession())
        {
            session.Store(new StaffMember("chenjing", "陈静", "finance", [StaffRole.Staff], TeamsUserId: Aad, Login: "chenjing"));
            await session.SaveChangesAsync(Cancel);
        }

        await Requested("wangfang");
        var admin = await _host.SignIn("qiancheng");

        var refused = await admin.Post($"/api/desk/admin/teams-links/{Aad}/approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("这个 Teams 账号已与 陈静 绑定，请先在人员管理中解除。", await Title(refused));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Send(HttpMethod.Delete, $"/api/desk/admin/teams-links/{Aad}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Post($"/api/desk/admin/teams-links/{Aad}/approve", new { })).StatusCode);
        await using var check = _host.Store.QuerySession();
        Assert.Null((await check.LoadAsync<StaffMember>("wangfang", Cancel))!.TeamsUserId);
        Assert.Contains(await check.Query<AuditEntry>().ToListAsync(Cancel), a => a.Action == "拒绝 Teams 绑定申请");
    }

    [Fact]
    public async Task A_request_naming_no_account_can_be_linked_to_the_person_the_administrator_chooses()
    {
        await _host.AddStaff("qiancheng", "钱程", "service-center", StaffRole.Administrator);
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        await Requested("wang.fang");
        var admin = await _host.SignIn("qiancheng");

        var unknown = await admin.Post($"/api/desk/admin/teams-links/{Aad}/approve", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Post($"/api/desk/admin/teams-links/{Aad}/approve", new { staffId = "wangfang" })).StatusCode);

        await using var session = _host.Store.QuerySession();
        Assert.Equal(Aad, (await session.LoadAsync<StaffMember>("wangfang", Cancel))!.TeamsUserId);
    }

    private async Task Requested(string login)
    {
        await using var session = _host.Store.LightweightSession();
        session.Store(new TeamsLinkRequest(Aad, login, "王芳（Teams）", "tenant", DateTimeOffset.UtcNow));
        await session.SaveChangesAsync(Cancel);
    }

    private static async Task<string?> Title(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("title").GetString();
}
