using System.Security.Claims;
using Assistant.Bot.Edge;
using Assistant.Dialogs.Desk.Departments;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Assistant.Bot.SignIn;

/// <summary>What a person signed in at the identity provider is here: a staff member, or the reason they are not.</summary>
/// <param name="Refusal">The console's word for the reason (/console/?signin=…): unknown, disabled, ambiguous.</param>
public sealed record SingleSignOnOutcome(StaffMember? Staff, string? Refusal);

/// <summary>
/// Single sign-on through OpenID Connect (Entra ID, Keycloak, a 政务统一身份认证 platform): the authorization code flow
/// with PKCE, the answer coming back by query to /signin-oidc. The person is then matched to a staff member by e-mail
/// or by subject and gets the same cookie session as after a password; whoever matches nobody active stays out, and
/// every way back from the provider ends on the console's sign-in page with a reason, never on an error page.
/// </summary>
public static class SingleSignOn
{
    public const string CallbackPath = "/signin-oidc";

    /// <summary>Where the console's sign-in page shows why single sign-on did not get the person in.</summary>
    public static string RefusedAt(string reason) => "/console/?signin=" + reason;

    public static AuthenticationBuilder AddSingleSignOn(this AuthenticationBuilder authentication, OidcOptions oidc) =>
        authentication.AddOpenIdConnect(SignInSetup.OidcScheme, options =>
        {
            options.SignInScheme = DeskClaims.Scheme;
            options.Authority = oidc.Authority;
            options.ClientId = oidc.ClientId;
            options.ClientSecret = oidc.ClientSecret.Length > 0 ? oidc.ClientSecret : null;
            options.CallbackPath = CallbackPath;
            options.ResponseType = OpenIdConnectResponseType.Code;
            // By query, not form_post: the way back is then a top-level GET, which brings SameSite=Lax cookies along, so
            // the correlation and nonce cookies need neither SameSite=None nor Secure and work over plain http too.
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.CorrelationCookie.SameSite = options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.UsePkce = true;
            options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            options.GetClaimsFromUserInfoEndpoint = true;
            options.MapInboundClaims = false;
            options.Scope.Clear();
            foreach (var scope in oidc.Scopes)
            {
                options.Scope.Add(scope);
            }

            options.Events.OnRedirectToIdentityProvider = ComeBackToThePublicAddress;
            options.Events.OnTicketReceived = Admit;
            options.Events.OnAccessDenied = context => Refuse(context, "cancelled");
            options.Events.OnRemoteFailure = context =>
            {
                Logger(context.HttpContext).LogWarning("Single sign-on failed on the way back from the identity provider: {Failure}", context.Failure?.Message);
                return Refuse(context, "failed");
            };
        });

    /// <summary>Who the identity is among the staff it could be (the documents with its e-mail or subject).</summary>
    public static SingleSignOnOutcome Decide(IReadOnlyList<StaffMember> candidates) =>
        candidates.Where(s => s.Active).ToList() switch
        {
            [var one] => new SingleSignOnOutcome(one, null),
            [] => new SingleSignOnOutcome(null, candidates.Count == 0 ? "unknown" : "disabled"),
            _ => new SingleSignOnOutcome(null, "ambiguous"),
        };

    /// <summary>The e-mail address an identity vouches for: none when the provider says it is not verified.</summary>
    public static string? Email(ClaimsPrincipal external) =>
        external.FindFirst("email_verified")?.Value is "false" or "False" ? null
        : (external.FindFirst("email")?.Value ?? external.FindFirst("preferred_username")?.Value)?.Trim() is { } email && email.Contains('@', StringComparison.Ordinal) ? email
        : null;

    public static async Task<SingleSignOnOutcome> Match(IDocumentStore store, ClaimsPrincipal external, OidcOptions oidc, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        IReadOnlyList<StaffMember> candidates = [];
        if (oidc.MatchBy == "subject")
        {
            if (external.FindFirst("sub")?.Value is { Length: > 0 } subject)
            {
                candidates = await session.Query<StaffMember>().Where(s => s.OidcSubject == subject).Take(10).ToListAsync(cancellation);
            }
        }
        else if (Email(external) is { } email)
        {
            candidates = await session.Query<StaffMember>().Where(s => s.Email != null && s.Email.Equals(email, StringComparison.OrdinalIgnoreCase)).Take(10).ToListAsync(cancellation);
        }

        return Decide(candidates);
    }

    /// <summary>The provider's answer brings the session our own claims, or nothing at all.</summary>
    private static async Task Admit(TicketReceivedContext context)
    {
        var http = context.HttpContext;
        var oidc = http.RequestServices.GetRequiredService<IOptions<SignInOptions>>().Value.Oidc;
        var external = context.Principal ?? new ClaimsPrincipal();
        var outcome = await Match(http.RequestServices.GetRequiredService<IDocumentStore>(), external, oidc, http.RequestAborted);
        if (outcome.Staff is not { } staff)
        {
            Logger(http).LogWarning(
                "A single sign-on identity (subject {Subject}, e-mail {Email}) matched no active staff member by {MatchBy} and was refused: {Reason}.",
                external.FindFirst("sub")?.Value, Email(external) ?? external.FindFirst("email")?.Value, oidc.MatchBy, outcome.Refusal);
            await Refuse(context, outcome.Refusal!);
            return;
        }

        Logger(http).LogInformation("Staff member {Staff} signed in to the console by single sign-on.", staff.Id);
        context.Principal = DeskClaims.Principal(staff, "oidc", mustChangePassword: false);
    }

    /// <summary>Behind a proxy that rewrites the host, the provider must still send the browser to the address people use.</summary>
    private static Task ComeBackToThePublicAddress(RedirectContext context)
    {
        if (context.HttpContext.RequestServices.GetRequiredService<IOptions<NetworkOptions>>().Value.PublicUrl is { Length: > 0 } url)
        {
            context.ProtocolMessage.RedirectUri = url.TrimEnd('/') + context.Options.CallbackPath;
        }

        return Task.CompletedTask;
    }

    private static Task Refuse(HandleRequestContext<RemoteAuthenticationOptions> context, string reason)
    {
        context.Response.Redirect(RefusedAt(reason));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOn));
}
