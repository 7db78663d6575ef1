using System.ComponentModel.DataAnnotations;

namespace Assistant.Bot.SignIn;

/// <summary>Section <c>SignIn</c>: how department staff sign in to the console.</summary>
public sealed class SignInOptions : IValidatableObject
{
    public const string Section = "SignIn";

    [Range(1, 100, ErrorMessage = "SignIn:MaxFailedAttempts 须在 1 到 100 之间。")]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(1, 24 * 60, ErrorMessage = "SignIn:LockoutMinutes 须在 1 到 1440 之间。")]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>How long a console session lasts without use.</summary>
    [Range(1, 24 * 7, ErrorMessage = "SignIn:SessionHours 须在 1 到 168 之间。")]
    public int SessionHours { get; set; } = 8;

    [Range(8, 128, ErrorMessage = "SignIn:MinPasswordLength 须在 8 到 128 之间。")]
    public int MinPasswordLength { get; set; } = 10;

    public OidcOptions Oidc { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Oidc.Enabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(Oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            yield return new ValidationResult("SignIn:Oidc:Authority 须是身份认证服务的地址，例如 https://login.microsoftonline.com/<租户>/v2.0。");
        }
        else if (authority.Scheme == "http" && Oidc.RequireHttpsMetadata)
        {
            yield return new ValidationResult("SignIn:Oidc:Authority 须使用 https（仅测试时可设置 SignIn:Oidc:RequireHttpsMetadata 为 false）。");
        }

        if (string.IsNullOrWhiteSpace(Oidc.ClientId))
        {
            yield return new ValidationResult("SignIn:Oidc:ClientId 不能为空。");
        }

        if (Oidc.MatchBy is not ("email" or "subject"))
        {
            yield return new ValidationResult("SignIn:Oidc:MatchBy 须为 email 或 subject。");
        }
    }
}

/// <summary>
/// Single sign-on through OpenID Connect: Entra ID, Keycloak or a 政务统一身份认证 platform. A person who signs in is
/// matched to a staff member by e-mail or by subject; nobody else gets in.
/// </summary>
public sealed class OidcOptions
{
    public bool Enabled { get; set; }

    /// <summary>Shown on the sign-in button, e.g. “政务统一身份认证”.</summary>
    public string DisplayName { get; set; } = "统一身份认证";

    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>Put it in the environment (SignIn__Oidc__ClientSecret), not in the file.</summary>
    public string ClientSecret { get; set; } = "";

    public List<string> Scopes { get; set; } = ["openid", "profile", "email"];

    /// <summary>"email": the e-mail claim against StaffMember.Email; "subject": the sub claim against StaffMember.OidcSubject.</summary>
    public string MatchBy { get; set; } = "email";

    public bool RequireHttpsMetadata { get; set; } = true;
}
