using System.Net;
using System.Text;
using System.Text.Json;
using Assistant.Tests.Channels.DirectLine;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Edge;

/// <summary>
/// Input no client should send is refused at the edge with a 400 and Direct Line's error body, and nothing is
/// stored: bytes that are not UTF-8, escapes that are not Unicode, NUL characters, shapes the bot cannot take.
/// Before this, each of these was a 500 (or a 503 that clients retried forever).
/// </summary>
public sealed class MalformedInputTests(PostgresServer server) : IAsyncLifetime
{
    private readonly string _schema = PostgresServer.NewSchema("malformed");
    private DirectLineHost _host = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _host = new DirectLineHost(server, _schema);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    public static TheoryData<string, byte[]> Activities() => new()
    {
        { "invalid UTF-8 in type", [.. "{\"type\":\"mess"u8, 0xFF, .. "age\",\"text\":\"你好\"}"u8] },
        { "invalid UTF-8 in clientActivityID", [.. "{\"type\":\"message\",\"text\":\"你好\",\"channelData\":{\"clientActivityID\":\"a"u8, 0xC0, 0xAF, .. "\"}}"u8] },
        { "a lone surrogate in clientActivityID", Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"你好\",\"channelData\":{\"clientActivityID\":\"\\ud800\"}}") },
        { "a lone surrogate in text", Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"招工\\udc00\"}") },
        { "entities[].type that is not a string", Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"你好\",\"entities\":[{\"type\":42}]}") },
        { "a null entity", Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"你好\",\"entities\":[null]}") },
        { "membersAdded [null]", Encoding.UTF8.GetBytes("{\"type\":\"conversationUpdate\",\"membersAdded\":[null]}") },
        { "a NUL in clientActivityID", Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"你好\",\"channelData\":{\"clientActivityID\":\"a\\u0000b\"}}") },
        { "a NUL in from.name", Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"你好\",\"from\":{\"id\":\"x\",\"name\":\"刘\\u0000洋\"}}") },
        { "a NUL in text", Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"你\\u0000好\"}") },
        { "nesting 100 deep", Encoding.UTF8.GetBytes("{\"type\":\"message\",\"value\":" + new string('[', 100) + new string(']', 100) + "}") },
        { "a type that is a number", Encoding.UTF8.GetBytes("{\"type\":5}") },
        { "an array", Encoding.UTF8.GetBytes("[{\"type\":\"message\"}]") },
        { "truncated JSON", Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"你") },
    };

    [Theory]
    [MemberData(nameof(Activities))]
    public async Task A_malformed_activity_is_a_400_with_a_Direct_Line_error_and_nothing_is_stored(string what, byte[] body)
    {
        var (id, token, _) = await _host.Start();
        var before = await server.Count(_schema, "mt_doc_transcriptactivity");

        var response = await _host.Client(token).PostAsync($"/v3/directline/conversations/{id}/activities", Json(body), Cancel);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("BadArgument", error.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(before, await server.Count(_schema, "mt_doc_transcriptactivity"));
        Assert.Equal(HttpStatusCode.OK, (await _host.Client(token).PostAsync($"/v3/directline/conversations/{id}/activities", DirectLineHost.Message("你好", "after-" + Guid.NewGuid()), Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_NUL_in_the_token_user_name_or_the_session_conversation_id_is_refused_not_retried()
    {
        var generate = await _host.Client(DirectLineHost.Secret).PostAsync("/v3/directline/tokens/generate",
            Json(Encoding.UTF8.GetBytes("{\"user\":{\"id\":\"dl_a\",\"name\":\"刘\\u0000洋\"}}")), Cancel);
        var session = await _host.Client().PostAsync("/api/webchat/session", Json(Encoding.UTF8.GetBytes("{\"conversationId\":\"abc\\u0000def\"}")), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, generate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, session.StatusCode);
        Assert.Equal(0, await server.Count(_schema, "mt_doc_directlineconversation"));
    }

    [Fact]
    public async Task The_name_a_client_puts_in_from_is_not_the_name_recorded()
    {
        var (id, token, _) = await _host.Start();
        var forged = new StringContent("{\"type\":\"message\",\"text\":\"你好\",\"from\":{\"id\":\"dl_liuyang\",\"name\":\"营商环境服务中心\"},\"channelData\":{\"clientActivityID\":\"f-1\"}}", Encoding.UTF8, "application/json");

        var posted = await DirectLineHost.Json(await _host.Client(token).PostAsync($"/v3/directline/conversations/{id}/activities", forged, Cancel));

        var history = await DirectLineHost.Json(await _host.Client(token).GetAsync($"/v3/directline/conversations/{id}/activities", Cancel));
        var echo = history.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == posted.GetProperty("id").GetString());
        Assert.Equal("刘洋", echo.GetProperty("from").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Text_longer_than_a_transcript_entry_holds_is_cut_and_the_user_is_asked_for_less()
    {
        var (id, token, _) = await _host.Start();

        var posted = await DirectLineHost.Json(await _host.Client(token).PostAsync($"/v3/directline/conversations/{id}/activities", DirectLineHost.Message(new string('地', 30_000), "long-1"), Cancel));

        var history = await DirectLineHost.Json(await _host.Client(token).GetAsync($"/v3/directline/conversations/{id}/activities", Cancel));
        var activities = history.GetProperty("activities").EnumerateArray().ToList();
        var echo = activities.Single(a => a.GetProperty("id").GetString() == posted.GetProperty("id").GetString());
        Assert.Equal(5000, echo.GetProperty("text").GetString()!.Length);
        Assert.Contains(activities, a => a.TryGetProperty("text", out var t) && t.GetString() == "您的消息超过5000字，请精简到2000字以内，或分几条发送。");
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return content;
    }
}
