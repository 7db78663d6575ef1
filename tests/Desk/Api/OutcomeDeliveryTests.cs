using Assistant.Bot.SignIn;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Channels.Teams;
using Assistant.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Desk.Api;

/// <summary>
/// What a department does reaches the enterprise in Teams even when the host stops between the step and the
/// delivery: the messages were committed with the step, and the next host sends them, once each and in order.
/// </summary>
public sealed class OutcomeDeliveryTests(PostgresServer server) : TeamsContext(server)
{
    [Fact]
    public async Task The_outcome_committed_with_the_resolution_is_delivered_once_and_in_order_by_the_next_host_after_a_restart()
    {
        var conversation = NewConversation();
        await Post(Message(conversation, "帮助"));
        var help = await AllDelivered(conversation);
        var reference = (await Reference(conversation))!.ToReference();
        var desk = Factory.Services.GetRequiredService<TicketDesk>();
        var filed = await desk.Submit(Requests.Land() with { Channel = "msteams", Conversation = reference, SubmittedBy = "msteams:" + reference.UserId }, Cancel);
        await using (var session = Store.LightweightSession())
        {
            session.Store(new StaffMember("wangfang", "王芳", "natural-resources", [StaffRole.Staff], Login: "wangfang"));
            session.Store(new StaffCredential { Id = "wangfang", PasswordHash = Passwords.Hash(DeskHost.Password) });
            await session.SaveChangesAsync(Cancel);
        }

        Fake.SetDown(conversation, true);
        var clerk = new DeskClient(Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true }));
        await clerk.Refresh();
        clerk.UseToken((await clerk.Json(await clerk.Post("/api/desk/session", new { login = "wangfang", password = DeskHost.Password }))).GetProperty("antiforgeryToken").GetString()!);
        await clerk.Json(await clerk.Post($"/api/desk/tickets/{filed.Ticket!.Id}/sign-for", null));
        await clerk.Json(await clerk.Post($"/api/desk/tickets/{filed.Ticket.Id}/resolve", new { outcome = "已在新材料产业园为贵企业预留二十亩工业用地，下周一现场踏勘。" }));
        var queued = (await Outbox(conversation)).Where(m => m.DeliveredAt is null).ToList();
        Assert.Equal(2, queued.Count);
        await Factory.DisposeAsync(); // the host stops before it could deliver them

        Fake.SetDown(conversation, false);
        await using var next = NewHost();
        using (next.CreateClient())
        {
            var sent = await Fake.WaitFor(conversation, r => r.Count(x => x.Status is >= 200 and < 300) >= help + 2, Cancel);
            var delivered = sent.Where(x => x.Status is >= 200 and < 300).Skip(help).ToList();
            Assert.Equal(2, delivered.Count);
            Assert.StartsWith($"您的诉求 {filed.Ticket.Number} 已由自然资源和规划局签收", delivered[0].Json.GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Contains("已在新材料产业园为贵企业预留二十亩工业用地", delivered[1].Json.GetProperty("attachments")[0].GetProperty("content").GetRawText(), StringComparison.Ordinal);
            Assert.Equal(Cards.AdaptiveContentType, delivered[1].Json.GetProperty("attachments")[0].GetProperty("contentType").GetString());
        }

        await using var read = next.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        Assert.NotNull((await read.LoadAsync<Ticket>(filed.Ticket.Id, Cancel))!.OutcomeDeliveredAt);
        Assert.Equal(help + 2, Fake.DeliveredTo(conversation).Count);
    }

    /// <summary>Waits until every message queued for the conversation has been delivered; how many were.</summary>
    private async Task<int> AllDelivered(string conversation)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while ((await Outbox(conversation)) is var queued && (queued.Count == 0 || queued.Any(m => m.DeliveredAt is null)))
        {
            Assert.True(DateTime.UtcNow < until, "The help reply was not delivered.");
            await Task.Delay(50, Cancel);
        }

        return Fake.DeliveredTo(conversation).Count;
    }
}
