using System.Net;
using System.Text.Json;
using Assistant.Bot.Channels.Teams;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Dialogs.Turns;
using Assistant.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Channels.Teams;

/// <summary>
/// Department staff whose Teams identity is linked to their staff record work from their personal chat: the tickets
/// waiting, 签收 and 办结 typed or pressed on a ticket's card, the card replaced in place, and the enterprise told in
/// its own chat. Everyone else in Teams is an enterprise user.
/// </summary>
public sealed class StaffInTeamsTests(PostgresServer server) : TeamsContext(server)
{
    private const string WangFangAad = "5a1f0c2e-7d3b-4c8e-9f10-2b3c4d5e6f70";
    private const string LiQiangAad = "6b2e1d3f-8e4c-4d9f-8a21-3c4d5e6f7081";

    [Fact]
    public async Task A_linked_clerk_sees_the_waiting_ticket_signs_for_it_by_typing_and_the_enterprise_is_told()
    {
        await Link("wangfang", "王芳", WangFangAad);
        var (enterprise, ticket) = await FiledFromTeams();
        var clerk = NewConversation();

        await Say(clerk, WangFangAad, "待签收");
        var card = (await Fake.WaitFor(clerk, r => r.Any(x => x.Body.Contains(ticket.Number, StringComparison.Ordinal)), Cancel))
            .Last(x => x.Body.Contains(ticket.Number, StringComparison.Ordinal));
        Assert.Contains("\"verb\":\"staff-sign-for\"", card.Body, StringComparison.Ordinal);
        Assert.Contains("签收时限", card.Body, StringComparison.Ordinal);

        await Say(clerk, WangFangAad, $"签收 {ticket.Number}");

        Assert.Equal(TicketStatus.SignedFor, (await Load(ticket.Id)).Status);
        Assert.Equal("王芳", (await Load(ticket.Id)).AssigneeName);
        await Fake.WaitFor(enterprise, r => r.Any(x => x.Body.Contains($"您的诉求 {ticket.Number} 已由自然资源和规划局签收", StringComparison.Ordinal)), Cancel);
    }

    [Fact]
    public async Task Resolving_from_the_card_replaces_the_card_and_the_outcome_with_the_rating_question_reaches_the_enterprise()
    {
        await Link("wangfang", "王芳", WangFangAad);
        var (enterprise, ticket) = await FiledFromTeams();
        var clerk = NewConversation();
        await Say(clerk, WangFangAad, $"签收 {ticket.Number}");

        var response = await Post(Pressed(clerk, WangFangAad, "staff-resolve", ticket.Number, "card-17", ("outcome", "已协调园区管委会，在新材料产业园为贵企业预留二十亩工业用地，下周一现场踏勘。")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer.GetProperty("type").GetString());
        Assert.Contains("已由 王芳 办结，办理结果已发送给企业", answer.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        var updated = await Fake.WaitFor(clerk, r => r.Any(x => x.Method == "PUT"), Cancel);
        var put = updated.Single(x => x.Method == "PUT");
        Assert.EndsWith("/activities/card-17", put.RawTarget, StringComparison.Ordinal);
        Assert.Contains("已由 王芳 办结，办理结果已发送给企业", put.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("staff-resolve", put.Body, StringComparison.Ordinal);
        var told = await Fake.WaitFor(enterprise, r => r.Any(x => x.Body.Contains("已办结", StringComparison.Ordinal)), Cancel);
        Assert.Contains(told, x => x.Body.Contains("满意", StringComparison.Ordinal) && x.Body.Contains("二十亩工业用地", StringComparison.Ordinal));
        Assert.Equal(TicketStatus.Resolved, (await Load(ticket.Id)).Status);
    }

    [Fact]
    public async Task The_signed_for_card_contacts_the_enterprise_asks_for_material_and_applies_for_more_time()
    {
        await Link("wangfang", "王芳", WangFangAad);
        var (enterprise, ticket) = await FiledFromTeams();
        var clerk = NewConversation();
        await Say(clerk, WangFangAad, $"签收 {ticket.Number}");
        var seen = await Fake.WaitFor(clerk, r => r.Any(x => x.Body.Contains("已由 王芳 于", StringComparison.Ordinal)), Cancel);
        var signed = seen[^1];
        Assert.Contains("staff-contact", signed.Body, StringComparison.Ordinal);
        Assert.Contains("staff-request-information", signed.Body, StringComparison.Ordinal);
        Assert.Contains("staff-extension", signed.Body, StringComparison.Ordinal);

        await Post(Pressed(clerk, WangFangAad, "staff-contact", ticket.Number, "card-5", ("note", "已电话联系刘经理，约定周三现场查看")));
        await Post(Pressed(clerk, WangFangAad, "staff-request-information", ticket.Number, "card-5", ("request", "请补充现有厂房的不动产证复印件")));
        var extension = Pressed(clerk, WangFangAad, "staff-extension", ticket.Number, "card-5", ("reason", "需要协调园区和规划两个部门"));
        await Post(extension with { Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb = "staff-extension", data = new { ticket = ticket.Number, days = 3, reason = "需要协调园区和规划两个部门" } } }) });

        var now = await Load(ticket.Id);
        Assert.NotNull(now.FirstContactAt);
        Assert.Equal(TicketStatus.AwaitingInformation, now.Status);
        Assert.Equal(3, now.PendingExtension?.Days);
        await Fake.WaitFor(enterprise, r => r.Any(x => x.Body.Contains("请补充现有厂房的不动产证复印件", StringComparison.Ordinal)), Cancel);
        var updates = await Fake.WaitFor(clerk, r => r.Count(x => x.Method == "PUT") >= 3, Cancel);
        Assert.Contains(updates, x => x.Method == "PUT" && x.Body.Contains("已申请延期 3 个工作日，待审批", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_clerks_pressing_sign_for_at_once_have_one_winner_and_both_cards_show_who()
    {
        await Link("wangfang", "王芳", WangFangAad);
        await Link("liqiang", "李强", LiQiangAad);
        var (_, ticket) = await FiledFromTeams();
        var (first, second) = (NewConversation(), NewConversation());

        var responses = await Task.WhenAll(
            Post(Pressed(first, WangFangAad, "staff-sign-for", ticket.Number, "card-1")),
            Post(Pressed(second, LiQiangAad, "staff-sign-for", ticket.Number, "card-2")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var winner = (await Load(ticket.Id)).AssigneeName;
        Assert.Contains(winner, new[] { "王芳", "李强" });
        await using (var session = Store.QuerySession())
        {
            var events = await session.Events.FetchStreamAsync(ticket.Id, token: Cancel);
            Assert.Single(events, e => e.Data is TicketSignedFor);
        }

        foreach (var conversation in new[] { first, second })
        {
            var put = (await Fake.WaitFor(conversation, r => r.Any(x => x.Method == "PUT"), Cancel)).Single(x => x.Method == "PUT");
            Assert.Contains($"（{winner}）", put.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("staff-sign-for", put.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_Teams_user_who_is_not_linked_gets_the_enterprise_experience_and_typed_staff_commands_do_nothing()
    {
        await Link("wangfang", "王芳", WangFangAad);
        var (_, ticket) = await FiledFromTeams();
        var stranger = NewConversation();

        await Say(stranger, "9d8c7b6a-0000-4000-8000-000000000001", $"签收 {ticket.Number}");

        Assert.Equal(TicketStatus.Routed, (await Load(ticket.Id)).Status);
        var replies = await Fake.WaitFor(stranger, r => r.Any(x => x.Status == 200), Cancel);
        Assert.DoesNotContain(replies, x => x.Body.Contains("已由", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_clerk_asking_for_help_or_for_a_ticket_of_another_department_is_answered_politely()
    {
        await Link("wangfang", "王芳", WangFangAad);
        var clerk = NewConversation();

        await Say(clerk, WangFangAad, "你好");
        var help = await Fake.WaitFor(clerk, r => r.Any(x => x.Status == 200), Cancel);
        Assert.Contains("我的待办", help[0].Json.GetProperty("text").GetString(), StringComparison.Ordinal);

        var financing = await File(Requests.Of("financing", "银行抽贷五百万，急需转贷资金"), NewConversation());
        await Say(clerk, WangFangAad, $"签收 {financing.Number}");
        await Fake.WaitFor(clerk, r => r.Any(x => x.Body.Contains($"没有找到您可以办理的诉求 {financing.Number}", StringComparison.Ordinal)), Cancel);
        Assert.Equal(TicketStatus.Routed, (await Load(financing.Id)).Status);
    }

    [Fact]
    public async Task A_new_ticket_reaches_the_departments_linked_staff_as_a_card_and_nobody_else()
    {
        await Link("wangfang", "王芳", WangFangAad);
        await Link("chenjing", "陈静", LiQiangAad, "finance");
        var (clerk, other) = (NewConversation(), NewConversation());
        await Say(clerk, WangFangAad, "你好");
        await Say(other, LiQiangAad, "你好");

        var (_, ticket) = await FiledFromTeams();

        var card = (await Fake.WaitFor(clerk, r => r.Any(x => x.Body.Contains("新诉求，请及时签收", StringComparison.Ordinal)), Cancel))
            .Single(x => x.Body.Contains("新诉求，请及时签收", StringComparison.Ordinal));
        Assert.Contains(ticket.Number, card.Body, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"staff-sign-for\"", card.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Fake.For(other), x => x.Body.Contains(ticket.Number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_one_clerk_signs_for_the_new_ticket_the_card_in_the_other_clerks_chat_shows_who()
    {
        await Link("wangfang", "王芳", WangFangAad);
        await Link("liqiang", "李强", LiQiangAad);
        var (first, second) = (NewConversation(), NewConversation());
        await Say(first, WangFangAad, "你好");
        await Say(second, LiQiangAad, "你好");
        var (_, ticket) = await FiledFromTeams();
        await Fake.WaitFor(second, r => r.Any(x => x.Body.Contains("新诉求，请及时签收", StringComparison.Ordinal) && x.Status == 200), Cancel);
        await Recorded(second);

        await Say(first, WangFangAad, $"签收 {ticket.Number}");

        var put = (await Fake.WaitFor(second, r => r.Any(x => x.Method == "PUT"), Cancel)).Single(x => x.Method == "PUT");
        Assert.Contains("已由 王芳 于", put.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("staff-sign-for", put.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_red_card_reaches_the_assignee_and_the_head_of_the_department()
    {
        await Link("wangfang", "王芳", WangFangAad);
        await Link("zhaolei", "赵磊", LiQiangAad, roles: StaffRole.DepartmentHead);
        var (clerk, head) = (NewConversation(), NewConversation());
        await Say(clerk, WangFangAad, "你好");
        await Say(head, LiQiangAad, "你好");
        var (_, ticket) = await FiledFromTeams();
        await Say(clerk, WangFangAad, $"签收 {ticket.Number}");

        var desk = Factory.Services.GetRequiredService<TicketDesk>();
        var overdue = desk.Rules.Calendar.AddWorkingMinutes((await Load(ticket.Id)).ResolveDue!.Value, 10);
        await using (var session = Store.LightweightSession())
        {
            // The sweep decides with its clock; here the decision is taken at an instant after the deadline.
            var stream = await session.Events.FetchForWriting<Ticket>(ticket.Id, Cancel);
            var cards = WarnTicket.DueWarnings(stream.Aggregate!, desk.Rules, overdue).Where(w => w.Stage == DeadlineStage.Resolve).ToList();
            stream.AppendMany(cards);
            var warned = stream.Aggregate!;
            foreach (var c in cards)
            {
                warned.Fold(c);
            }

            await desk.Observe(session, new DeskResult(warned, cards, null), Cancel);
            await session.SaveChangesAsync(Cancel);
        }

        foreach (var conversation in new[] { clerk, head })
        {
            await Fake.WaitFor(conversation, r => r.Any(x => x.Body.Contains("红牌：已超过办结时限", StringComparison.Ordinal) && x.Body.Contains(ticket.Number, StringComparison.Ordinal)), Cancel);
        }
    }

    [Fact]
    public async Task At_night_the_card_waits_for_office_hours_and_does_not_hold_back_the_clerks_own_answers()
    {
        await Link("wangfang", "王芳", WangFangAad);
        var clerk = NewConversation();
        await Say(clerk, WangFangAad, "你好");
        var services = Factory.Services;
        // The coming Friday at 22:00 Beijing time (the outbox compares with the host's own clock, so it lies ahead).
        var beijing = TimeSpan.FromHours(8);
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(beijing).DateTime);
        var friday = today.AddDays(((int)DayOfWeek.Friday - (int)today.DayOfWeek + 7) % 7 + 7);
        var friday22 = new DateTimeOffset(friday.ToDateTime(new TimeOnly(22, 0)), beijing);
        var calendar = services.GetRequiredService<Dialogs.Desk.DeskRulesSource>().Current.Calendar;
        var morning = friday.AddDays(1);
        while (!calendar.IsWorkingDay(morning))
        {
            morning = morning.AddDays(1);
        }

        var notices = new StaffNotices(
            services.GetRequiredService<ProactiveMessenger>(), services.GetRequiredService<Dialogs.Desk.DeskRulesSource>(),
            services.GetRequiredService<Dialogs.Conversations.Staff.IStaffChannel>(),
            Microsoft.Extensions.Options.Options.Create(new TeamsOptions { Enabled = true, AppId = FakeBotService.AppId, StaffQuietHours = true }),
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(friday22), Microsoft.Extensions.Logging.Abstractions.NullLogger<StaffNotices>.Instance);
        var (_, ticket) = await FiledFromTeams();
        await using (var session = Store.LightweightSession())
        {
            var events = (await session.Events.FetchStreamAsync(ticket.Id, token: Cancel)).Select(e => e.Data).ToList();
            await notices.Staged(session, new DeskResult(ticket, events, null), Cancel);
            await session.SaveChangesAsync(Cancel);
        }

        var held = (await Outbox(clerk)).Where(m => m.Scheduled).ToList();
        Assert.Single(held);
        Assert.Equal(new DateTimeOffset(morning.ToDateTime(new TimeOnly(9, 0)), beijing), held[0].NextAttemptAt);

        await Say(clerk, WangFangAad, "帮助");
        await Fake.WaitFor(clerk, r => r.Count(x => x.Body.Contains("我的待办", StringComparison.Ordinal)) >= 2, Cancel);
    }

    [Fact]
    public async Task Someone_not_yet_linked_asks_to_be_linked_and_waits_for_an_administrator()
    {
        var chat = NewConversation();

        await Say(chat, WangFangAad, "绑定 WangFang");

        var reply = await Fake.WaitFor(chat, r => r.Any(x => x.Status == 200), Cancel);
        Assert.StartsWith("已收到您的绑定申请（工作台账号 wangfang）。系统管理员在工作台“人员管理”中确认后", reply[0].Json.GetProperty("text").GetString(), StringComparison.Ordinal);
        await using var session = Store.QuerySession();
        var request = await session.LoadAsync<TeamsLinkRequest>(WangFangAad, Cancel);
        Assert.Equal(("wangfang", TenantId), (request!.Login, request.TenantId));
    }

    [Fact]
    public async Task A_clerk_who_never_wrote_to_the_assistant_gets_the_new_ticket_in_a_chat_it_opens_and_the_card_there_follows_the_ticket()
    {
        await Link("wangfang", "王芳", WangFangAad);
        await Link("liqiang", "李强", LiQiangAad);
        var colleague = NewConversation();
        await Say(colleague, LiQiangAad, "你好");

        var (_, ticket) = await FiledFromTeams();

        var opened = FakeBotService.OpenedFor(WangFangAad);
        var open = (await Fake.WaitFor(opened, r => r.Any(x => x.Status == 200), Cancel)).Single();
        var parameters = open.Json;
        Assert.Equal("POST /v3/conversations", $"{open.Method} {open.RawTarget}");
        Assert.False(parameters.GetProperty("isGroup").GetBoolean());
        Assert.Equal(WangFangAad, parameters.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal(TenantId, parameters.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal("28:" + FakeBotService.AppId, parameters.GetProperty("bot").GetProperty("id").GetString());
        var first = parameters.GetProperty("activity").GetRawText();
        Assert.Contains("新诉求，请及时签收", first, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"staff-sign-for\"", first, StringComparison.Ordinal);

        await Recorded(opened);
        await Say(colleague, LiQiangAad, $"签收 {ticket.Number}");

        var put = (await Fake.WaitFor(opened, r => r.Any(x => x.Method == "PUT"), Cancel)).Single(x => x.Method == "PUT");
        Assert.Contains("已由 李强 于", put.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("staff-sign-for", put.Body, StringComparison.Ordinal);
        await using var session = Store.QuerySession();
        var chat = await session.LoadAsync<TeamsConversation>(opened, Cancel);
        Assert.Equal((WangFangAad, "personal"), (chat!.UserAadObjectId, chat.ConversationType));
    }

    [Fact]
    public async Task A_department_with_a_Teams_channel_gets_its_new_ticket_as_one_post_there_that_a_clerk_signs_for()
    {
        const string Channel = "19:9f3c2b1a0d4e4b7c@thread.tacv2";
        await Link("wangfang", "王芳", WangFangAad);
        var personal = NewConversation();
        await Say(personal, WangFangAad, "你好");
        await using (var session = Store.LightweightSession())
        {
            var rules = Factory.Services.GetRequiredService<Dialogs.Desk.DeskRulesSource>();
            session.Store(rules.Current.FindDepartment("natural-resources")! with { TeamsChannelId = Channel });
            await session.SaveChangesAsync(Cancel);
            await rules.Reload(Store, Cancel);
        }

        var (_, ticket) = await FiledFromTeams();

        var post = (await Fake.WaitFor(Channel, r => r.Any(x => x.Status == 200), Cancel)).Single();
        Assert.True(post.Json.GetProperty("isGroup").GetBoolean());
        Assert.Equal(Channel, post.Json.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString());
        Assert.Contains(ticket.Number, post.Json.GetProperty("activity").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("\"userIds\":[\"29:1staff-5a1f0c2e\"]", post.Json.GetProperty("activity").GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Fake.For(personal), x => x.Body.Contains(ticket.Number, StringComparison.Ordinal));

        // The connector has the post; its delivery is recorded right after.
        OutboxMessage? sent = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (sent is null)
        {
            await using (var session = Store.QuerySession())
            {
                sent = await session.Query<OutboxMessage>().SingleOrDefaultAsync(m => m.Kind == OutboundKind.Open && m.DeliveredAt != null, Cancel);
            }

            Assert.True(sent is not null || DateTime.UtcNow < deadline, "The channel post's delivery was never recorded.");
            if (sent is null)
            {
                await Task.Delay(20, Cancel);
            }
        }

        var thread = sent.ConversationId;
        Assert.Equal($"{Channel};messageid={sent.ChannelActivityId}", thread);
        var pressed = Pressed(thread, WangFangAad, "staff-sign-for", ticket.Number, sent.ChannelActivityId!) with
        {
            Conversation = new ConversationAccount { Id = thread, ConversationType = "channel", IsGroup = true, TenantId = TenantId },
        };
        Assert.Equal(HttpStatusCode.OK, (await Post(pressed)).StatusCode);

        Assert.Equal(("王芳", TicketStatus.SignedFor), ((await Load(ticket.Id)).AssigneeName, (await Load(ticket.Id)).Status));
        var update = (await Fake.WaitFor(thread, r => r.Any(x => x.Method == "PUT"), Cancel)).Last(x => x.Method == "PUT");
        Assert.EndsWith("/activities/" + sent.ChannelActivityId, update.RawTarget, StringComparison.Ordinal);
        Assert.Contains("已由 王芳 于", update.Body, StringComparison.Ordinal);
        Assert.Contains("staff-resolve", update.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leaders_supervision_from_Teams_reaches_the_assignee_whose_answer_from_the_card_reaches_the_leader_and_the_timeline()
    {
        await Link("wangfang", "王芳", WangFangAad);
        await Link("zhoujun", "周军", LiQiangAad, "service-center", StaffRole.Leader);
        var (clerk, leader) = (NewConversation(), NewConversation());
        await Say(clerk, WangFangAad, "你好");
        await Say(leader, LiQiangAad, "你好");
        var help = (await Fake.WaitFor(leader, r => r.Any(x => x.Status == 200), Cancel))[0].Json.GetProperty("text").GetString();
        Assert.Contains("· 督办 诉求编号 督办意见", help, StringComparison.Ordinal);
        Assert.DoesNotContain("我的待办", help, StringComparison.Ordinal);
        var (_, ticket) = await FiledFromTeams();
        await Say(clerk, WangFangAad, $"签收 {ticket.Number}");

        await Say(leader, LiQiangAad, $"督办 {ticket.Number} 请本周内给企业明确答复");

        var supervised = (await Fake.WaitFor(clerk, r => r.Any(x => x.Body.Contains("督办（周军）：请本周内给企业明确答复", StringComparison.Ordinal)), Cancel))
            .Last(x => x.Body.Contains("督办（周军）", StringComparison.Ordinal));
        Assert.Contains("staff-answer-supervision", supervised.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("staff-supervise\"", supervised.Body, StringComparison.Ordinal);
        var leaders = await Fake.WaitFor(leader, r => r.Any(x => x.Body.Contains("已由 周军 督办", StringComparison.Ordinal)), Cancel);
        Assert.Contains("\"verb\":\"staff-supervise\"", leaders.Last(x => x.Body.Contains("已由 周军 督办", StringComparison.Ordinal)).Body, StringComparison.Ordinal);

        await Post(Pressed(clerk, WangFangAad, "staff-answer-supervision", ticket.Number, "card-9", ("answer", "已约企业周三现场办公，周五前办结")));

        var answer = (await Fake.WaitFor(leader, r => r.Any(x => x.Body.Contains("督办答复（王芳）：已约企业周三现场办公，周五前办结", StringComparison.Ordinal)), Cancel))
            .Last(x => x.Body.Contains("督办答复（王芳）", StringComparison.Ordinal));
        Assert.DoesNotContain("staff-resolve", answer.Body, StringComparison.Ordinal);
        var now = await Load(ticket.Id);
        Assert.False(now.SupervisionAwaitingAnswer);
        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(ticket.Id, token: Cancel);
        Assert.Equal("王芳", Assert.Single(events.Select(e => e.Data).OfType<SupervisionAnswered>()).By.Name);
        var put = (await Fake.WaitFor(clerk, r => r.Any(x => x.Method == "PUT" && x.RawTarget.EndsWith("/card-9", StringComparison.Ordinal)), Cancel)).Last(x => x.Method == "PUT");
        Assert.DoesNotContain("staff-answer-supervision", put.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_looked_at_again_is_refreshed_to_the_ticket_as_it_now_stands_for_that_reader()
    {
        await Link("wangfang", "王芳", WangFangAad);
        var clerk = NewConversation();
        await Say(clerk, WangFangAad, "你好");
        var (_, ticket) = await FiledFromTeams();
        var card = (await Fake.WaitFor(clerk, r => r.Any(x => x.Body.Contains("新诉求，请及时签收", StringComparison.Ordinal)), Cancel)).Where(x => x.Body.Contains("新诉求，请及时签收", StringComparison.Ordinal)).Last();
        Assert.Contains("\"refresh\"", card.Body, StringComparison.Ordinal);
        Assert.Contains("\"userIds\":[\"29:1staff-5a1f0c2e\"]", card.Body, StringComparison.Ordinal);
        // Signed for in the console, say, while the outbox's replacement has not yet reached this card.
        var desk = Factory.Services.GetRequiredService<TicketDesk>();
        Assert.True((await desk.Run(new SignForTicket(ticket.Id, new Actor("wangfang", "王芳", ActorRole.Staff, "natural-resources")), Cancel)).IsAccepted);
        var said = Fake.For(clerk).Count(x => x.Method == "POST");

        await Post(Pressed(clerk, WangFangAad, "staff-refresh", ticket.Number, "card-3"));

        var refreshed = (await Fake.WaitFor(clerk, r => r.Any(x => x.Method == "PUT" && x.RawTarget.EndsWith("/card-3", StringComparison.Ordinal)), Cancel))
            .Single(x => x.RawTarget.EndsWith("/card-3", StringComparison.Ordinal));
        Assert.Contains("staff-resolve", refreshed.Body, StringComparison.Ordinal);
        Assert.Contains("\"userIds\":[\"29:1staff-5a1f0c2e\"]", refreshed.Body, StringComparison.Ordinal);
        Assert.Equal(said, Fake.For(clerk).Count(x => x.Method == "POST"));
    }

    /// <summary>Waits until every message to the conversation the connector has is also recorded as delivered.</summary>
    private async Task Recorded(string conversation)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using (var session = Store.QuerySession())
            {
                var pending = await session.Query<OutboxMessage>().CountAsync(m => m.ConversationId == conversation && m.DeliveredAt == null && m.FailedAt == null, Cancel);
                var delivered = await session.Query<OutboxMessage>().CountAsync(m => m.ConversationId == conversation && m.DeliveredAt != null, Cancel);
                if (pending == 0 && delivered > 0)
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"The deliveries to {conversation} were never recorded.");
            await Task.Delay(20, Cancel);
        }
    }

    private async Task Link(string login, string name, string aad, string department = "natural-resources", params StaffRole[] roles)
    {
        await using var session = Store.LightweightSession();
        session.Store(new StaffMember(login, name, department, roles.Length > 0 ? roles : [StaffRole.Staff], TeamsUserId: aad, Login: login));
        await session.SaveChangesAsync(Cancel);
    }

    private async Task<(string Enterprise, Ticket Ticket)> FiledFromTeams()
    {
        var enterprise = NewConversation();
        return (enterprise, await File(Requests.Land(), enterprise));
    }

    /// <summary>A ticket filed from an enterprise's Teams chat, so that what it is told goes there.</summary>
    private async Task<Ticket> File(SubmitTicket request, string enterprise)
    {
        var desk = Factory.Services.GetRequiredService<TicketDesk>();
        var reference = new ConversationReference("msteams", Fake.ServiceUrl, enterprise, "29:1enterprise", "28:" + FakeBotService.AppId, "刘洋", "zh-CN", TenantId);
        var result = await desk.Submit(request with { Channel = "msteams", Conversation = reference, SubmittedBy = "msteams:29:1enterprise" }, Cancel);
        Assert.True(result.IsAccepted, result.Rejection?.Message);
        return result.Ticket!;
    }

    private async Task Say(string conversation, string aad, string text)
    {
        var response = await Post(As(Message(conversation, text), aad));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Activity As(Activity activity, string aad) => activity with
    {
        From = new ChannelAccount { Id = "29:1staff-" + aad[..8], Name = "staff", AadObjectId = aad },
    };

    private Activity Pressed(string conversation, string aad, string verb, string number, string cardId, params (string Name, string Value)[] inputs)
    {
        var data = new Dictionary<string, string> { ["ticket"] = number };
        foreach (var (name, value) in inputs)
        {
            data[name] = value;
        }

        return As(Message(conversation, ""), aad) with
        {
            Type = ActivityTypes.Invoke,
            Name = "adaptiveCard/action",
            Text = null,
            Entities = null,
            ReplyToId = cardId,
            Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb, data } }),
        };
    }

    private async Task<Ticket> Load(Guid id)
    {
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<Ticket>(id, Cancel))!;
    }
}
