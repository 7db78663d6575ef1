using Assistant.Bot.Channels.Teams;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Channels.Teams;

/// <summary>
/// The outbox does not wait for its poll (an hour here) when it has work: cards staged in a commit outside any chat
/// turn (a ticket filed from the web, a console step, the sweep) go out right after that commit, and a backlog larger
/// than one batch goes out in one go.
/// </summary>
public sealed class OutboxWakeTests(PostgresServer server) : TeamsContext(server)
{
    protected override string OutboxPollInterval => "01:00:00";

    [Fact]
    public async Task A_ticket_filed_outside_any_Teams_turn_reaches_the_clerks_chat_right_after_its_commit()
    {
        var clerk = await ClerkWithAChat();

        var ticket = await Factory.Services.GetRequiredService<TicketDesk>().Submit(Requests.Land(), Cancel);

        Assert.True(ticket.IsAccepted);
        await Fake.WaitFor(clerk, r => r.Any(x => x.Body.Contains(ticket.Ticket!.Number, StringComparison.Ordinal) && x.Status == 200), Cancel);
    }

    [Fact]
    public async Task A_backlog_of_more_than_one_batch_is_delivered_without_waiting_for_the_next_poll()
    {
        var clerk = await ClerkWithAChat();
        var teams = Factory.Services.GetRequiredService<ProactiveMessenger>();
        var reference = (await teams.Find(clerk, Cancel))!;
        await using (var session = Store.LightweightSession())
        {
            await teams.Stage(session, reference, [.. Enumerable.Range(1, 620).Select(i => new Activity { Type = ActivityTypes.Message, Text = $"第{i}条提醒" })], Cancel);
            await session.SaveChangesAsync(Cancel);
        }

        teams.Wake();

        var received = await Fake.WaitFor(clerk, r => r.Count(x => x.Body.Contains("条提醒", StringComparison.Ordinal)) >= 620, Cancel);
        var order = received.Where(x => x.Body.Contains("条提醒", StringComparison.Ordinal)).Select(x => x.Json.GetProperty("text").GetString()).ToList();
        Assert.Equal(Enumerable.Range(1, 620).Select(i => $"第{i}条提醒"), order);
    }

    private async Task<string> ClerkWithAChat()
    {
        const string Aad = "8d4f3a5b-0e6c-4f1a-8b43-5e6f708192a3";
        await using (var session = Store.LightweightSession())
        {
            session.Store(new StaffMember("wangfang", "王芳", "natural-resources", [StaffRole.Staff], TeamsUserId: Aad, Login: "wangfang"));
            await session.SaveChangesAsync(Cancel);
        }

        var clerk = NewConversation();
        var hello = Message(clerk, "你好") with { From = new ChannelAccount { Id = "29:1staff-8d4f3a5b", Name = "王芳", AadObjectId = Aad } };
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Post(hello)).StatusCode);
        await Fake.WaitFor(clerk, r => r.Any(x => x.Status == 200), Cancel);
        return clerk;
    }
}
