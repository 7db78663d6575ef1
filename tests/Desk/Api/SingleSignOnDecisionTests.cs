using System.Security.Claims;
using Assistant.Bot.SignIn;
using Assistant.Dialogs.Desk.Departments;

namespace Assistant.Tests.Desk.Api;

/// <summary>Who a single sign-on identity is, decided without a database or a provider.</summary>
public sealed class SingleSignOnDecisionTests
{
    private static readonly StaffMember WangFang = new("wangfang", "王芳", "natural-resources", [StaffRole.Staff], Email: "wangfang@gov.example");

    [Fact]
    public void One_active_staff_member_is_the_person() =>
        Assert.Equal(new SingleSignOnOutcome(WangFang, null), SingleSignOn.Decide([WangFang, WangFang with { Id = "wangfang-old", Active = false }]));

    [Fact]
    public void Nobody_is_unknown_and_only_disabled_ones_are_disabled()
    {
        Assert.Equal("unknown", SingleSignOn.Decide([]).Refusal);
        Assert.Equal("disabled", SingleSignOn.Decide([WangFang with { Active = false }]).Refusal);
    }

    [Fact]
    public void Two_active_staff_members_with_the_same_address_are_neither_of_them() =>
        Assert.Equal(new SingleSignOnOutcome(null, "ambiguous"), SingleSignOn.Decide([WangFang, WangFang with { Id = "wangfang2" }]));

    [Theory]
    [InlineData("wangfang@gov.example", null, null, "wangfang@gov.example")]
    [InlineData(null, "wangfang@gov.example", null, "wangfang@gov.example")]
    [InlineData(null, "wangfang", null, null)]
    [InlineData("wangfang@gov.example", null, "false", null)]
    [InlineData(" wangfang@gov.example ", null, "true", "wangfang@gov.example")]
    public void The_email_is_the_verified_address_or_a_preferred_username_that_is_one(string? email, string? preferredUsername, string? verified, string? expected)
    {
        var claims = new List<Claim> { new("sub", "u-1") };
        claims.AddRange(new[] { ("email", email), ("preferred_username", preferredUsername), ("email_verified", verified) }
            .Where(c => c.Item2 is not null).Select(c => new Claim(c.Item1, c.Item2!)));

        Assert.Equal(expected, SingleSignOn.Email(new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc"))));
    }
}
