using System.Security.Claims;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Marten;
using Microsoft.AspNetCore.Authentication;

namespace Assistant.Bot.SignIn;

/// <summary>Endpoint metadata: the roles that may call an endpoint (any one of them).</summary>
public sealed record AllowedRoles(IReadOnlyList<StaffRole> Roles);

/// <summary>Endpoint metadata: callable while the initial password has not been changed yet.</summary>
public sealed class BeforePasswordChange
{
    public static BeforePasswordChange Instance { get; } = new();
}

/// <summary>
/// The signed-in staff member of a console request, read from the database on every request: a person disabled or
/// removed a moment ago is out at once. Endpoints declare the roles they admit; the domain's guards decide the rest.
/// </summary>
public static class DeskUser
{
    private const string Key = "yq:desk-user";

    public static StaffMember Of(HttpContext context) =>
        context.Items[Key] as StaffMember ?? throw new InvalidOperationException("The endpoint is not behind the desk user filter.");

    /// <summary>The actor the staff member is on tickets.</summary>
    public static Actor Actor(HttpContext context) => Dialogs.Desk.Tickets.Actor.Of(Of(context), Of(context).ActingRole);

    public static TBuilder ForRoles<TBuilder>(this TBuilder builder, params StaffRole[] roles)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AllowedRoles(roles));

    /// <summary>On the desk API group: signed in, active, password changed (unless the endpoint says otherwise), in an allowed role.</summary>
    public static TBuilder RequireDeskUser<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.AddEndpointFilter(async (invocation, next) =>
    {
        var context = invocation.HttpContext;
        var result = await context.AuthenticateAsync(DeskClaims.Scheme);
        if (!result.Succeeded || result.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return TypedResults.Problem(title: "请先登录。", statusCode: StatusCodes.Status401Unauthorized);
        }

        await using var session = context.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        var staff = await session.LoadAsync<StaffMember>(id, context.RequestAborted);
        if (staff is not { Active: true })
        {
            await context.SignOutAsync(DeskClaims.Scheme);
            return TypedResults.Problem(title: "您的账号已停用或不存在，请联系系统管理员。", statusCode: StatusCodes.Status401Unauthorized);
        }

        var endpoint = context.GetEndpoint();
        if (result.Principal.HasClaim(DeskClaims.MustChangePassword, "true") && endpoint?.Metadata.GetMetadata<BeforePasswordChange>() is null)
        {
            return TypedResults.Problem(title: "请先修改初始密码。", statusCode: StatusCodes.Status403Forbidden, extensions: new Dictionary<string, object?> { ["code"] = "password-change" });
        }

        if (endpoint?.Metadata.GetMetadata<AllowedRoles>() is { } allowed && !allowed.Roles.Any(staff.Has))
        {
            return TypedResults.Problem(title: "您的角色不能进行此操作。", statusCode: StatusCodes.Status403Forbidden);
        }

        context.Items[Key] = staff;
        return await next(invocation);
    });
}
