using Assistant.Dialogs.Desk.Departments;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Desk.Api;

/// <summary>Tickets the enterprise marked urgent (停产, a loan due within days) come first when staff ask for them.</summary>
public sealed class UrgentFirstTests(PostgresServer server) : IAsyncLifetime
{
    private DeskHost _host = null!;

    public ValueTask InitializeAsync()
    {
        _host = new DeskHost(server, PostgresServer.NewSchema("urgent"));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_urgent_ticket_leads_the_queue_sorted_urgent_first_and_is_marked_in_every_order()
    {
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        var calm = await _host.File(Requests.Land("想在园区找二十亩工业用地", "calm"));
        var urgent = await _host.File(Requests.Land("厂房漏水停产了，急需临时厂房", "urgent") with { Urgent = true });
        var clerk = await _host.SignIn("wangfang");

        var plain = await clerk.Json(await clerk.Get("/api/desk/tickets?queue=sign-for"));
        var first = await clerk.Json(await clerk.Get("/api/desk/tickets?queue=sign-for&sort=urgent"));

        var ordered = first.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("id").GetGuid(), i.GetProperty("urgent").GetBoolean())).ToList();
        Assert.Equal([(urgent.Id, true), (calm.Id, false)], ordered);
        Assert.Contains(plain.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == urgent.Id && i.GetProperty("urgent").GetBoolean());
    }
}
