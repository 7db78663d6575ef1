using Assistant.Dialogs.Desk.Enterprises;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Desk.Enterprises;

public sealed class RegisterEnterpriseTests(PostgresServer server) : DeskContext(server)
{
    private async Task<(Enterprise? Enterprise, Dialogs.Desk.Tickets.Rejection? Rejection)> Register(string name, string? code, string contact, string phone)
    {
        await using var session = Store.LightweightSession();
        var registered = await session.Register(new RegisterEnterprise(name, code, new EnterpriseContact(contact, phone)), DeskContext.Monday10, Cancel);
        await session.SaveChangesAsync(Cancel);
        return registered;
    }

    [Fact]
    public async Task The_same_credit_code_finds_the_same_enterprise_and_remembers_the_newest_contact_first()
    {
        var (first, _) = await Register("江苏博远数据科技有限公司", "91320282706058650F", "刘洋", "13806152947");
        var (second, _) = await Register("博远数据", "９１３２０２８２７０６０５８６５０Ｆ", "陈晨", "0519-86723415");

        Assert.Equal(first!.Id, second!.Id);
        Assert.Equal("91320282706058650F", second.CreditCode);
        Assert.Equal(["陈晨", "刘洋"], second.Contacts.Select(c => c.Name));
        Assert.Equal(1L, await Server.Count(Schema, "mt_doc_enterprise"));
    }

    [Fact]
    public async Task A_wrong_credit_code_is_refused_and_nothing_is_stored()
    {
        var (enterprise, rejection) = await Register("常州智联新能源科技有限公司", "913204116803355831", "王磊", "13912345678");

        Assert.Null(enterprise);
        Assert.Equal("统一社会信用代码的校验位不符，可能有字符输错，请对照营业执照核对后重新输入。", rejection!.Message);
        Assert.Equal(0L, await Server.Count(Schema, "mt_doc_enterprise"));
    }

    [Fact]
    public async Task Two_enterprises_of_the_same_name_with_different_codes_stay_apart()
    {
        var (a, _) = await Register("宏晟纺织", "91320282706058650F", "刘洋", "13806152947");
        var (b, _) = await Register("宏晟纺织", "91320902MA1799TDX8", "黄磊", "13906152947");

        Assert.NotEqual(a!.Id, b!.Id);
    }
}
