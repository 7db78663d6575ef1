using System.Net;
using System.Text.Json;
using System.Web;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.Logging;

namespace Assistant.Tests.Desk.Api;

/// <summary>
/// Single sign-on against a real OpenID Connect provider on loopback: the console's sign-in link, the provider, the
/// way back to /signin-oidc and into the console, with the cookies a browser would keep across both servers.
/// </summary>
public sealed class SingleSignOnTests(PostgresServer server) : IAsyncLifetime
{
    private const string SignInLink = "/api/desk/session/oidc?returnUrl=/console/";
    private LocalIdentityProvider _provider = null!;
    private DeskHost? _host;
    private Uri _console = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private DeskHost Host => _host ?? throw new InvalidOperationException("Start the host first.");

    public async ValueTask InitializeAsync() => _provider = await LocalIdentityProvider.Start();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _provider.DisposeAsync();
    }

    [Theory]
    [InlineData("wangfang@gov.example", "WangFang@Gov.Example")]
    [InlineData("WangFang@GOV.example", "wangfang@gov.example")]
    public async Task A_staff_member_known_by_email_signs_in_at_the_provider_and_lands_in_the_console_as_themselves(string stored, string atProvider)
    {
        await StartHost();
        await StoreStaff(await Host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff, StaffRole.DepartmentHead), s => s with { Email = stored });
        _provider.SignedIn = LocalIdentityProvider.WangFang with { Email = atProvider };
        using var browser = new RedirectingBrowser();

        var visit = await browser.Open(new Uri(_console, SignInLink));

        Assert.Equal(new Uri(_console, "/console/"), visit.End);
        Assert.Contains(visit.Hops, hop => hop.Port == _provider.Authority.Port && hop.AbsolutePath == "/connect/authorize");
        Assert.Contains(visit.Hops, hop => hop.Port == _console.Port && hop.AbsolutePath == "/signin-oidc");
        Assert.Contains("code_challenge_method=S256", Assert.Single(_provider.AuthorizationRequests), StringComparison.Ordinal);
        var desk = new DeskClient(browser.Client(_console));
        var session = await desk.Refresh();
        Assert.True(session.GetProperty("signedIn").GetBoolean(), visit.ToString());
        var user = session.GetProperty("user");
        Assert.Equal("wangfang", user.GetProperty("id").GetString());
        Assert.Equal("王芳", user.GetProperty("name").GetString());
        Assert.Equal(["Staff", "DepartmentHead"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(user.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await desk.Get("/api/desk/queues")).StatusCode);
        Assert.Contains(Host.Logs.Entries, e => e.Message.Contains("wangfang signed in to the console by single sign-on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_provider_that_gives_the_email_only_at_its_userinfo_endpoint_still_signs_the_staff_member_in()
    {
        await StartHost();
        await Host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        _provider.ClaimsInIdToken = false;
        using var browser = new RedirectingBrowser();

        var visit = await browser.Open(new Uri(_console, SignInLink));

        Assert.Equal(new Uri(_console, "/console/"), visit.End);
        var session = await new DeskClient(browser.Client(_console)).Refresh();
        Assert.Equal("wangfang", session.GetProperty("user").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Matched_by_subject_the_provider_s_subject_decides_and_its_email_does_not()
    {
        await StartHost(matchBy: "subject");
        await Host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff); // wangfang@gov.example, no subject
        await StoreStaff(await Host.AddStaff("lina", "李娜", "natural-resources", StaffRole.DepartmentHead), s => s with { OidcSubject = "u-wangfang" });
        using var browser = new RedirectingBrowser();

        var visit = await browser.Open(new Uri(_console, SignInLink));

        Assert.Equal(new Uri(_console, "/console/"), visit.End);
        var user = (await new DeskClient(browser.Client(_console)).Refresh()).GetProperty("user");
        Assert.Equal("lina", user.GetProperty("id").GetString());
        Assert.Equal(["DepartmentHead"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        _provider.SignedIn = new ProviderUser("u-someone-else", "wangfang@gov.example", "王芳");
        using var other = new RedirectingBrowser();
        Assert.Equal(new Uri(_console, "/console/?signin=unknown"), (await other.Open(new Uri(_console, SignInLink))).End);
        await AssertSignedOut(other);
    }

    [Fact]
    public async Task Someone_the_provider_knows_but_who_is_no_staff_member_is_refused_and_the_operator_is_told()
    {
        await StartHost();
        await Host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        _provider.SignedIn = new ProviderUser("u-zhaolei", "zhaolei@example.com", "赵磊");
        using var browser = new RedirectingBrowser();

        var visit = await browser.Open(new Uri(_console, SignInLink));

        Assert.Equal(new Uri(_console, "/console/?signin=unknown"), visit.End);
        Assert.Equal(HttpStatusCode.OK, visit.Response.StatusCode);
        await AssertSignedOut(browser);
        Assert.Contains(Host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("matched no active staff member", StringComparison.Ordinal)
            && e.Message.Contains("zhaolei@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_email_the_provider_has_not_verified_matches_nobody()
    {
        await StartHost();
        await Host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        _provider.SignedIn = LocalIdentityProvider.WangFang with { Subject = "u-impostor", EmailVerified = false };
        using var browser = new RedirectingBrowser();

        var visit = await browser.Open(new Uri(_console, SignInLink));

        Assert.Equal(new Uri(_console, "/console/?signin=unknown"), visit.End);
        await AssertSignedOut(browser);
    }

    [Fact]
    public async Task A_disabled_staff_member_is_refused_at_the_provider_s_return()
    {
        await StartHost();
        await StoreStaff(await Host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff), s => s with { Active = false });
        using var browser = new RedirectingBrowser();

        var visit = await browser.Open(new Uri(_console, SignInLink));

        Assert.Equal(new Uri(_console, "/console/?signin=disabled"), visit.End);
        Assert.Equal(HttpStatusCode.OK, visit.Response.StatusCode);
        await AssertSignedOut(browser);
    }

    [Fact]
    public async Task A_person_who_cancels_at_the_provider_comes_back_to_the_sign_in_page_not_signed_in()
    {
        await StartHost();
        await Host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        _provider.SignedIn = null;
        using var browser = new RedirectingBrowser();

        var visit = await browser.Open(new Uri(_console, SignInLink));

        Assert.Contains(visit.Hops, hop => hop.AbsolutePath == "/signin-oidc" && HttpUtility.ParseQueryString(hop.Query)["error"] == "access_denied");
        Assert.Equal(new Uri(_console, "/console/?signin=cancelled"), visit.End);
        Assert.Equal(HttpStatusCode.OK, visit.Response.StatusCode);
        await AssertSignedOut(browser);
        Assert.DoesNotContain(Host.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task While_the_provider_cannot_be_reached_the_sign_in_link_comes_back_with_a_reason_not_an_error_page()
    {
        await _provider.DisposeAsync();
        await StartHost();
        using var browser = new RedirectingBrowser();

        var visit = await browser.Open(new Uri(_console, SignInLink));

        Assert.Equal(new Uri(_console, "/console/?signin=unavailable"), visit.End);
        Assert.Equal(HttpStatusCode.OK, visit.Response.StatusCode);
        Assert.Contains(Host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("cannot be reached", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("//evil.example", "/console/")]
    [InlineData("https://evil.example/console/", "/console/")]
    [InlineData("/\\evil.example", "/console/")]
    [InlineData("/console//evil.example", "/console/")]
    [InlineData("/console/\r\nSet-Cookie: yq.desk=forged", "/console/")]
    [InlineData("/console/tickets/3f2a?queue=pending", "/console/tickets/3f2a?queue=pending")]
    public async Task After_signing_in_the_browser_goes_back_into_the_console_and_never_to_another_site(string returnUrl, string landing)
    {
        await StartHost();
        await Host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        using var browser = new RedirectingBrowser();

        var visit = await browser.Open(new Uri(_console, "/api/desk/session/oidc?returnUrl=" + Uri.EscapeDataString(returnUrl)));

        Assert.Equal(new Uri(_console, landing), visit.End);
        Assert.All(visit.Hops, hop => Assert.Equal("127.0.0.1", hop.Host));
        Assert.True((await new DeskClient(browser.Client(_console)).Refresh()).GetProperty("signedIn").GetBoolean());
    }

    [Fact]
    public async Task Signing_out_ends_the_single_sign_on_session()
    {
        await StartHost();
        await Host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        using var browser = new RedirectingBrowser();
        Assert.Equal(new Uri(_console, "/console/"), (await browser.Open(new Uri(_console, SignInLink))).End);
        var desk = new DeskClient(browser.Client(_console));
        Assert.True((await desk.Refresh()).GetProperty("signedIn").GetBoolean());

        var signOut = await desk.Post("/api/desk/session/sign-out", new { });

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        await AssertSignedOut(browser);
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_the_cookies_for_the_way_back_are_secure_and_go_along_only_with_top_level_navigations()
    {
        await StartHost();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _console };
        using var request = new HttpRequestMessage(HttpMethod.Get, SignInLink);
        request.Headers.Add("X-Forwarded-Proto", "https"); // as the TLS-terminating proxy in front of the host says

        var challenge = await http.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var query = HttpUtility.ParseQueryString(challenge.Headers.Location!.Query);
        Assert.Equal($"https://127.0.0.1:{_console.Port}/signin-oidc", query["redirect_uri"]);
        Assert.NotEqual("form_post", query["response_mode"]);
        var cookies = challenge.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.OpenIdConnect.Nonce.", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; samesite=lax", c, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task With_a_public_address_configured_the_provider_sends_the_browser_back_there()
    {
        await StartHost(publicUrl: "https://qiye.example.gov.cn");
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = _console };

        var challenge = await http.GetAsync(SignInLink, Cancel);

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Equal("https://qiye.example.gov.cn/signin-oidc", HttpUtility.ParseQueryString(challenge.Headers.Location!.Query)["redirect_uri"]);
    }

    private async Task StartHost(string matchBy = "email", string publicUrl = "")
    {
        _host = new DeskHost(server, PostgresServer.NewSchema("sso"), settings: new Dictionary<string, string>
        {
            ["SignIn:Oidc:Enabled"] = "true",
            ["SignIn:Oidc:Authority"] = _provider.Authority.ToString(),
            ["SignIn:Oidc:ClientId"] = LocalIdentityProvider.ClientId,
            ["SignIn:Oidc:ClientSecret"] = LocalIdentityProvider.ClientSecret,
            ["SignIn:Oidc:RequireHttpsMetadata"] = "false",
            ["SignIn:Oidc:MatchBy"] = matchBy,
            ["Network:PublicUrl"] = publicUrl,
        });
        _console = _host.Listen();
        _provider.RegisterClient(_console);
    }

    private async Task StoreStaff(StaffMember staff, Func<StaffMember, StaffMember> change)
    {
        await using var session = Host.Store.LightweightSession();
        session.Store(change(staff));
        await session.SaveChangesAsync(Cancel);
    }

    private async Task AssertSignedOut(RedirectingBrowser browser)
    {
        var desk = new DeskClient(browser.Client(_console));
        Assert.False((await desk.Refresh()).GetProperty("signedIn").GetBoolean());
        var queues = await desk.Get("/api/desk/queues");
        Assert.Equal(HttpStatusCode.Unauthorized, queues.StatusCode);
        Assert.Equal("请先登录。", JsonDocument.Parse(await queues.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("title").GetString());
    }
}
