using Assistant.Bot.Database;
using Assistant.Dialogs.Desk.Departments;
using JasperFx;
using Marten;

namespace Assistant.Bot.SignIn;

/// <summary>
/// On a database without any administrator, creates one (login "admin") with a one-time password printed once in
/// the log, to be changed at the first sign-in. Later administrators are added in the console or with user-add.
/// </summary>
public sealed class FirstAdministrator(IDocumentStore store, DatabaseOnStart database, TimeProvider clock, ILogger<FirstAdministrator> logger) : IHostedService
{
    public const string Id = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.Prepare(cancellationToken);
        await using var session = store.LightweightSession();
        if (await session.Query<StaffMember>().AnyAsync(s => s.Active && s.Roles.Contains(StaffRole.Administrator), cancellationToken))
        {
            return;
        }

        var password = Passwords.Generate();
        session.Insert(new StaffMember(Id, "系统管理员", "service-center", [StaffRole.Administrator], Login: Id));
        session.Insert(new StaffCredential { Id = Id, PasswordHash = Passwords.Hash(password), MustChangePassword = true, ChangedAt = clock.GetUtcNow() });
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            return; // another host made it a moment ago
        }

        logger.LogWarning(
            "首次启动：已创建系统管理员账号 admin，一次性密码 {Password}。请打开 /console 登录并立即修改密码（此密码只显示这一次）。 " +
            "First start: created the console administrator 'admin' with the one-time password {Password}; sign in at /console and change it.",
            password, password);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
