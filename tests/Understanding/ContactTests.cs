namespace Assistant.Tests.Understanding;

/// <summary>Phone numbers, the user's company and its credit code, each as written.</summary>
public sealed class ContactTests
{
    [Theory]
    [InlineData("联系人周工 13775219360", "13775219360")]
    [InlineData("电话139 1526 4870，找王经理", "139 1526 4870")]
    [InlineData("手机：+86 139 2160 4837", "+86 139 2160 4837")]
    [InlineData("座机0519-86723415", "0519-86723415")]
    [InlineData("电话：181-1523-6074", "181-1523-6074")]
    [InlineData("手机号１３９１２３４５６７８", "１３９１２３４５６７８")]
    public void Phones_are_kept_as_written(string text, string phone) =>
        Assert.Equal(phone, Shared.Understander.Understand(text).Entities.Phone);

    [Theory]
    [InlineData("备案号 13806152947 的项目到哪一步了")]
    [InlineData("邮箱 13806152947@163.com")]
    [InlineData("金额 20000000 元")]
    public void Application_numbers_e_mail_and_plain_figures_are_not_phones(string text) =>
        Assert.Null(Shared.Understander.Understand(text).Entities.Phone);

    [Theory]
    [InlineData("我公司（常州天锐精密模具有限公司）申请施工许可", "常州天锐精密模具有限公司")]
    [InlineData("我们是无锡恒达精密机械有限公司，我姓刘", "无锡恒达精密机械有限公司")]
    [InlineData("名字想叫苏州跨海通供应链管理有限公司", "苏州跨海通供应链管理有限公司")]
    [InlineData("公司南通锐智新能源股份有限公司", "南通锐智新能源股份有限公司")]
    [InlineData("公司名：江阴华澄机电有限公司", "江阴华澄机电有限公司")]
    [InlineData("我们是新吴区的，华锦精密，电话139 1526 4870", "华锦精密")]
    [InlineData("我们是博远数据，想申请高企", "博远数据")]
    [InlineData("We are Wuxi Bright Machinery Co., Ltd. and need a loan", "Wuxi Bright Machinery Co., Ltd.")]
    public void The_users_own_company_is_kept_as_written(string text, string company) =>
        Assert.Equal(company, Shared.Understander.Understand(text).Entities.Company);

    [Theory]
    [InlineData("我们跟江南大学合作开发了一个项目")]
    [InlineData("工商银行说我们抵押物不够")]
    [InlineData("客户苏州华星电子有限公司欠我们货款")]
    [InlineData("我们是小微企业，想申请贷款")]
    [InlineData("我们是一家新能源电池企业，需要招人")]
    [InlineData("去年跟一所高校合作开发了一款激光焊接设备，想申请首台套")]
    [InlineData("我公司拟新建项目，需提交哪些材料")]
    [InlineData("Our customer Shanghai Auto Parts Co., Ltd. owes us 2 million yuan")]
    public void Banks_universities_counterparties_and_descriptions_are_not_the_company(string text) =>
        Assert.Null(Shared.Understander.Understand(text).Entities.Company);

    [Theory]
    [InlineData("统一社会信用代码：91320282706058650F", "91320282706058650F", true)]
    [InlineData("统一社会信用代码：913204116803355831", "913204116803355831", false)]
    [InlineData("信用代码 ９１３２０２８２７０６０５８６５０Ｆ", "９１３２０２８２７０６０５８６５０Ｆ", true)]
    [InlineData("我司91320902MA1799TDX8申请转贷", "91320902MA1799TDX8", true)]
    [InlineData("统一社会信用代码：9132041168033558", "9132041168033558", false)]
    public void Credit_codes_are_kept_as_written_and_checked(string text, string code, bool valid)
    {
        var entities = Shared.Understander.Understand(text).Entities;

        Assert.Equal(code, entities.CreditCode);
        Assert.Equal(valid, entities.CreditCodeValid);
    }

    [Fact]
    public void Without_a_credit_code_its_validity_is_not_stated() =>
        Assert.Null(Shared.Understander.Understand("我公司申请施工许可").Entities.CreditCodeValid);

    [Fact]
    public void A_credit_code_in_the_text_does_not_hide_the_numbers_after_it()
    {
        var entities = Shared.Understander.Understand("我公司（信用代码 91320506MA20BQXR5D）拟受让一宗25亩的工业用地").Entities;

        Assert.Equal(25m, entities.AreaMu);
    }
}
