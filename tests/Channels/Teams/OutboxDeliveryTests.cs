using System.Net;
using Assistant.Bot.Channels.Teams;
using Assistant.Dialogs.Activities;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Channels.Teams;

/// <summary>Replies and proactive messages leave through the outbox: retried when Teams throttles or is down, sent once.</summary>
public sealed class OutboxDeliveryTests(PostgresServer server) : TeamsContext(server)
{
    private OutboxDispatcher Dispatcher => Factory.Services.GetRequiredService<OutboxDispatcher>();

    [Fact]
    public async Task A_reply_throttled_then_failing_then_accepted_is_delivered_exactly_once()
    {
        var conversation = NewConversation();
        Fake.Answer(conversation, 429, 502);

        var response = await Post(Message(conversation, "帮助"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outbox = await WaitForOutbox(conversation, all => all.All(m => m.DeliveredAt is not null));
        var received = Fake.For(conversation);
        Assert.Equal([429, 502, 200], received.Take(3).Select(r => r.Status));
        Assert.Equal(3, outbox[0].Attempts);
        Assert.All(outbox.Skip(1), m => Assert.Equal(1, m.Attempts));
        Assert.All(outbox, m => Assert.StartsWith("teams-msg-", m.ChannelActivityId));

        await Dispatcher.DispatchDue(Cancel);
        Assert.Equal(outbox.Count, Fake.DeliveredTo(conversation).Count);
        Assert.Equal(outbox.Count, Fake.DeliveredTo(conversation).Select(r => r.Body).Distinct().Count());
    }

    [Fact]
    public async Task While_the_connector_is_down_the_replies_wait_in_the_outbox_in_order_and_are_delivered_once_when_it_is_back()
    {
        var conversation = NewConversation();
        Fake.SetDown(conversation, true);

        var response = await Post(Message(conversation, "帮助"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Fake.WaitFor(conversation, r => r.Count >= 6, Cancel);
        var waiting = await WaitForOutbox(conversation, all => all[0].Rounds >= 1 && all[0].ClaimedUntil is null);
        Assert.All(waiting, m => Assert.Null(m.DeliveredAt));
        Assert.Contains("502", waiting[0].LastError);
        Assert.All(waiting.Skip(1), m => Assert.Equal(0, m.Attempts));
        Assert.Empty(Fake.DeliveredTo(conversation));

        Fake.SetDown(conversation, false);

        var delivered = await WaitForOutbox(conversation, all => all.All(m => m.DeliveredAt is not null));
        Assert.True(delivered[0].Rounds >= 2);
        await Dispatcher.DispatchDue(Cancel);
        var sent = Fake.DeliveredTo(conversation);
        Assert.Equal(delivered.Count, sent.Count);
        Assert.Equal(delivered.Select(m => ActivityJson.Deserialize(m.Activity)!.Text), sent.Select(r => r.Json.TryGetProperty("text", out var t) ? t.GetString() : null));
    }

    [Fact]
    public async Task A_proactive_message_reaches_the_stored_conversation()
    {
        var conversation = NewConversation();
        await Post(Message(conversation, "帮助"));
        var replies = await WaitForOutbox(conversation, all => all.All(m => m.DeliveredAt is not null));
        var messenger = Factory.Services.GetRequiredService<ProactiveMessenger>();
        var reference = await messenger.Find(conversation, Cancel);
        Assert.NotNull(reference);

        await messenger.Send(reference, new Activity { Text = "您的诉求 YQ20261123001 已办结，请查看处理结果。" }, Cancel);

        var received = await Fake.WaitFor(conversation, r => r.Count(x => x.Status == 200) == replies.Count + 1, Cancel);
        var proactive = received[^1];
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(conversation)}/activities", proactive.RawTarget);
        Assert.Equal("您的诉求 YQ20261123001 已办结，请查看处理结果。", proactive.Json.GetProperty("text").GetString());
        Assert.Equal(TenantId, proactive.Json.GetProperty("conversation").GetProperty("tenantId").GetString());
        Assert.Equal(reference.UserId, proactive.Json.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal(reference.BotId, proactive.Json.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("Bearer " + FixedConnectorToken.Value, proactive.Authorization);
    }

    [Fact]
    public async Task A_message_the_connector_refuses_for_good_is_not_retried_and_the_next_one_still_goes()
    {
        var conversation = NewConversation();
        Fake.Answer(conversation, 403);

        await Post(Message(conversation, "帮助"));

        var outbox = await WaitForOutbox(conversation, all => !all.Any(m => m.IsPending));
        Assert.NotNull(outbox[0].FailedAt);
        Assert.Contains("403", outbox[0].LastError);
        Assert.All(outbox.Skip(1), m => Assert.NotNull(m.DeliveredAt));
        await Dispatcher.DispatchDue(Cancel);
        Assert.Equal(outbox.Count, Fake.For(conversation).Count);
    }

    [Fact]
    public async Task Replies_of_a_new_turn_do_not_overtake_replies_still_waiting_for_a_retry()
    {
        var conversation = NewConversation();
        Fake.Answer(conversation, 502, 502, 502, 502, 502);
        await Post(Message(conversation, "帮助"));
        await WaitForOutbox(conversation, all => all[0].Rounds >= 1);

        // Teams answers again, but the first turn's replies are waiting for their retry when the next turn comes.
        await Post(Message(conversation, "我的诉求"));

        var delivered = await WaitForOutbox(conversation, all => all.Count > 1 && all.All(m => m.DeliveredAt is not null));
        var sent = Fake.DeliveredTo(conversation);
        Assert.Equal(delivered.Select(m => ActivityJson.Deserialize(m.Activity)!.Text), sent.Select(r => r.Json.TryGetProperty("text", out var t) ? t.GetString() : null));
    }

    [Fact]
    public async Task Two_hosts_sharing_the_outbox_deliver_every_reply_once_and_in_order()
    {
        await using var second = NewHost();
        using (var client = second.CreateClient())
        {
            await client.GetAsync("/health/ready", Cancel);
        }

        var conversations = Enumerable.Range(0, 6).Select(_ => NewConversation()).ToList();
        conversations.ForEach(c => Fake.SetDown(c, true));
        // Half the turns arrive at each host; the replies wait while Teams is down.
        foreach (var (conversation, i) in conversations.Select((c, i) => (c, i)))
        {
            var message = ActivityJson.Serialize(Message(conversation, "帮助"));
            using var client = (i % 2 == 0 ? Factory : second).CreateClient();
            using var content = new StringContent(message, System.Text.Encoding.UTF8, "application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Fake.Token());
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request, Cancel)).StatusCode);
        }

        foreach (var conversation in conversations)
        {
            await WaitForOutbox(conversation, all => all[0].Rounds >= 1);
        }

        // Teams comes back: both hosts' dispatchers compete for the same messages.
        conversations.ForEach(c => Fake.SetDown(c, false));
        var secondDispatcher = second.Services.GetRequiredService<OutboxDispatcher>();
        foreach (var conversation in conversations)
        {
            var delivered = await WaitForOutbox(conversation, all => all.All(m => m.DeliveredAt is not null));
            await Task.WhenAll(Dispatcher.DispatchDue(Cancel), secondDispatcher.DispatchDue(Cancel));
            var sent = Fake.DeliveredTo(conversation);
            Assert.Equal(delivered.Count, sent.Count);
            Assert.Equal(delivered.Select(m => ActivityJson.Deserialize(m.Activity)!.Text), sent.Select(r => r.Json.TryGetProperty("text", out var t) ? t.GetString() : null));
        }
    }

    [Fact]
    public async Task A_host_stopped_right_after_sending_records_what_it_delivered_so_the_next_host_sends_none_of_it_again()
    {
        var second = NewHost();
        using (var client = second.CreateClient())
        {
            await client.GetAsync("/health/ready", Cancel);
        }

        var conversations = Enumerable.Range(0, 8).Select(_ => NewConversation()).ToList();
        foreach (var conversation in conversations)
        {
            using var client = second.CreateClient();
            using var content = new StringContent(ActivityJson.Serialize(Message(conversation, "帮助")), System.Text.Encoding.UTF8, "application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Fake.Token());
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request, Cancel)).StatusCode);
        }

        foreach (var conversation in conversations)
        {
            await Fake.WaitFor(conversation, r => r.Any(x => x.Status == 200), Cancel);
        }

        // Stopped the moment Teams has the replies: what it delivered is written down before it hands anything back.
        await second.DisposeAsync();
        await Dispatcher.DispatchDue(Cancel);

        foreach (var conversation in conversations)
        {
            var outbox = await Outbox(conversation);
            Assert.All(outbox, m => Assert.NotNull(m.DeliveredAt));
            Assert.Equal(outbox.Count, Fake.DeliveredTo(conversation).Count);
        }
    }

    private async Task<IReadOnlyList<OutboxMessage>> WaitForOutbox(string conversation, Func<IReadOnlyList<OutboxMessage>, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var messages = await Outbox(conversation);
            if (messages.Count > 0 && condition(messages))
            {
                return messages;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The outbox of {conversation} never reached the expected state.");
            await Task.Delay(20, Cancel);
        }
    }
}
