using System.Net;
using System.Text.Json;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Desk.Api;

/// <summary>Signing in to the console with a local account: lockout, the first password change, antiforgery, signing out.</summary>
public sealed class SignInTests(PostgresServer server) : IAsyncLifetime
{
    private DeskHost _host = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _host = new DeskHost(server, PostgresServer.NewSchema("signin"));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_wrong_password_is_refused_politely_and_five_of_them_lock_the_account()
    {
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        var client = new DeskClient(_host.Anonymous());
        await client.Refresh();

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("账号或密码不正确。", await Title(await client.Post("/api/desk/session", new { login = "wangfang", password = "wrong-" + i })));
        }

        var locked = await client.Post("/api/desk/session", new { login = "wangfang", password = "still-wrong" });
        var lockedAgain = await client.Post("/api/desk/session", new { login = "WangFang", password = DeskHost.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.StartsWith("密码错误次数过多，账号已锁定，请15分钟后再试", await Title(locked), StringComparison.Ordinal);
        Assert.StartsWith("密码错误次数过多，账号已锁定", await Title(lockedAgain), StringComparison.Ordinal);
        Assert.Equal("账号或密码不正确。", await Title(await client.Post("/api/desk/session", new { login = "nobody", password = "x" })));
    }

    [Fact]
    public async Task The_first_administrator_is_made_once_and_must_change_the_one_time_password_first()
    {
        // The host made "admin" on start; give it a known one-time password, as if read from the log.
        await using (var session = _host.Store.LightweightSession())
        {
            var credential = await session.LoadAsync<Bot.SignIn.StaffCredential>("admin", Cancel);
            Assert.NotNull(credential);
            Assert.True(credential.MustChangePassword);
            credential.PasswordHash = Bot.SignIn.Passwords.Hash("OneTime2026x");
            session.Store(credential);
            await session.SaveChangesAsync(Cancel);
        }

        var admin = await _host.SignIn("admin", "OneTime2026x");
        var before = await admin.Get("/api/desk/queues");
        var weak = await admin.Post("/api/desk/session/password", new { current = "OneTime2026x", next = "short" });
        var changed = await admin.Post("/api/desk/session/password", new { current = "OneTime2026x", next = "Xinmima2026!" });

        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal("请先修改初始密码。", await Title(before));
        Assert.Equal("新密码至少需要10个字符。", await Title(weak));
        admin.UseToken((await admin.Json(changed)).GetProperty("antiforgeryToken").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await admin.Get("/api/desk/session")).StatusCode);
        var user = (await admin.Refresh()).GetProperty("user");
        Assert.False(user.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal("Administrator", user.GetProperty("roles")[0].GetString()); // by name: the console reads roles, not enum numbers
        // An administrator manages people; the tickets are not theirs to see.
        Assert.Equal("您的角色不能进行此操作。", await Title(await admin.Get("/api/desk/queues")));
    }

    [Fact]
    public async Task A_change_without_the_antiforgery_token_is_refused_and_signing_out_ends_the_session()
    {
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        var client = await _host.SignIn("wangfang");

        var forged = await client.Post("/api/desk/session/sign-out", null, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/api/desk/queues")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.Post("/api/desk/session/sign-out", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Get("/api/desk/queues")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_is_out_at_its_next_request()
    {
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        var client = await _host.SignIn("wangfang");
        await using (var session = _host.Store.LightweightSession())
        {
            var staff = (await session.LoadAsync<StaffMember>("wangfang", Cancel))!;
            session.Store(staff with { Active = false });
            await session.SaveChangesAsync(Cancel);
        }

        var response = await client.Get("/api/desk/queues");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("您的账号已停用或不存在，请联系系统管理员。", await Title(response));
    }

    private static async Task<string?> Title(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("title").GetString();
}
