using System.Security.Claims;
using Assistant.Dialogs.Desk.Departments;
using Marten;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.SignIn;

/// <summary>The claims a console session carries; the staff document stays the authority and is read on each request.</summary>
public static class DeskClaims
{
    public const string Scheme = "desk";
    public const string Department = "yq:department";
    public const string Method = "amr";
    public const string MustChangePassword = "yq:must_change_password";

    public static ClaimsPrincipal Principal(StaffMember staff, string method, bool mustChangePassword)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, staff.Id),
            new(ClaimTypes.Name, staff.Name),
            new(Department, staff.DepartmentId),
            new(Method, method),
        };
        claims.AddRange(staff.Roles.Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        if (mustChangePassword)
        {
            claims.Add(new Claim(MustChangePassword, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}

/// <summary>What a sign-in attempt came to: the staff member, or a polite reason why not.</summary>
public sealed record SignInOutcome(StaffMember? Staff, bool MustChangePassword, string? Problem);

/// <summary>
/// Local accounts: a login and a password checked against its PBKDF2 hash; after SignIn:MaxFailedAttempts wrong
/// passwords the account is locked for SignIn:LockoutMinutes; a password someone else chose must be changed first.
/// </summary>
public sealed class StaffSignIn(IDocumentStore store, IOptions<SignInOptions> options, TimeProvider clock, ILogger<StaffSignIn> logger)
{
    private const string WrongPassword = "账号或密码不正确。";

    public async Task<SignInOutcome> WithPassword(string? login, string? password, CancellationToken cancellation)
    {
        var settings = options.Value;
        var normalized = (login ?? "").Trim().ToLowerInvariant();
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var staff = normalized.Length is > 0 and <= 64
                ? await session.Query<StaffMember>().FirstOrDefaultAsync(s => s.Login == normalized, cancellation)
                : null;
            var credential = staff is null ? null : await session.LoadAsync<StaffCredential>(staff.Id, cancellation);
            var now = clock.GetUtcNow();
            if (credential?.LockedUntil > now)
            {
                var minutes = (int)Math.Ceiling((credential.LockedUntil.Value - now).TotalMinutes);
                return new SignInOutcome(null, false, $"密码错误次数过多，账号已锁定，请{minutes}分钟后再试，或联系系统管理员。");
            }

            var (matches, rehash) = Passwords.Verify(credential?.PasswordHash, password ?? "");
            if (staff is null || credential is null)
            {
                return new SignInOutcome(null, false, WrongPassword);
            }

            if (!matches)
            {
                credential.FailedAttempts++;
                if (credential.FailedAttempts >= settings.MaxFailedAttempts)
                {
                    credential.LockedUntil = now.AddMinutes(settings.LockoutMinutes);
                    credential.FailedAttempts = 0;
                    logger.LogWarning("Console account {Login} is locked for {Minutes} minutes after {Attempts} wrong passwords.", normalized, settings.LockoutMinutes, settings.MaxFailedAttempts);
                }
            }
            else
            {
                credential.FailedAttempts = 0;
                credential.LockedUntil = null;
                if (rehash)
                {
                    credential.PasswordHash = Passwords.Hash(password!);
                }
            }

            session.Store(credential);
            try
            {
                await session.SaveChangesAsync(cancellation);
            }
            catch (Exception ex) when (attempt < 5 && Dialogs.StoreConflicts.IsRetryable(ex))
            {
                continue; // another attempt on the same account counted at the same moment
            }

            if (!matches)
            {
                return new SignInOutcome(null, false, credential.LockedUntil is null
                    ? WrongPassword
                    : $"密码错误次数过多，账号已锁定，请{settings.LockoutMinutes}分钟后再试，或联系系统管理员。");
            }

            return staff.Active
                ? new SignInOutcome(staff, credential.MustChangePassword, null)
                : new SignInOutcome(null, false, "该账号已停用，请联系系统管理员。");
        }
    }

    /// <summary>Sets a new password when the current one is given; the reason when not.</summary>
    public async Task<string?> ChangePassword(StaffMember staff, string? current, string? next, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var credential = await session.LoadAsync<StaffCredential>(staff.Id, cancellation);
        if (credential is null || !Passwords.Verify(credential.PasswordHash, current ?? "").Matches)
        {
            return "当前密码不正确。";
        }

        if (Passwords.Problem(next, staff.Login, options.Value.MinPasswordLength) is { } problem)
        {
            return problem;
        }

        if (Passwords.Verify(credential.PasswordHash, next!).Matches)
        {
            return "新密码不能与当前密码相同。";
        }

        credential.PasswordHash = Passwords.Hash(next!);
        credential.MustChangePassword = false;
        credential.ChangedAt = clock.GetUtcNow();
        session.Store(credential);
        await session.SaveChangesAsync(cancellation);
        logger.LogInformation("Console account {Login} changed its password.", staff.Login);
        return null;
    }
}
