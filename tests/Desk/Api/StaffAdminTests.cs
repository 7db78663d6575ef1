using System.Net;
using System.Text.Json;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Desk.Api;

/// <summary>Administrators add and change people and reset passwords; every change is in the audit log; the command line can add people too.</summary>
public sealed class StaffAdminTests(PostgresServer server) : IAsyncLifetime
{
    private readonly string _schema = PostgresServer.NewSchema("staffadmin");
    private DeskHost _host = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _host = new DeskHost(server, _schema);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task An_administrator_adds_a_clerk_who_signs_in_with_the_one_time_password_and_must_change_it()
    {
        await _host.AddStaff("qiancheng", "钱程", "service-center", StaffRole.Administrator);
        var admin = await _host.SignIn("qiancheng");

        var added = await admin.Json(await admin.Post("/api/desk/admin/staff", new { login = "WangFang", name = "王芳", departmentId = "natural-resources", roles = new[] { "Staff" }, email = "WangFang@Gov.Example", phone = "0519-86661234" }));
        var password = added.GetProperty("oneTimePassword").GetString()!;
        var clerk = await _host.SignIn("wangfang", password);

        Assert.Equal("wangfang", added.GetProperty("staff").GetProperty("login").GetString());
        Assert.Equal("wangfang@gov.example", added.GetProperty("staff").GetProperty("email").GetString());
        Assert.Equal("请先修改初始密码。", await Title(await clerk.Get("/api/desk/queues")));
        Assert.Equal("账号“wangfang”已存在。", await Title(await admin.Post("/api/desk/admin/staff", new { login = "wangfang", name = "王芳", departmentId = "natural-resources", roles = new[] { "Staff" } })));
        Assert.Equal("请选择所在部门。", await Title(await admin.Post("/api/desk/admin/staff", new { login = "x1", name = "某人", departmentId = "tourism", roles = new[] { "Staff" } })));
    }

    [Fact]
    public async Task Changes_and_password_resets_are_audited_and_an_administrator_cannot_lock_themself_out()
    {
        await _host.AddStaff("qiancheng", "钱程", "service-center", StaffRole.Administrator);
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        var admin = await _host.SignIn("qiancheng");

        await admin.Json(await Put(admin, "/api/desk/admin/staff/wangfang", new { name = "王芳", departmentId = "natural-resources", roles = new[] { "Staff", "DepartmentHead" }, active = true }));
        await admin.Json(await admin.Post("/api/desk/admin/staff/wangfang/reset-password", null));
        var self = await Put(admin, "/api/desk/admin/staff/qiancheng", new { name = "钱程", departmentId = "service-center", roles = new[] { "Staff" }, active = true });

        Assert.Equal("不能停用自己的账号或取消自己的管理员角色，请由其他管理员操作。", await Title(self));
        var audit = (await admin.Json(await admin.Get("/api/desk/admin/audit"))).EnumerateArray().ToList();
        Assert.Equal(["重置密码", "修改工作人员"], audit.Select(a => a.GetProperty("action").GetString()!).Take(2).ToArray());
        Assert.Contains("经办人、部门负责人", audit[1].GetProperty("details").GetString(), StringComparison.Ordinal);
        Assert.All(audit.Take(2), a => Assert.Equal("钱程", a.GetProperty("actorName").GetString()));
        var clerk = new DeskClient(_host.Anonymous());
        await clerk.Refresh();
        Assert.Equal(HttpStatusCode.Unauthorized, (await clerk.Post("/api/desk/session", new { login = "wangfang", password = DeskHost.Password })).StatusCode);
    }

    [Fact]
    public async Task The_user_add_verb_adds_an_account_and_prints_its_one_time_password()
    {
        await using (var first = HostProcess.Start(Database(), "user-add", "--login", "zhaomin", "--name", "赵敏", "--department", "natural-resources", "--roles", "staff,head"))
        {
            Assert.Equal(0, await first.Exit(TimeSpan.FromSeconds(120)));
            var password = System.Text.RegularExpressions.Regex.Match(first.Output, "一次性密码：([A-Za-z0-9]+)").Groups[1].Value;
            var head = await _host.SignIn("zhaomin", password);
            Assert.Equal("请先修改初始密码。", await Title(await head.Get("/api/desk/queues")));
        }

        await using var wrong = HostProcess.Start(Database(), "user-add", "--login", "x", "--name", "某人", "--department", "natural-resources", "--roles", "boss");
        Assert.Equal(2, await wrong.Exit(TimeSpan.FromSeconds(120)));
        Assert.Contains("无法识别的角色“boss”", wrong.Output, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Database() => new() { ["ConnectionStrings__Marten"] = server.ConnectionString, ["Database__Schema"] = _schema };

    private static Task<HttpResponseMessage> Put(DeskClient client, string path, object body) => client.Send(HttpMethod.Put, path, body);

    private static async Task<string?> Title(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("title").GetString();
}
