using System.Net;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Desk.Api;

/// <summary>What the console's forms choose from: departments, categories, and the people a head can assign to.</summary>
public sealed class DeskDirectoryTests(PostgresServer server) : IAsyncLifetime
{
    private DeskHost _host = null!;

    public ValueTask InitializeAsync()
    {
        _host = new DeskHost(server, PostgresServer.NewSchema("directory"));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Departments_and_categories_are_the_configured_ones_with_their_Chinese_names()
    {
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        var clerk = await _host.SignIn("wangfang");

        var departments = (await clerk.Json(await clerk.Get("/api/desk/departments"))).EnumerateArray().ToList();
        var categories = (await clerk.Json(await clerk.Get("/api/desk/categories"))).EnumerateArray().ToList();

        Assert.Equal(9, departments.Count);
        Assert.Contains(departments, d => d.GetProperty("id").GetString() == "natural-resources" && d.GetProperty("name").GetString() == "自然资源和规划局");
        Assert.Contains(departments, d => d.GetProperty("id").GetString() == "service-center" && d.GetProperty("kind").GetString() == "ServiceCenter");
        Assert.Equal(["用地", "融资", "用工", "审批", "能耗", "科技", "政策", "市场", "其他"], categories.Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_head_sees_the_active_staff_of_their_own_department_only()
    {
        await _host.AddStaff("zhaomin", "赵敏", "natural-resources", StaffRole.DepartmentHead);
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        await _host.AddStaff("liqiang", "李强", "natural-resources", StaffRole.Staff);
        await _host.AddStaff("chenjing", "陈静", "finance", StaffRole.Staff);
        await _host.AddStaff("sunli", "孙丽", "service-center", StaffRole.Dispatcher);
        await using (var session = _host.Store.LightweightSession())
        {
            var gone = await session.LoadAsync<StaffMember>("liqiang", TestContext.Current.CancellationToken);
            session.Store(gone! with { Active = false });
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var head = await _host.SignIn("zhaomin");
        var staff = (await head.Json(await head.Get("/api/desk/departments/natural-resources/staff"))).EnumerateArray().ToList();
        var other = await head.Get("/api/desk/departments/finance/staff");
        var dispatcher = await _host.SignIn("sunli");
        var finance = (await dispatcher.Json(await dispatcher.Get("/api/desk/departments/finance/staff"))).EnumerateArray().ToList();

        Assert.Equal(["王芳", "赵敏"], staff.Select(s => s.GetProperty("name").GetString()).Order());
        Assert.Contains(staff, s => s.GetProperty("id").GetString() == "wangfang" && s.GetProperty("roleNames")[0].GetString() == "经办人");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("陈静", Assert.Single(finance).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await dispatcher.Get("/api/desk/departments/nowhere/staff")).StatusCode);
    }
}
