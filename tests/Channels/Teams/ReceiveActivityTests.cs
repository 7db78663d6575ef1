using System.Text.Json;
using System.Net;
using System.Security.Cryptography;
using Assistant.Dialogs.Activities;
using Assistant.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Tests.Channels.Teams;

/// <summary>POST /api/messages: only Azure Bot Service's tokens get in; bad bodies get a 4xx, never a 500.</summary>
public sealed class ReceiveActivityTests(PostgresServer server) : TeamsContext(server)
{
    [Fact]
    public async Task A_valid_message_is_answered_200_and_the_reply_is_posted_to_the_connector_with_a_bearer_token()
    {
        var conversation = NewConversation();
        var inbound = Message(conversation, "帮助");

        var response = await Post(inbound);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var delivered = await Fake.WaitFor(conversation, r => r.Any(x => x.Status == 200), Cancel);
        var reply = delivered[0];
        Assert.Equal("POST", reply.Method);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(conversation)}/activities/{inbound.Id}", reply.RawTarget);
        Assert.Equal("Bearer " + FixedConnectorToken.Value, reply.Authorization);
        Assert.StartsWith("使用说明", reply.Json.GetProperty("text").GetString());
        Assert.Equal(inbound.Id, reply.Json.GetProperty("replyToId").GetString());
        Assert.Equal("28:" + FakeBotService.AppId, reply.Json.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(inbound.From!.Id, reply.Json.GetProperty("recipient").GetProperty("id").GetString());
        Assert.False(reply.Json.TryGetProperty("id", out _));
    }

    [Fact]
    public async Task The_conversation_reference_is_stored_with_the_tenant_and_the_users_entra_object_id()
    {
        var conversation = NewConversation();

        await Post(Message(conversation, "帮助"));

        var stored = await Reference(conversation);
        Assert.NotNull(stored);
        Assert.Equal(TenantId, stored.TenantId);
        Assert.Equal("0b7c3f6e-aad0-4e1a-9d5b-6f1a2b3c4d5e", stored.UserAadObjectId);
        Assert.Equal(Fake.ServiceUrl, stored.ServiceUrl);
        Assert.Equal("28:" + FakeBotService.AppId, stored.BotId);
    }

    public static TheoryData<string> BadTokens => ["expired", "wrong audience", "wrong issuer", "wrong serviceUrl claim", "forged signature", "none"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_refused_401_and_nothing_is_written(string problem)
    {
        using var forger = RSA.Create(2048);
        var token = problem switch
        {
            "expired" => Fake.Token(expires: DateTime.UtcNow.AddMinutes(-6)),
            "wrong audience" => Fake.Token(audience: "some-other-bot"),
            "wrong issuer" => Fake.Token(issuer: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"),
            "wrong serviceUrl claim" => Fake.Token(serviceUrl: "https://smba.trafficmanager.net/amer/"),
            "forged signature" => Fake.Token(key: new RsaSecurityKey(forger) { KeyId = FakeBotService.KeyId }),
            _ => null,
        };
        var conversation = NewConversation();

        var response = token is null
            ? await PostRaw(ActivityJson.Serialize(Message(conversation, "帮助")), "application/json", null)
            : await Post(Message(conversation, "帮助"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync(Cancel));
        await AssertNothingWritten(conversation);
    }

    [Fact]
    public async Task A_token_within_the_five_minute_clock_skew_is_still_accepted()
    {
        var response = await Post(Message(NewConversation(), "帮助"), Fake.Token(expires: DateTime.UtcNow.AddMinutes(-3)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_activity_for_a_channel_the_key_is_not_endorsed_for_is_refused_401()
    {
        var conversation = NewConversation();

        var response = await Post(Message(conversation, "帮助", channelId: "slack"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingWritten(conversation);
    }

    [Theory]
    [InlineData("{ this is not json", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("[1, 2, 3]", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\":\"no type\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"text\":\"no conversation\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("type=message", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("{\"type\":\"message\"}", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    public async Task A_malformed_body_or_wrong_content_type_gets_a_problem_not_a_500(string body, string contentType, HttpStatusCode expected)
    {
        var response = await PostRaw(body, contentType, Fake.Token());

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_large_activity_within_the_channels_limit_is_taken_and_text_with_a_NUL_is_refused_400()
    {
        var conversation = NewConversation();
        var large = Message(conversation, "帮助") with { Entities = [.. Enumerable.Range(0, 400).Select(i => System.Text.Json.JsonSerializer.SerializeToElement(new { type = "mention", text = $"<at>同事{i}</at>" }))] };

        Assert.Equal(HttpStatusCode.OK, (await Post(large)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(Message(NewConversation(), "帮\0助"))).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413()
    {
        var conversation = NewConversation();
        var huge = Message(conversation, new string('很', 200_000));

        var response = await Post(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingWritten(conversation);
    }

    [Fact]
    public async Task An_action_execute_is_taken_like_a_button_press_and_answered_in_the_response()
    {
        var conversation = NewConversation();
        var invoke = Message(conversation, "") with
        {
            Type = ActivityTypes.Invoke,
            Name = "adaptiveCard/action",
            Text = null,
            Entities = null,
            Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb = "open-old-card", data = new { ticket = "YQ2026-000001" } } }),
        };

        var response = await Post(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", body.RootElement.GetProperty("type").GetString());
        var delivered = await Fake.WaitFor(conversation, r => r.Any(x => x.Status == 200), Cancel);
        Assert.StartsWith("抱歉，这个按钮已失效", delivered[0].Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_adaptive_card_invoke_without_an_action_is_answered_400_with_an_error_body()
    {
        var conversation = NewConversation();
        var invoke = Message(conversation, "") with { Type = ActivityTypes.Invoke, Name = "adaptiveCard/action", Text = null, Entities = null };

        var response = await Post(invoke);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("application/vnd.microsoft.error", body.RootElement.GetProperty("type").GetString());
        await AssertNothingWritten(conversation);
    }

    [Fact]
    public async Task An_invoke_the_assistant_does_not_offer_is_answered_501_and_nothing_is_written()
    {
        var conversation = NewConversation();
        var invoke = Message(conversation, "") with { Type = ActivityTypes.Invoke, Name = "task/fetch", Text = null, Entities = null };

        var response = await Post(invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        await AssertNothingWritten(conversation);
    }

    private async Task AssertNothingWritten(string conversation)
    {
        Assert.Empty(await Outbox(conversation));
        Assert.Null(await Reference(conversation));
        Assert.Empty(Fake.For(conversation));
    }
}
