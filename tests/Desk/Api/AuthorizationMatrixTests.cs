using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Tests.Channels.DirectLine;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Desk.Api;

/// <summary>
/// Every console endpoint × every kind of caller, from one table: who is let through (the decision may still say
/// "not in this state"), and who gets 401 or 403 with nothing written. The ticket is a land request, so the
/// natural-resources staff and head are its department; finance staff are another department.
/// </summary>
public sealed class AuthorizationMatrixTests(PostgresServer server) : IAsyncLifetime
{
    private const string Anonymous = "anonymous", Enterprise = "enterprise token", Clerk = "clerk", OtherClerk = "other department's clerk",
        Head = "head", Dispatcher = "dispatcher", Leader = "leader", Administrator = "administrator";

    private static readonly string[] Callers = [Anonymous, Enterprise, Clerk, OtherClerk, Head, Dispatcher, Leader, Administrator];

    /// <summary>The design: which callers each endpoint lets through. Everyone else gets 401 (not signed in) or 403.</summary>
    private static readonly (string Method, string Path, object? Body, string[] Allowed)[] Table =
    [
        ("GET", "/api/desk/queues", null, [Clerk, OtherClerk, Head, Dispatcher, Leader]),
        ("GET", "/api/desk/tickets?queue=all", null, [Clerk, OtherClerk, Head, Dispatcher, Leader]),
        ("GET", "/api/desk/tickets/{id}", null, [Clerk, Head, Dispatcher, Leader]),
        ("GET", "/api/desk/tickets/{id}/files/0123456789abcdef0123456789abcdef", null, [Clerk, Head, Dispatcher, Leader]),
        ("GET", "/api/desk/departments", null, [Clerk, OtherClerk, Head, Dispatcher, Leader, Administrator]),
        ("GET", "/api/desk/categories", null, [Clerk, OtherClerk, Head, Dispatcher, Leader, Administrator]),
        ("GET", "/api/desk/departments/natural-resources/staff", null, [Head, Dispatcher]),
        ("POST", "/api/desk/tickets/{id}/sign-for", new { }, [Clerk, Head]),
        ("POST", "/api/desk/tickets/{id}/assign", new { staffId = "clerk" }, [Head]),
        ("POST", "/api/desk/tickets/{id}/contact", new { how = "电话", note = "已与企业联系人沟通" }, [Clerk, Head]),
        ("POST", "/api/desk/tickets/{id}/interim-reply", new { reply = "正在协调园区管委会" }, [Clerk, Head]),
        ("POST", "/api/desk/tickets/{id}/request-information", new { request = "请补充不动产证复印件" }, [Clerk, Head]),
        ("POST", "/api/desk/tickets/{id}/return", new { reason = "不属于本部门职责范围" }, [Clerk, Head]),
        ("POST", "/api/desk/tickets/{id}/return-decision", new { approve = true }, [Head]),
        ("POST", "/api/desk/tickets/{id}/review-outcome", new { approve = true }, [Dispatcher]),
        ("POST", "/api/desk/tickets/{id}/transfer", new { toDepartmentId = "approval", reason = "涉及施工许可" }, [Head, Dispatcher]),
        ("POST", "/api/desk/tickets/{id}/extension", new { days = 3, reason = "需要协调多个部门" }, [Clerk, Head]),
        ("POST", "/api/desk/tickets/{id}/extension-decision", new { approve = true }, [Head, Dispatcher]),
        ("POST", "/api/desk/tickets/{id}/resolve", new { outcome = "已协调园区管委会落实二十亩用地" }, [Clerk, Head]),
        ("POST", "/api/desk/tickets/{id}/note", new { text = "已电话联系园区" }, [Clerk, Head, Dispatcher]),
        ("POST", "/api/desk/tickets/{id}/redispatch", new { leadDepartmentId = "approval" }, [Dispatcher]),
        ("POST", "/api/desk/tickets/{id}/supervise", new { instruction = "请本周内拿出方案" }, [Dispatcher, Leader]),
        ("POST", "/api/desk/tickets/{id}/answer-supervision", new { answer = "已约企业现场办公，本周五前办结" }, [Clerk, Head]),
        ("POST", "/api/desk/tickets/{id}/reopen", new { reason = "回访发现仍未解决" }, [Dispatcher, Leader]),
        ("POST", "/api/desk/tickets/{id}/close", new { reason = "归档" }, [Dispatcher]),
        ("GET", "/api/desk/admin/staff", null, [Administrator]),
        ("POST", "/api/desk/admin/staff", new { login = "x", name = "" }, [Administrator]),
        ("PUT", "/api/desk/admin/staff/clerk", new { name = "" }, [Administrator]),
        ("POST", "/api/desk/admin/staff/nobody/reset-password", new { }, [Administrator]),
        ("GET", "/api/desk/admin/audit", null, [Administrator]),
        ("GET", "/api/desk/admin/teams-links", null, [Administrator]),
        ("POST", "/api/desk/admin/teams-links/nobody/approve", new { }, [Administrator]),
        ("DELETE", "/api/desk/admin/teams-links/nobody", null, [Administrator]),
        ("GET", "/api/desk/admin/departments", null, [Administrator]),
        ("POST", "/api/desk/admin/departments", new { id = "x" }, [Administrator]),
        ("PUT", "/api/desk/admin/departments/finance", new { name = "" }, [Administrator]),
        ("GET", "/api/desk/admin/routing-rules", null, [Administrator]),
        ("PUT", "/api/desk/admin/routing-rules", new[] { new { name = "" } }, [Administrator]),
    ];

    private DeskHost _host = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _host = new DeskHost(server, PostgresServer.NewSchema("authz"));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Every_endpoint_lets_through_exactly_the_callers_the_design_names_and_the_refused_write_nothing()
    {
        await _host.AddStaff("clerk", "王芳", "natural-resources", StaffRole.Staff);
        await _host.AddStaff("other", "陈静", "finance", StaffRole.Staff);
        await _host.AddStaff("head", "赵敏", "natural-resources", StaffRole.DepartmentHead);
        await _host.AddStaff("dispatcher", "孙丽", "service-center", StaffRole.Dispatcher);
        await _host.AddStaff("leader", "周军", "service-center", StaffRole.Leader);
        await _host.AddStaff("administrator", "钱程", "service-center", StaffRole.Administrator);
        var clients = new Dictionary<string, DeskClient>
        {
            [Anonymous] = await Unsigned(null),
            [Enterprise] = await Unsigned(await EnterpriseToken()),
            [Clerk] = await _host.SignIn("clerk"),
            [OtherClerk] = await _host.SignIn("other"),
            [Head] = await _host.SignIn("head"),
            [Dispatcher] = await _host.SignIn("dispatcher"),
            [Leader] = await _host.SignIn("leader"),
            [Administrator] = await _host.SignIn("administrator"),
        };

        var wrong = new List<string>();
        foreach (var (method, path, body, allowed) in Table)
        {
            foreach (var caller in Callers)
            {
                var ticket = await _host.File(Requests.Land());
                var before = await _host.Events(ticket.Id);
                var target = path.Replace("{id}", ticket.Id.ToString(), StringComparison.Ordinal);
                var response = method == "GET" ? await clients[caller].Get(target) : await clients[caller].Send(new HttpMethod(method), target, body);
                var status = (int)response.StatusCode;
                var expected = allowed.Contains(caller) ? "through" : caller is Anonymous or Enterprise ? "401" : "403";
                var actual = status is 401 or 403 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : status >= 500 ? "500" : "through";
                if (actual != expected)
                {
                    wrong.Add($"{method} {path} as {caller}: expected {expected}, got {status} {await response.Content.ReadAsStringAsync(Cancel)}");
                }
                else if (expected != "through" && await _host.Events(ticket.Id) != before)
                {
                    wrong.Add($"{method} {path} as {caller}: refused, but something was written");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private async Task<DeskClient> Unsigned(string? bearer)
    {
        var client = new DeskClient(_host.Anonymous());
        if (bearer is not null)
        {
            client.Http.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        }

        await client.Refresh();
        return client;
    }

    private async Task<string> EnterpriseToken()
    {
        using var http = _host.Anonymous();
        http.DefaultRequestHeaders.Authorization = new("Bearer", DirectLineHost.Secret);
        var response = await http.PostAsJsonAsync("/v3/directline/tokens/generate", new { user = new { id = "dl_liuyang" } }, Cancel);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("token").GetString()!;
    }
}
