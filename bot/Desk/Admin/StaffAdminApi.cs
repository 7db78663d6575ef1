using Assistant.Bot.SignIn;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Departments;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Bot.Desk.Admin;

/// <summary>/api/desk/admin: administrators add and change people, reset passwords, and read the audit log.</summary>
public static class StaffAdminApi
{
    public sealed record StaffView(
        string Id, string Name, string DepartmentId, string DepartmentName, IReadOnlyList<StaffRole> Roles, IReadOnlyList<string> RoleNames,
        string? Login, string? Email, string? Phone, string? TeamsUserId, string? OidcSubject, bool Active, bool Locked);

    /// <summary>A person as stored, and a password to hand over once, when one was made.</summary>
    public sealed record AccountView(StaffView Staff, string? OneTimePassword);

    public static RouteGroupBuilder MapStaffAdminApi(this RouteGroupBuilder desk)
    {
        var admin = desk.MapGroup("/admin").WithTags("Administration").ForRoles(StaffRole.Administrator);
        admin.MapGet("/staff", List).WithName("ListStaff");
        admin.MapPost("/staff", Add).WithName("AddStaff");
        admin.MapPut("/staff/{id}", Change).WithName("ChangeStaff");
        admin.MapPost("/staff/{id}/reset-password", Reset).WithName("ResetPassword");
        admin.MapGet("/audit", Audit).WithName("AuditLog");
        return desk;
    }

    private static async Task<Ok<IReadOnlyList<StaffView>>> List(IDocumentStore store, DeskRules rules, TimeProvider clock, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var staff = await session.Query<StaffMember>().OrderBy(s => s.DepartmentId).ThenBy(s => s.Name).ToListAsync(cancellation);
        var credentials = (await session.LoadManyAsync<StaffCredential>(cancellation, staff.Select(s => s.Id))).ToDictionary(c => c.Id);
        var now = clock.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<StaffView>>(staff.Select(s => View(s, rules, credentials.GetValueOrDefault(s.Id)?.LockedUntil > now)).ToList());
    }

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> Add(StaffDraft body, HttpContext context, StaffAccounts accounts, DeskRules rules) =>
        Answer(await accounts.Add(body, By(context), context.RequestAborted), rules);

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> Change(string id, StaffDraft body, HttpContext context, StaffAccounts accounts, DeskRules rules) =>
        Answer(await accounts.Change(id, body, By(context), context.RequestAborted), rules);

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> Reset(string id, HttpContext context, StaffAccounts accounts, DeskRules rules) =>
        Answer(await accounts.ResetPassword(id, By(context), context.RequestAborted), rules);

    private static async Task<Ok<IReadOnlyList<AuditEntry>>> Audit(IDocumentStore store, int? take, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return TypedResults.Ok(await session.Query<AuditEntry>().OrderByDescending(a => a.At).Take(Math.Clamp(take ?? 100, 1, 500)).ToListAsync(cancellation));
    }

    private static Auditor By(HttpContext context) => new(DeskUser.Of(context).Id, DeskUser.Of(context).Name);

    private static Results<Ok<AccountView>, ProblemHttpResult> Answer(AccountResult result, DeskRules rules) =>
        result.Staff is { } staff
            ? TypedResults.Ok(new AccountView(View(staff, rules, locked: false), result.OneTimePassword))
            : TypedResults.Problem(title: result.Problem, statusCode: StatusCodes.Status422UnprocessableEntity);

    private static StaffView View(StaffMember s, DeskRules rules, bool locked) => new(
        s.Id, s.Name, s.DepartmentId, rules.DepartmentName(s.DepartmentId), s.Roles, s.Roles.Select(StaffMember.RoleName).ToList(),
        s.Login, s.Email, s.Phone, s.TeamsUserId, s.OidcSubject, s.Active, locked);
}
