using System.Security.Claims;
using Assistant.Bot.Edge;
using Assistant.Dialogs.Desk.Departments;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.SignIn;

/// <summary>/api/desk/session: who is signed in, signing in with a password or single sign-on, changing the password, signing out.</summary>
public static class SessionApi
{
    /// <param name="Roles">The roles by name ("Staff", "DepartmentHead", "Dispatcher", "Leader", "Administrator"), not by number.</param>
    public sealed record SessionUser(string Id, string Name, string DepartmentId, string DepartmentName, IReadOnlyList<string> Roles, IReadOnlyList<string> RoleNames, bool MustChangePassword);

    public sealed record SessionView(bool SignedIn, SessionUser? User, string AntiforgeryToken, bool SingleSignOn, string SingleSignOnName);

    public sealed record PasswordSignIn(string? Login, string? Password);

    public sealed record PasswordChange(string? Current, string? Next);

    public static RouteGroupBuilder MapSessionApi(this RouteGroupBuilder desk)
    {
        var session = desk.MapGroup("/session").WithTags("Session");
        session.MapGet("", Show).WithName("GetSession");
        session.MapPost("", SignIn).RequireAntiforgery().Limited(RequestKind.SignIn).WithBodyLimit(4096).WithName("SignIn");
        session.MapPost("/sign-out", SignOut).RequireAntiforgery().WithName("SignOut");
        session.MapGet("/oidc", StartSingleSignOn).Limited(RequestKind.SignIn).WithName("SingleSignOn");
        session.MapPost("/password", ChangePassword).RequireDeskUser().WithMetadata(BeforePasswordChange.Instance).RequireAntiforgery()
            .Limited(RequestKind.SignIn).WithBodyLimit(4096).WithName("ChangePassword");
        return desk;
    }

    private static async Task<Ok<SessionView>> Show(HttpContext context, IOptions<SignInOptions> options, Dialogs.Desk.DeskRules rules, Marten.IDocumentStore store)
    {
        var result = await context.AuthenticateAsync(DeskClaims.Scheme);
        SessionUser? user = null;
        if (result.Succeeded && result.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
        {
            await using var query = store.QuerySession();
            if (await query.LoadAsync<StaffMember>(id, context.RequestAborted) is { Active: true } staff)
            {
                context.User = result.Principal;
                user = View(staff, rules, result.Principal.HasClaim(DeskClaims.MustChangePassword, "true"));
            }
        }

        var oidc = options.Value.Oidc;
        return TypedResults.Ok(new SessionView(user is not null, user, DeskAntiforgery.Token(context), oidc.Enabled, oidc.DisplayName));
    }

    private static async Task<Results<Ok<SessionView>, ProblemHttpResult>> SignIn(
        PasswordSignIn body, HttpContext context, StaffSignIn signIn, IOptions<SignInOptions> options, Dialogs.Desk.DeskRules rules)
    {
        var outcome = await signIn.WithPassword(body.Login, body.Password, context.RequestAborted);
        if (outcome.Staff is not { } staff)
        {
            return TypedResults.Problem(title: outcome.Problem, statusCode: StatusCodes.Status401Unauthorized);
        }

        var principal = DeskClaims.Principal(staff, "pwd", outcome.MustChangePassword);
        await context.SignInAsync(DeskClaims.Scheme, principal);
        context.User = principal; // the antiforgery token is bound to the identity that will use it
        var oidc = options.Value.Oidc;
        return TypedResults.Ok(new SessionView(true, View(staff, rules, outcome.MustChangePassword), DeskAntiforgery.Token(context), oidc.Enabled, oidc.DisplayName));
    }

    private static async Task<Results<Ok<SessionView>, ProblemHttpResult>> ChangePassword(
        PasswordChange body, HttpContext context, StaffSignIn signIn, IOptions<SignInOptions> options, Dialogs.Desk.DeskRules rules)
    {
        var staff = DeskUser.Of(context);
        if (await signIn.ChangePassword(staff, body.Current, body.Next, context.RequestAborted) is { } problem)
        {
            return TypedResults.Problem(title: problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var principal = DeskClaims.Principal(staff, "pwd", mustChangePassword: false);
        await context.SignInAsync(DeskClaims.Scheme, principal);
        context.User = principal;
        var oidc = options.Value.Oidc;
        return TypedResults.Ok(new SessionView(true, View(staff, rules, false), DeskAntiforgery.Token(context), oidc.Enabled, oidc.DisplayName));
    }

    private static async Task<NoContent> SignOut(HttpContext context, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        await context.SignOutAsync(DeskClaims.Scheme);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Off to the identity provider; while it cannot be reached, back to the sign-in page with a reason instead of an
    /// error page (the discovery document is fetched once and cached, so this costs a request only when it is due).
    /// </summary>
    private static async Task<IResult> StartSingleSignOn(
        string? returnUrl, HttpContext context, IOptions<SignInOptions> options, IOptionsMonitor<OpenIdConnectOptions> oidc, ILoggerFactory loggers)
    {
        if (!options.Value.Oidc.Enabled)
        {
            return TypedResults.Problem(title: "未配置统一身份认证登录。", statusCode: StatusCodes.Status404NotFound);
        }

        try
        {
            await oidc.Get(SignInSetup.OidcScheme).ConfigurationManager!.GetConfigurationAsync(context.RequestAborted);
        }
        catch (InvalidOperationException ex)
        {
            loggers.CreateLogger(typeof(SingleSignOn)).LogWarning("The identity provider at {Authority} cannot be reached: {Problem}", options.Value.Oidc.Authority, ex.Message);
            return TypedResults.Redirect(SingleSignOn.RefusedAt("unavailable"));
        }

        return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = SafeReturn(returnUrl) }, [SignInSetup.OidcScheme]);
    }

    /// <summary>Only back into the console: never an address on another site, nothing that could split a header.</summary>
    private static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 and < 512 } url && url.StartsWith("/console", StringComparison.Ordinal) && !url.Contains("//", StringComparison.Ordinal)
            && !url.Contains('\\', StringComparison.Ordinal) && !url.Any(char.IsControl)
            ? url
            : "/console/";

    private static SessionUser View(StaffMember staff, Dialogs.Desk.DeskRules rules, bool mustChange) =>
        new(staff.Id, staff.Name, staff.DepartmentId, rules.DepartmentName(staff.DepartmentId), staff.Roles.Select(r => r.ToString()).ToList(), staff.Roles.Select(StaffMember.RoleName).ToList(), mustChange);
}
