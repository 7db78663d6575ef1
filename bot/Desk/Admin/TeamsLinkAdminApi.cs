using Assistant.Bot.Edge;
using Assistant.Bot.SignIn;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Departments;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Bot.Desk.Admin;

/// <summary>
/// /api/desk/admin/teams-links: the requests of Teams users to work as staff there ("绑定 账号" in their chat), for an
/// administrator to link to the staff record they name (or another) or to decline. Both are audited.
/// </summary>
public static class TeamsLinkAdminApi
{
    /// <summary>A request, with the staff member its account names (null when there is none).</summary>
    public sealed record LinkRequestView(string TeamsUserId, string DisplayName, string Login, DateTimeOffset RequestedAt, string? StaffId, string? StaffName, string? DepartmentName, string? LinkedTeamsUserId);

    public sealed record Approval(string? StaffId);

    private const int MaxBodyBytes = 4 * 1024;

    public static RouteGroupBuilder MapTeamsLinkAdminApi(this RouteGroupBuilder desk)
    {
        var admin = desk.MapGroup("/admin/teams-links").WithTags("Administration").ForRoles(StaffRole.Administrator);
        admin.MapGet("", List).WithName("ListTeamsLinkRequests");
        admin.MapPost("/{teamsUserId}/approve", Approve).WithName("ApproveTeamsLink").WithBodyLimit(MaxBodyBytes);
        admin.MapDelete("/{teamsUserId}", Decline).WithName("DeclineTeamsLink");
        return desk;
    }

    private static async Task<Ok<IReadOnlyList<LinkRequestView>>> List(IDocumentStore store, DeskRules rules, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var requests = await session.Query<TeamsLinkRequest>().OrderBy(r => r.RequestedAt).Take(200).ToListAsync(cancellation);
        var logins = requests.Select(r => r.Login).Distinct().ToList();
        var staff = (await session.Query<StaffMember>().Where(s => s.Login!.IsOneOf(logins)).ToListAsync(cancellation)).ToDictionary(s => s.Login!);
        return TypedResults.Ok<IReadOnlyList<LinkRequestView>>(requests.Select(r => staff.GetValueOrDefault(r.Login) is { } s
            ? new LinkRequestView(r.Id, r.DisplayName, r.Login, r.RequestedAt, s.Id, s.Name, rules.DepartmentName(s.DepartmentId), s.TeamsUserId)
            : new LinkRequestView(r.Id, r.DisplayName, r.Login, r.RequestedAt, null, null, null, null)).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Approve(
        string teamsUserId, Approval? body, HttpContext context, IDocumentStore store, TimeProvider clock, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<TeamsLinkRequest>(teamsUserId, cancellation) is not { } request)
        {
            return TypedResults.Problem(title: "没有找到这条绑定申请，可能已被处理。", statusCode: StatusCodes.Status404NotFound);
        }

        var staff = body?.StaffId is { Length: > 0 } id
            ? await session.LoadAsync<StaffMember>(id, cancellation)
            : await session.Query<StaffMember>().FirstOrDefaultAsync(s => s.Login == request.Login, cancellation);
        if (staff is null)
        {
            return TypedResults.Problem(
                title: body?.StaffId is { Length: > 0 } ? "没有找到要绑定的工作人员，请重新选择。" : $"没有账号为 {request.Login} 的工作人员，请选择要绑定的人员。",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        if (await session.Query<StaffMember>().FirstOrDefaultAsync(s => s.TeamsUserId == teamsUserId && s.Id != staff.Id, cancellation) is { } other)
        {
            return TypedResults.Problem(title: $"这个 Teams 账号已与 {other.Name} 绑定，请先在人员管理中解除。", statusCode: StatusCodes.Status409Conflict);
        }

        session.Store(staff with { TeamsUserId = teamsUserId });
        session.Delete(request);
        session.Insert(Audit(context, clock, "绑定 Teams 账号", staff.Id, $"{staff.Name}（{staff.Login ?? staff.Id}）与 Teams 用户 {request.DisplayName}（{teamsUserId}）绑定"));
        await session.SaveChangesAsync(cancellation);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Decline(string teamsUserId, HttpContext context, IDocumentStore store, TimeProvider clock, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<TeamsLinkRequest>(teamsUserId, cancellation) is not { } request)
        {
            return TypedResults.Problem(title: "没有找到这条绑定申请，可能已被处理。", statusCode: StatusCodes.Status404NotFound);
        }

        session.Delete(request);
        session.Insert(Audit(context, clock, "拒绝 Teams 绑定申请", teamsUserId, $"Teams 用户 {request.DisplayName} 申请绑定账号 {request.Login}，未同意"));
        await session.SaveChangesAsync(cancellation);
        return TypedResults.NoContent();
    }

    private static AuditEntry Audit(HttpContext context, TimeProvider clock, string action, string target, string details)
    {
        var by = DeskUser.Of(context);
        var now = clock.GetUtcNow();
        return new AuditEntry(Guid.CreateVersion7(now), now, by.Id, by.Name, action, target, details);
    }
}
