using System.Net.Mail;
using System.Text.RegularExpressions;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Departments;
using Marten;

namespace Assistant.Bot.SignIn;

/// <summary>Who makes an administrative change: a signed-in administrator, or the operator at the command line.</summary>
public sealed record Auditor(string Id, string Name)
{
    public static Auditor CommandLine { get; } = new("command-line", "命令行（user-add）");
}

/// <summary>What an administrator (or the user-add verb) says about a person.</summary>
public sealed record StaffDraft(
    string? Login, string? Name, string? DepartmentId, IReadOnlyList<StaffRole>? Roles,
    string? Phone = null, string? Email = null, string? TeamsUserId = null, string? OidcSubject = null, bool Active = true);

/// <summary>The outcome of adding or changing a person: the stored member and a one-time password, or why not.</summary>
public sealed record AccountResult(StaffMember? Staff, string? OneTimePassword, string? Problem);

/// <summary>
/// Adding people, changing them and resetting their passwords, with the checks an administrator would expect: a
/// login of letters and digits, a known department, at least one role, a real e-mail address. A new or reset
/// password is generated, shown once, and must be changed at the first sign-in.
/// </summary>
public sealed partial class StaffAccounts(IDocumentStore store, DeskRulesSource source, TimeProvider clock)
{
    public async Task<AccountResult> Add(StaffDraft draft, Auditor by, CancellationToken cancellation)
    {
        var login = draft.Login?.Trim().ToLowerInvariant() ?? "";
        if (!LoginPattern().IsMatch(login))
        {
            return Refused("账号须为2至32位小写字母、数字或“._-”。");
        }

        if (Problem(draft) is { } problem)
        {
            return Refused(problem);
        }

        await using var session = store.LightweightSession();
        if (await session.LoadAsync<StaffMember>(login, cancellation) is not null || await session.Query<StaffMember>().AnyAsync(s => s.Login == login, cancellation))
        {
            return Refused($"账号“{login}”已存在。");
        }

        var staff = Member(login, draft);
        var password = Passwords.Generate();
        session.Insert(staff);
        session.Insert(new StaffCredential { Id = staff.Id, PasswordHash = Passwords.Hash(password), MustChangePassword = true, ChangedAt = clock.GetUtcNow() });
        session.Insert(Audit(by, "添加工作人员", staff.Id, Describe(staff)));
        await session.SaveChangesAsync(cancellation);
        return new AccountResult(staff, password, null);
    }

    public async Task<AccountResult> Change(string id, StaffDraft draft, Auditor by, CancellationToken cancellation)
    {
        if (Problem(draft) is { } problem)
        {
            return Refused(problem);
        }

        await using var session = store.LightweightSession();
        if (await session.LoadAsync<StaffMember>(id, cancellation) is not { } current)
        {
            return Refused("没有找到这位工作人员。");
        }

        var changed = Member(current.Login ?? current.Id, draft) with { Id = current.Id, Login = current.Login };
        if (by.Id == current.Id && (!changed.Active || current.Has(StaffRole.Administrator) && !changed.Has(StaffRole.Administrator)))
        {
            return Refused("不能停用自己的账号或取消自己的管理员角色，请由其他管理员操作。");
        }

        session.Store(changed);
        session.Insert(Audit(by, "修改工作人员", current.Id, $"{Describe(current)} → {Describe(changed)}"));
        await session.SaveChangesAsync(cancellation);
        return new AccountResult(changed, null, null);
    }

    public async Task<AccountResult> ResetPassword(string id, Auditor by, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<StaffMember>(id, cancellation) is not { Login: not null } staff)
        {
            return Refused("没有找到这位工作人员的本地账号。");
        }

        var password = Passwords.Generate();
        var credential = await session.LoadAsync<StaffCredential>(id, cancellation) ?? new StaffCredential { Id = id };
        credential.PasswordHash = Passwords.Hash(password);
        credential.MustChangePassword = true;
        credential.FailedAttempts = 0;
        credential.LockedUntil = null;
        credential.ChangedAt = clock.GetUtcNow();
        session.Store(credential);
        session.Insert(Audit(by, "重置密码", staff.Id, $"{staff.Name}（{staff.Login}）的密码已重置，须在下次登录时修改"));
        await session.SaveChangesAsync(cancellation);
        return new AccountResult(staff, password, null);
    }

    private AuditEntry Audit(Auditor by, string action, string target, string details) =>
        new(Guid.CreateVersion7(clock.GetUtcNow()), clock.GetUtcNow(), by.Id, by.Name, action, target, details);

    private string Describe(StaffMember staff) =>
        $"{staff.Name}（{staff.Login ?? staff.Id}），{Rules.DepartmentName(staff.DepartmentId)}，{string.Join("、", staff.Roles.Select(StaffMember.RoleName))}" +
        (staff.Active ? "" : "，已停用") + (staff.Email is { } email ? $"，{email}" : "") + (staff.Phone is { } phone ? $"，{phone}" : "");

    private DeskRules Rules => source.Current;

    private string? Problem(StaffDraft draft) =>
        draft.Name?.Trim() is not { Length: >= 1 and <= 20 } ? "请填写姓名（不超过20个字）。"
        : draft.DepartmentId is null || Rules.FindDepartment(draft.DepartmentId) is null ? "请选择所在部门。"
        : draft.Roles is not { Count: > 0 } ? "请至少选择一个角色。"
        : draft.Email is { Length: > 0 } email && !MailAddress.TryCreate(email.Trim(), out _) ? $"电子邮箱“{email}”格式不正确。"
        : draft.Phone is { Length: > 20 } ? "电话号码过长。"
        : new[] { draft.TeamsUserId, draft.OidcSubject }.Any(v => v is { Length: > 200 }) ? "Teams 标识或单点登录标识过长。"
        : null;

    private static StaffMember Member(string login, StaffDraft draft) => new(
        login,
        draft.Name!.Trim(),
        draft.DepartmentId!,
        draft.Roles!.Distinct().ToList(),
        Blank(draft.Phone),
        Blank(draft.TeamsUserId),
        draft.Active,
        Blank(draft.Email)?.ToLowerInvariant(),
        login,
        Blank(draft.OidcSubject));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static AccountResult Refused(string problem) => new(null, null, problem);

    [GeneratedRegex("^[a-z0-9._-]{2,32}$")]
    private static partial Regex LoginPattern();
}
