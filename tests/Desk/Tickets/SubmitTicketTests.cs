using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Desk.Tickets;

public sealed class SubmitTicketTests
{
    private static readonly DeskRules Rules = Shipped.Rules();
    private static readonly TicketIdentity Identity = new(Guid.NewGuid(), "YQ2026-000007", "K7M4QX");
    private static readonly DateTimeOffset Monday10 = DeskContext.Monday10;

    [Theory]
    [InlineData("land", "natural-resources")]
    [InlineData("financing", "finance")]
    [InlineData("hiring", "human-resources")]
    [InlineData("approval", "approval")]
    [InlineData("energy", "development-reform")]
    [InlineData("technology", "science")]
    [InlineData("policy", "industry")]
    [InlineData("market", "commerce")]
    [InlineData("other", "service-center")]
    public void Each_category_goes_to_its_default_department(string category, string department)
    {
        var decision = Requests.Of(category, "我们有个问题想请政府帮忙协调一下。").Decide(Rules, Identity, Monday10);

        var routed = Assert.IsType<TicketRouted>(decision.Events[1]);
        Assert.Equal(department, routed.LeadDepartmentId);
    }

    [Fact]
    public void A_land_request_filed_on_Monday_morning_gets_the_default_stage_deadlines()
    {
        var decision = Requests.Land().Decide(Rules, Identity, Monday10);

        var submitted = Assert.IsType<TicketSubmitted>(decision.Events[0]);
        var routed = Assert.IsType<TicketRouted>(decision.Events[1]);
        Assert.Equal("YQ2026-000007", submitted.Number);
        Assert.Equal("20", submitted.Entities["area_mu"]);
        Assert.Equal("类别“用地”的默认部门", routed.Rule);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 17, 30, 0, TimeSpan.FromHours(8)), routed.Deadlines.SignForDue);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 17, 30, 0, TimeSpan.FromHours(8)), routed.Deadlines.FirstContactDue);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 17, 30, 0, TimeSpan.FromHours(8)), routed.Deadlines.ResolveDue);
    }

    [Fact]
    public void A_keyword_rule_routes_before_the_category_default_and_names_the_keyword()
    {
        var rules = Shipped.Rules(o => o.RoutingRules.Add(new DeskOptions.RoutingRuleOptions
        {
            Name = "不动产登记", Category = "land", Keywords = ["不动产证", "产权证"], Department = "natural-resources", CoHandling = ["approval"],
        }));

        var decision = Requests.Land("厂房建好两年了，不动产证一直办不下来").Decide(rules, Identity, Monday10);

        var routed = Assert.IsType<TicketRouted>(decision.Events[1]);
        Assert.Equal(["approval"], routed.CoHandlingDepartmentIds);
        Assert.Equal("规则“不动产登记”（关键词“不动产证”）", routed.Rule);
    }

    [Fact]
    public void A_regional_preset_sets_other_limits_zhongshan_contacts_within_one_working_hour()
    {
        var rules = Shipped.Rules(o => o.Preset = "zhongshan");

        var routed = Assert.IsType<TicketRouted>(Requests.Land().Decide(rules, Identity, Monday10).Events[1]);

        Assert.Equal(Monday10.AddHours(1), routed.Deadlines.FirstContactDue);
    }

    [Fact]
    public void A_wrong_credit_code_check_character_is_explained_politely_and_nothing_is_filed()
    {
        var request = Requests.Land() with { Enterprise = new EnterpriseRef(null, "常州智联新能源科技有限公司", "913204116803355831") };

        var decision = request.Decide(Rules, Identity, Monday10);

        Assert.Empty(decision.Events);
        Assert.Equal(RejectionCode.Invalid, decision.Rejection!.Code);
        Assert.Equal("统一社会信用代码的校验位不符，可能有字符输错，请对照营业执照核对后重新输入。", decision.Rejection.Message);
    }

    [Theory]
    [InlineData("", "请填写诉求内容。")]
    [InlineData("   ", "请填写诉求内容。")]
    public void An_empty_request_is_refused(string text, string message) =>
        Assert.Equal(message, Requests.Land(text).Decide(Rules, Identity, Monday10).Rejection!.Message);

    [Fact]
    public void A_request_over_four_thousand_characters_is_refused_with_its_length()
    {
        var rejection = Requests.Land(new string('地', 4001)).Decide(Rules, Identity, Monday10).Rejection!;
        Assert.Equal("诉求内容过长（4001字），请精简到4000字以内。", rejection.Message);
    }

    [Theory]
    [InlineData("138 0615 2947", true)]
    [InlineData("0519-86723415", true)]
    [InlineData("+86 139 2160 4837", true)]
    [InlineData("181-1523-6074", true)]
    [InlineData("１３８０６１５２９４７", true)]
    [InlineData("12345", false)]
    [InlineData("liu@example.com", false)]
    public void Phone_numbers_are_accepted_as_people_write_them(string phone, bool accepted)
    {
        var decision = (Requests.Land() with { Contact = new ContactPerson("刘洋", phone) }).Decide(Rules, Identity, Monday10);
        Assert.Equal(accepted, decision.IsAccepted);
    }

    [Fact]
    public void An_unknown_category_is_refused() =>
        Assert.Equal("诉求类别“tourism”不存在。", Requests.Of("tourism", "想办个旅游节").Decide(Rules, Identity, Monday10).Rejection!.Message);
}
