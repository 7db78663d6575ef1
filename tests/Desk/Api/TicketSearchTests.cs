using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Desk.Api;

/// <summary>Staff find tickets by words of the request or the enterprise's name, in Chinese, as they type them.</summary>
public sealed class TicketSearchTests(PostgresServer server) : IAsyncLifetime
{
    private DeskHost _host = null!;

    public ValueTask InitializeAsync()
    {
        _host = new DeskHost(server, PostgresServer.NewSchema("search"));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Words_of_one_two_or_more_characters_find_exactly_the_tickets_that_contain_them_in_the_clerks_department()
    {
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        var loan = await _host.File(Requests.Land("厂房抵押贷款需要不动产证，证一直没办下来", "loan"));
        var pct = await _host.File(Requests.Land("想了解PCT专利和用地的关系", "pct") with { Enterprise = new(null, "无锡博远数据科技有限公司", null) });
        var apart = await _host.File(Requests.Land("贷了款以后才发现厂房面积不够", "apart"));
        var elsewhere = await _host.File(Requests.Of("financing", "申请贷款贴息，流动资金贷款五百万"));
        var clerk = await _host.SignIn("wangfang");

        async Task<List<Guid>> Found(string query, string parameter = "q") =>
            (await clerk.Json(await clerk.Get($"/api/desk/tickets?queue=all&{parameter}={Uri.EscapeDataString(query)}"))).GetProperty("items")
            .EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Order().ToList();

        Assert.Equal([loan.Id], await Found("贷款"));
        Assert.Equal([loan.Id], await Found("不动产证"));
        Assert.Equal(new[] { loan.Id, apart.Id }.Order(), await Found("厂房"));
        Assert.Equal(new[] { loan.Id, apart.Id }.Order(), await Found("贷"));
        Assert.Equal([pct.Id], await Found("pct"));
        Assert.Equal([pct.Id], await Found("博远"));
        Assert.Equal([pct.Id], await Found("博远", "enterprise"));
        Assert.Empty(await Found("厂房面积 够"));
        Assert.Empty(await Found("100%"));
        Assert.Equal([apart.Id], await Found(apart.Number.ToLowerInvariant()));
        Assert.DoesNotContain(elsewhere.Id, await Found("贷款"));
    }

    [Theory]
    [InlineData("贷款", new[] { "款", "贷", "贷款" })]
    [InlineData("PCT 专利", new[] { "c", "ct", "p", "pc", "t", "专", "专利", "利" })]
    public void The_grams_of_a_text_are_its_characters_and_pairs_with_ASCII_letters_in_lower_case_and_no_spaces(string text, string[] grams) =>
        Assert.Equal(grams.Order(StringComparer.Ordinal), TicketSearch.Grams(text));

    [Theory]
    [InlineData("贷款", new[] { "贷款" })]
    [InlineData("专精特新", new[] { "专精", "特新", "精特" })]
    [InlineData("a 贷款", new[] { "a", "贷款" })]
    [InlineData("贷", new[] { "贷" })]
    public void A_search_looks_up_pairs_and_only_the_characters_that_stand_alone(string text, string[] grams) =>
        Assert.Equal(grams.Order(StringComparer.Ordinal), TicketSearch.Sought(text));
}

/// <summary>Tickets stored before the scope and search columns existed are seen and found by their co-handling department once the host has started.</summary>
public sealed class ScopeColumnsTests(PostgresServer server) : IAsyncLifetime
{
    private DeskHost _host = null!;

    public ValueTask InitializeAsync()
    {
        _host = new DeskHost(server, PostgresServer.NewSchema("scope"));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_co_handling_department_finds_an_older_ticket_and_counts_it_after_the_columns_are_filled()
    {
        await _host.AddStaff("chenjing", "陈静", "industry", StaffRole.Staff);
        var ticket = await _host.File(Requests.Land("贴息和用地一起咨询", "old"));
        var redispatched = await _host.Desk.Run(new RedispatchTicket(ticket.Id, People.Dispatcher, "finance", ["industry"], "金融局牵头，工信局协办"), TestContext.Current.CancellationToken);
        Assert.True(redispatched.IsAccepted, redispatched.Rejection?.Message);
        var clerk = await _host.SignIn("chenjing");

        async Task<(long Total, long Counted)> Seen()
        {
            var page = await clerk.Json(await clerk.Get("/api/desk/tickets?queue=all&q=" + Uri.EscapeDataString("贴息")));
            var counts = await clerk.Json(await clerk.Get("/api/desk/queues"));
            return (page.GetProperty("total").GetInt64(), counts.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "all").GetProperty("count").GetInt64());
        }

        Assert.Equal((1, 1), await Seen());
        await using (var session = _host.Store.LightweightSession())
        {
            session.QueueSqlCommand($"update {_host.Store.Options.DatabaseSchemaName}.mt_doc_ticket set co_handling_department_ids = null, awaiting_decision = null, search_grams = null");
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal((0, 0), await Seen());
        await Assistant.Dialogs.Desk.DeskStore.FillScopeColumns(_host.Store, TestContext.Current.CancellationToken);
        Assert.Equal((1, 1), await Seen());
    }
}
