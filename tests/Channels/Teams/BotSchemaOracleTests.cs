using System.Net;
using System.Text;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Sdk = Microsoft.Bot.Schema;

namespace Assistant.Tests.Channels.Teams;

/// <summary>
/// The Bot Framework SDK's own schema (Microsoft.Bot.Schema 4.23.1) as the judge of our protocol: every activity and
/// invoke response the host sends reads into the SDK's types and back without losing a field, and activities built
/// with the SDK's factories are taken by the host as Teams would send them.
/// </summary>
public sealed class BotSchemaOracleTests(PostgresServer server) : TeamsContext(server)
{
    private const string ClerkAad = "7c3f2e4a-9f5d-4eaf-9b32-4d5e6f708192";

    private static readonly JsonSerializerSettings SdkSettings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.DateTimeOffset,
    };

    [Fact]
    public async Task Every_activity_the_host_sends_reads_into_the_SDKs_Activity_and_back_without_losing_a_field()
    {
        await using (var session = Store.LightweightSession())
        {
            session.Store(new StaffMember("wangfang", "王芳", "natural-resources", [StaffRole.Staff], TeamsUserId: ClerkAad, Login: "wangfang"));
            await session.SaveChangesAsync(Cancel);
        }

        // An enterprise files in its Teams chat (text replies and the summary card); a clerk gets the new-ticket card,
        // signs for it from the card (an update) and resolves it (the outcome and rating card to the enterprise).
        var enterprise = NewConversation();
        var clerk = NewConversation();
        await Send(clerk, Message(clerk, "你好"), ClerkAad);
        foreach (var line in new[] { "想在园区再找二十亩工业用地建新厂房", "常州宏晟纺织有限公司，刘先生，13806152947", "跳过", "跳过", "确认提交" })
        {
            await Send(enterprise, Message(enterprise, line), null);
        }

        await using (var session = Store.QuerySession())
        {
            var ticket = await Marten.QueryableExtensions.SingleAsync(session.Query<Ticket>(), Cancel);
            await Fake.WaitFor(clerk, r => r.Any(x => x.Body.Contains(ticket.Number, StringComparison.Ordinal)), Cancel);
            var pressed = await Invoke(clerk, ClerkAad, "staff-sign-for", ticket.Number, "card-1");
            // Universal Actions: the answer is the card the pressed one became, for the SDK's own response type.
            Assert.Equal("application/vnd.microsoft.card.adaptive", pressed.Type);
            Assert.Contains("已由 王芳 于", JsonConvert.SerializeObject(pressed.Value), StringComparison.Ordinal);
            await Send(clerk, Message(clerk, $"办结 {ticket.Number} 已在新材料产业园为贵企业预留二十亩工业用地。"), ClerkAad);
            await Fake.WaitFor(enterprise, r => r.Any(x => x.Body.Contains("已办结", StringComparison.Ordinal)), Cancel);
        }

        await Fake.WaitFor(clerk, r => r.Any(x => x.Method == "PUT"), Cancel);
        var sent = Fake.Received.Where(r => r.Method is "POST" or "PUT" && r.Body.StartsWith('{')).ToList();
        Assert.Contains(sent, r => r.Body.Contains("AdaptiveCard", StringComparison.Ordinal));
        Assert.True(sent.Count >= 10, $"{sent.Count} activities sent");
        foreach (var activity in sent)
        {
            var ours = JObject.Parse(activity.Body, new JsonLoadSettings());
            var sdk = JsonConvert.DeserializeObject<Sdk.Activity>(activity.Body, SdkSettings)!;
            var back = JObject.FromObject(sdk, JsonSerializer.Create(SdkSettings));
            Assert.True(JToken.DeepEquals(Normal(ours), Normal(back)), $"lost in the SDK's Activity:\n{ours}\n---\n{back}");
            Assert.False(string.IsNullOrEmpty(sdk.Type));
            Assert.NotNull(sdk.Conversation?.Id);
        }
    }

    [Fact]
    public async Task The_conversation_opened_for_a_clerk_who_never_wrote_reads_into_the_SDKs_ConversationParameters_and_back()
    {
        await using (var session = Store.LightweightSession())
        {
            session.Store(new StaffMember("wangfang", "王芳", "natural-resources", [StaffRole.Staff], TeamsUserId: ClerkAad, Login: "wangfang"));
            await session.SaveChangesAsync(Cancel);
        }

        var enterprise = NewConversation();
        foreach (var line in new[] { "想在园区再找二十亩工业用地建新厂房", "常州宏晟纺织有限公司，刘先生，13806152947", "跳过", "跳过", "确认提交" })
        {
            await Send(enterprise, Message(enterprise, line), null);
        }

        var open = (await Fake.WaitFor(FakeBotService.OpenedFor(ClerkAad), r => r.Count > 0, Cancel))[0];
        var ours = JObject.Parse(open.Body);
        var sdk = JsonConvert.DeserializeObject<Sdk.ConversationParameters>(open.Body, SdkSettings)!;
        var back = JObject.FromObject(sdk, JsonSerializer.Create(SdkSettings));
        Assert.True(JToken.DeepEquals(Normal(ours), Normal(back)), $"lost in the SDK's ConversationParameters:\n{ours}\n---\n{back}");
        Assert.Equal((false, ClerkAad, TenantId), (sdk.IsGroup, sdk.Members.Single().Id, sdk.TenantId));
        Assert.Equal(Sdk.ActivityTypes.Message, sdk.Activity.Type);
        Assert.Equal("application/vnd.microsoft.card.adaptive", sdk.Activity.Attachments.Single().ContentType);
    }

    [Fact]
    public async Task A_message_and_a_Universal_Action_built_with_the_SDKs_factories_are_taken_by_the_host()
    {
        var conversation = NewConversation();
        var message = (Sdk.Activity)Sdk.Activity.CreateMessageActivity();
        message.Text = "你好";
        message.Locale = "zh-CN";
        Address(message, conversation, "0b7c3f6e-aad0-4e1a-9d5b-6f1a2b3c4d5e");

        Assert.Equal(HttpStatusCode.OK, (await PostSdk(message)).StatusCode);
        await Fake.WaitFor(conversation, r => r.Any(x => x.Status == 200), Cancel);

        var invoke = new Sdk.Activity(Sdk.ActivityTypes.Invoke)
        {
            Name = "adaptiveCard/action",
            ReplyToId = "card-9",
            Value = new Sdk.AdaptiveCardInvokeValue { Action = new Sdk.AdaptiveCardInvokeAction { Type = "Action.Execute", Verb = "open-old-card", Data = new { ticket = "YQ2026-000001" } } },
        };
        Address(invoke, conversation, "0b7c3f6e-aad0-4e1a-9d5b-6f1a2b3c4d5e");
        var response = await PostSdk(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonConvert.DeserializeObject<Sdk.AdaptiveCardInvokeResponse>(await response.Content.ReadAsStringAsync(Cancel), SdkSettings)!;
        Assert.Equal(200, answer.StatusCode);
    }

    private void Address(Sdk.IActivity activity, string conversation, string aad)
    {
        var a = (Sdk.Activity)activity;
        a.Id = "1712" + Random.Shared.Next(100000000, 999999999);
        a.ChannelId = "msteams";
        a.ServiceUrl = Fake.ServiceUrl;
        a.Timestamp = DateTimeOffset.UtcNow;
        a.From = new Sdk.ChannelAccount("29:1user-" + aad[..8], "刘洋", aadObjectId: aad);
        a.Recipient = new Sdk.ChannelAccount("28:" + FakeBotService.AppId, "有求必应");
        a.Conversation = new Sdk.ConversationAccount(conversationType: "personal", id: conversation, tenantId: TenantId);
    }

    /// <summary>Our activity, written by the SDK's serializer and posted as Teams would.</summary>
    private async Task Send(string conversation, Dialogs.Activities.Activity ours, string? aad)
    {
        var activity = JsonConvert.DeserializeObject<Sdk.Activity>(Dialogs.Activities.ActivityJson.Serialize(ours), SdkSettings)!;
        if (aad is not null)
        {
            activity.From = new Sdk.ChannelAccount("29:1staff-" + aad[..8], "王芳", aadObjectId: aad);
        }

        var before = Fake.For(conversation).Count;
        Assert.Equal(HttpStatusCode.OK, (await PostSdk(activity)).StatusCode);
        await Fake.WaitFor(conversation, r => r.Count > before, Cancel);
    }

    private async Task<Sdk.AdaptiveCardInvokeResponse> Invoke(string conversation, string aad, string verb, string number, string cardId)
    {
        var invoke = new Sdk.Activity(Sdk.ActivityTypes.Invoke)
        {
            Name = "adaptiveCard/action",
            ReplyToId = cardId,
            Value = new Sdk.AdaptiveCardInvokeValue { Action = new Sdk.AdaptiveCardInvokeAction { Type = "Action.Execute", Verb = verb, Data = new { ticket = number } } },
        };
        Address(invoke, conversation, aad);
        invoke.From = new Sdk.ChannelAccount("29:1staff-" + aad[..8], "王芳", aadObjectId: aad);
        var response = await PostSdk(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonConvert.DeserializeObject<Sdk.AdaptiveCardInvokeResponse>(await response.Content.ReadAsStringAsync(Cancel), SdkSettings)!;
    }

    private Task<HttpResponseMessage> PostSdk(Sdk.Activity activity) =>
        PostRaw(JsonConvert.SerializeObject(activity, SdkSettings), "application/json", Fake.Token());

    /// <summary>Nulls and empty objects say nothing; dates compare as instants.</summary>
    private static JToken Normal(JToken token) => token switch
    {
        JObject o => new JObject(o.Properties().Where(p => p.Value.Type != JTokenType.Null).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new JProperty(p.Name, Normal(p.Value)))),
        JArray a => new JArray(a.Select(Normal)),
        JValue { Value: DateTimeOffset d } => new JValue(d.ToUniversalTime()),
        JValue { Value: DateTime d } => new JValue(new DateTimeOffset(d.ToUniversalTime())),
        _ => token.DeepClone(),
    };
}
