using System.ComponentModel.DataAnnotations;
using System.Net;
using Assistant.Bot.Channels.Teams;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Channels.Teams;

/// <summary>
/// Who gets which staff card is the operator's to set (Teams:StaffNoticeTo): here 红牌 goes to the department's heads
/// only, not to the clerk handling the ticket, and new tickets to nobody; a recipient that does not exist stops the host
/// at start with its name.
/// </summary>
public sealed class StaffNoticeSettingsTests(PostgresServer server) : TeamsContext(server)
{
    private const string ClerkAad = "1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b";
    private const string HeadAad = "2f3e4d5c-6b7a-4899-8a1c-2d3e4f5a6b7c";

    protected override void Configure(IWebHostBuilder host)
    {
        host.UseSetting("Teams:StaffNoticeTo:Red:0", "Heads");
        host.UseSetting("Teams:StaffNoticeTo:NewTicket:0", "None");
    }

    [Fact]
    public async Task A_red_card_set_for_heads_only_reaches_the_head_and_not_the_clerk_and_new_tickets_reach_nobody()
    {
        var (clerk, head) = (NewConversation(), NewConversation());
        await Staff("wangfang", "王芳", ClerkAad, StaffRole.Staff, clerk);
        await Staff("zhaolei", "赵磊", HeadAad, StaffRole.DepartmentHead, head);
        var desk = Factory.Services.GetRequiredService<TicketDesk>();
        var ticket = (await desk.Submit(Requests.Land(), Cancel)).Ticket!;
        Assert.True((await desk.Run(new SignForTicket(ticket.Id, new Actor("wangfang", "王芳", ActorRole.Staff, "natural-resources")), Cancel)).IsAccepted);

        await using (var session = Store.LightweightSession())
        {
            var stream = await session.Events.FetchForWriting<Ticket>(ticket.Id, Cancel);
            var overdue = desk.Rules.Calendar.AddWorkingMinutes(stream.Aggregate!.ResolveDue!.Value, 10);
            var cards = WarnTicket.DueWarnings(stream.Aggregate, desk.Rules, overdue).Where(w => w.Level == WarningLevel.Red).ToList();
            stream.AppendMany(cards);
            var warned = stream.Aggregate;
            cards.ForEach(c => warned.Fold(c));
            await desk.Observe(session, new DeskResult(warned, cards, null), Cancel);
            await session.SaveChangesAsync(Cancel);
        }

        await Fake.WaitFor(head, r => r.Any(x => x.Body.Contains("红牌", StringComparison.Ordinal) && x.Status == 200), Cancel);
        await using var query = Store.QuerySession();
        var queued = await Marten.QueryableExtensions.ToListAsync(query.Query<OutboxMessage>(), Cancel);
        Assert.DoesNotContain(queued, m => m.ConversationId == clerk && m.Activity.Contains("红牌", StringComparison.Ordinal));
        Assert.DoesNotContain(queued, m => m.Activity.Contains("新诉求，请及时签收", StringComparison.Ordinal));
    }

    [Fact]
    public void A_recipient_or_notice_that_does_not_exist_is_named_when_the_host_starts()
    {
        var options = new TeamsOptions { StaffNoticeTo = { ["Red"] = ["Heads", "Boss"], ["Purple"] = ["Heads"] } };

        var problems = options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage).ToList();

        Assert.Contains(problems, p => p!.StartsWith("Teams:StaffNoticeTo:Red names 'Boss'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p!.StartsWith("Teams:StaffNoticeTo:Purple is not a notice", StringComparison.Ordinal));
    }

    private async Task Staff(string login, string name, string aad, StaffRole role, string conversation)
    {
        await using (var session = Store.LightweightSession())
        {
            session.Store(new StaffMember(login, name, "natural-resources", [role], TeamsUserId: aad, Login: login));
            await session.SaveChangesAsync(Cancel);
        }

        var hello = Message(conversation, "你好") with { From = new ChannelAccount { Id = "29:1staff-" + aad[..8], Name = name, AadObjectId = aad } };
        Assert.Equal(HttpStatusCode.OK, (await Post(hello)).StatusCode);
        await Fake.WaitFor(conversation, r => r.Any(x => x.Status == 200), Cancel);
    }
}
