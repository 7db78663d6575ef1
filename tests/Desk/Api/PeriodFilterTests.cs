using Assistant.Dialogs.Desk.Departments;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Tests.Desk.Api;

/// <summary>The period filter counts days as Shanghai does: a ticket filed at 00:30 on 12月2日 belongs to that day.</summary>
public sealed class PeriodFilterTests(PostgresServer server) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.FromHours(8)));
    private DeskHost _host = null!;

    public ValueTask InitializeAsync()
    {
        _host = new DeskHost(server, PostgresServer.NewSchema("period"), _clock);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_day_in_the_filter_is_the_Shanghai_day_and_bad_dates_are_refused_politely()
    {
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        var late = await _host.File(Requests.Land("十二月一日深夜提交的用地诉求", "late"));
        _clock.Advance(TimeSpan.FromHours(1));
        var early = await _host.File(Requests.Land("十二月二日凌晨提交的用地诉求", "early"));
        var clerk = await _host.SignIn("wangfang");

        async Task<List<Guid>> Listed(string query) =>
            (await clerk.Json(await clerk.Get("/api/desk/tickets?queue=all&" + query))).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetGuid()).ToList();

        Assert.Equal([early.Id], await Listed("from=2026-12-02&to=2026-12-02"));
        Assert.Equal([late.Id], await Listed("from=2026-12-01&to=2026-12-01"));
        Assert.Equal([early.Id, late.Id], await Listed("from=2026-12-01"));
        Assert.Empty(await Listed("to=2026-11-30"));

        var wrong = await clerk.Get("/api/desk/tickets?queue=all&from=2026-13-45");
        Assert.Equal(400, (int)wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
    }
}
