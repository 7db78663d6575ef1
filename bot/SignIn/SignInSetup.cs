using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.SignIn;

/// <summary>
/// Console sign-in: a cookie session (HttpOnly, SameSite=Lax, Secure over https), local accounts, and OpenID Connect
/// single sign-on when SignIn:Oidc is configured. APIs answer 401/403 instead of redirecting.
/// </summary>
public static class SignInSetup
{
    public const string OidcScheme = "oidc";

    public static IServiceCollection AddSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.ConfigureMarten(options => options.ConfigureSignIn());
        services.AddSingleton<StaffSignIn>();
        services.AddSingleton<StaffAccounts>();
        services.AddHostedService<FirstAdministrator>();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = DeskAntiforgery.Header;
            antiforgery.Cookie.Name = "yq.desk.af";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        var authentication = services.AddAuthentication(DeskClaims.Scheme).AddCookie(DeskClaims.Scheme, cookie =>
        {
            cookie.Cookie.Name = "yq.desk";
            cookie.Cookie.HttpOnly = true;
            // Lax, not Strict: the first request after a single sign-on redirect comes from the identity provider's site.
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized, "请先登录。");
            cookie.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden, "您没有权限进行此操作。");
        });
        services.AddOptions<CookieAuthenticationOptions>(DeskClaims.Scheme).Configure<IOptions<SignInOptions>>((cookie, signIn) =>
            cookie.ExpireTimeSpan = TimeSpan.FromHours(signIn.Value.SessionHours));

        var oidc = configuration.GetSection(SignInOptions.Section).Get<SignInOptions>()?.Oidc;
        if (oidc is { Enabled: true })
        {
            authentication.AddSingleSignOn(oidc);
            services.AddHostedService<ProviderMetadataWarmup>();
        }

        services.AddAuthorization();
        return services;
    }

    private static async Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status, string title)
    {
        context.Response.StatusCode = status;
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title },
        });
    }
}
