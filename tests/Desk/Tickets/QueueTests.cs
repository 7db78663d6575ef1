using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Infrastructure;
using Marten;

namespace Assistant.Tests.Desk.Tickets;

/// <summary>The queues read the inline ticket view through its indexed columns.</summary>
public sealed class QueueTests(PostgresServer server) : DeskContext(server)
{
    [Fact]
    public async Task A_department_sees_its_own_open_tickets_most_urgent_first()
    {
        var earlier = await Submitted();
        Clock.Advance(TimeSpan.FromDays(1));
        var later = await Submitted();
        await Submitted(Requests.Of("financing", "银行抽贷五百万，急需转贷资金"));
        var closed = await Submitted();
        await Desk.Run(new WithdrawTicket(closed.Id, People.Enterprise, null), Cancel);

        await using var session = Store.QuerySession();
        var queue = await DepartmentQueue.Open(session, "natural-resources", Cancel);

        Assert.Equal([earlier.Id, later.Id], queue.Select(t => t.Id));
    }

    [Fact]
    public async Task The_dispatcher_sees_returned_tickets_and_a_leader_sees_what_is_overdue()
    {
        var returned = await Submitted();
        await Desk.Run(new ReturnTicket(returned.Id, People.LandHead, "属于贷款贴息，应由金融局办理"), Cancel);
        var late = await Submitted();

        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        await using var session = Store.QuerySession();

        Assert.Equal([returned.Id], (await DepartmentQueue.ForDispatch(session, Cancel)).Select(t => t.Id));
        Assert.Equal([late.Id], (await DepartmentQueue.Open(session, "natural-resources", Cancel)).Select(t => t.Id));
        Assert.Equal([late.Id], (await DepartmentQueue.Overdue(session, Desk.Now(), Cancel)).Select(t => t.Id));
    }

    [Fact]
    public async Task My_requests_lists_only_what_this_chat_user_submitted()
    {
        var mine = await Submitted();
        await Submitted(Requests.Land() with { SubmittedBy = People.OtherEnterprise.Id });

        await using var session = Store.QuerySession();
        var list = await LookUpTicket.SubmittedBy(session, People.Enterprise.Id, 10, Cancel);

        Assert.Equal([mine.Id], list.Select(t => t.Id));
    }

    [Fact]
    public async Task The_view_has_indexed_columns_for_the_queues()
    {
        await using var session = Store.QuerySession();
        var columns = await session.AdvancedSql.QueryAsync<string>(
            "select column_name from information_schema.columns where table_schema = ? and table_name = 'mt_doc_ticket'", Cancel, Schema);

        Assert.Superset(
            new HashSet<string> { "status", "lead_department_id", "assignee_id", "submitted_by", "sign_for_due", "resolve_due" },
            columns.ToHashSet());
    }
}
