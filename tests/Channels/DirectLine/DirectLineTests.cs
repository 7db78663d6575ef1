using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Tests.Channels.DirectLine;

/// <summary>Direct Line 3.0 as Web Chat and botframework-directlinejs use it (protocol notes §2).</summary>
public sealed class DirectLineTests(PostgresServer server) : IAsyncLifetime
{
    private readonly string _schema = PostgresServer.NewSchema("dl");
    private DirectLineHost _host = null!;

    public ValueTask InitializeAsync()
    {
        _host = new DirectLineHost(server, _schema);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<JsonElement[]> History(string conversation, string token, string watermark = "")
    {
        var set = await DirectLineHost.Json(await _host.Client(token).GetAsync($"/v3/directline/conversations/{conversation}/activities?watermark={watermark}", Cancel));
        return [.. set.GetProperty("activities").EnumerateArray()];
    }

    [Fact]
    public async Task Starting_a_conversation_returns_a_stream_url_and_puts_the_welcome_in_the_transcript()
    {
        var (id, token, streamUrl) = await _host.Start();

        Assert.Contains($"/v3/directline/conversations/{id}/stream?watermark=-&t=", streamUrl, StringComparison.Ordinal);
        var welcome = await History(id, token);
        Assert.StartsWith("您好，我是“有求必应”", welcome[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("bot", welcome[0].GetProperty("from").GetProperty("role").GetString());
        Assert.False(welcome[0].TryGetProperty("replyToId", out _));
        var again = await _host.Client(token).PostAsJsonAsync("/v3/directline/conversations", new { }, Cancel);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(welcome.Length, (await History(id, token)).Length);
    }

    [Fact]
    public async Task A_posted_message_is_echoed_first_with_the_token_user_then_answered_in_order()
    {
        var (id, token, _) = await _host.Start();
        var before = (await History(id, token)).Length;

        var posted = await DirectLineHost.Json(await _host.Client(token).PostAsync($"/v3/directline/conversations/{id}/activities", DirectLineHost.Message("招20个普工", "c-1"), Cancel));

        var activities = (await History(id, token)).Skip(before).ToArray();
        var echo = activities[0];
        Assert.Equal(posted.GetProperty("id").GetString(), echo.GetProperty("id").GetString());
        Assert.Equal($"{id}|{before + 1:0000000}", echo.GetProperty("id").GetString());
        Assert.Equal(("dl_liuyang", "user"), (echo.GetProperty("from").GetProperty("id").GetString(), echo.GetProperty("from").GetProperty("role").GetString()));
        Assert.Equal("c-1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.All(activities.Skip(1), reply =>
        {
            Assert.Equal("bot", reply.GetProperty("from").GetProperty("role").GetString());
            Assert.Equal(echo.GetProperty("id").GetString(), reply.GetProperty("replyToId").GetString());
        });
        var stamps = activities.Select(a => a.GetProperty("timestamp").GetDateTimeOffset()).ToList();
        Assert.Equal(stamps.Order(), stamps);
        Assert.Equal(stamps.Count, stamps.Distinct().Count());
    }

    [Fact]
    public async Task A_client_retry_with_the_same_client_activity_id_creates_nothing_new()
    {
        var (id, token, _) = await _host.Start();
        var client = _host.Client(token);
        var first = await DirectLineHost.Json(await client.PostAsync($"/v3/directline/conversations/{id}/activities", DirectLineHost.Message("招20个普工", "c-7"), Cancel));
        var count = (await History(id, token)).Length;

        var retry = await DirectLineHost.Json(await client.PostAsync($"/v3/directline/conversations/{id}/activities", DirectLineHost.Message("招20个普工", "c-7"), Cancel));

        Assert.Equal(first.GetProperty("id").GetString(), retry.GetProperty("id").GetString());
        Assert.Equal(count, (await History(id, token)).Length);
    }

    [Fact]
    public async Task The_watermark_returns_only_what_came_after_it()
    {
        var (id, token, _) = await _host.Start();
        var all = await History(id, token);
        await _host.Client(token).PostAsync($"/v3/directline/conversations/{id}/activities", DirectLineHost.Message("帮助", "c-2"), Cancel);

        var newer = await History(id, token, all.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("帮助", newer[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Forged_foreign_and_missing_tokens_get_403_and_another_users_conversation_is_closed_to_them()
    {
        var (id, token, _) = await _host.Start();
        var (other, otherToken, _) = await _host.Start("dl_huanglei");

        Assert.Equal(HttpStatusCode.Forbidden, (await _host.Client("not-a-token").GetAsync($"/v3/directline/conversations/{id}/activities", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.Client().GetAsync($"/v3/directline/conversations/{id}/activities", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.Client(otherToken).GetAsync($"/v3/directline/conversations/{id}/activities", Cancel)).StatusCode);
        var tampered = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.Client(tampered).PostAsync($"/v3/directline/conversations/{id}/activities", DirectLineHost.Message("hi", "x"), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.Client(token).PostAsJsonAsync("/v3/directline/tokens/generate", new { }, Cancel)).StatusCode);
        Assert.NotEqual(id, other);
    }

    [Theory]
    [InlineData("{\"type\":", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\":\"没有类型\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("type=message", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task Malformed_posts_are_refused_with_a_Direct_Line_error_and_nothing_is_written(string body, string contentType, HttpStatusCode status)
    {
        var (id, token, _) = await _host.Start();
        var count = (await History(id, token)).Length;

        var response = await _host.Client(token).PostAsync($"/v3/directline/conversations/{id}/activities", new StringContent(body, Encoding.UTF8, contentType), Cancel);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("BadArgument", JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(count, (await History(id, token)).Length);
    }

    [Fact]
    public async Task An_oversized_activity_is_refused()
    {
        var (id, token, _) = await _host.Start();

        var response = await _host.Client(token).PostAsync($"/v3/directline/conversations/{id}/activities", DirectLineHost.Message(new string('长', 200_000), "big"), Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task History_comes_in_pages_of_about_a_megabyte_that_the_watermark_walks_through()
    {
        var (id, token, _) = await _host.Start();
        var before = (await History(id, token)).Length;
        var bulky = new string('x', 200 * 1024);
        for (var i = 0; i < 8; i++)
        {
            var activity = new StringContent(JsonSerializer.Serialize(new { type = "event", name = "bulky", value = bulky, channelData = new { clientActivityID = $"bulky-{i}" } }), Encoding.UTF8, "application/json");
            Assert.Equal(HttpStatusCode.OK, (await _host.Client(token).PostAsync($"/v3/directline/conversations/{id}/activities", activity, Cancel)).StatusCode);
        }

        var pages = new List<int>();
        var seen = 0;
        var watermark = "";
        while (true)
        {
            var response = await _host.Client(token).GetAsync($"/v3/directline/conversations/{id}/activities?watermark={watermark}", Cancel);
            var body = await response.Content.ReadAsByteArrayAsync(Cancel);
            var set = JsonDocument.Parse(body).RootElement;
            var count = set.GetProperty("activities").GetArrayLength();
            if (count == 0)
            {
                break;
            }

            pages.Add(body.Length);
            seen += count;
            watermark = set.GetProperty("watermark").GetString()!;
        }

        Assert.Equal(before + 8, seen);
        Assert.True(pages.Count >= 2, $"pages: {string.Join(", ", pages)}");
        Assert.All(pages, size => Assert.True(size < 1300 * 1024, $"a page of {size} bytes"));
    }

    [Fact]
    public async Task The_stream_replays_the_backlog_then_pushes_the_echo_and_the_replies()
    {
        var (id, token, streamUrl) = await _host.Start();
        using var socket = await _host.Sockets().ConnectAsync(new Uri(streamUrl), Cancel);

        var backlog = await Frame(socket);
        Assert.StartsWith("您好", backlog.GetProperty("activities")[0].GetProperty("text").GetString(), StringComparison.Ordinal);

        await _host.Client(token).PostAsync($"/v3/directline/conversations/{id}/activities", DirectLineHost.Message("招20个普工", "c-3"), Cancel);
        var texts = new List<string?>();
        while (!texts.Any(t => t?.Contains("新员工最晚什么时候需要到岗", StringComparison.Ordinal) == true))
        {
            var frame = await Frame(socket);
            texts.AddRange(frame.GetProperty("activities").EnumerateArray().Where(a => a.GetProperty("type").GetString() == "message").Select(a => a.GetProperty("text").GetString()));
        }

        Assert.Equal("招20个普工", texts[0]);
    }

    [Fact]
    public async Task A_socket_on_one_host_hears_what_a_second_host_wrote()
    {
        await using var second = new DirectLineHost(server, _schema);
        var (id, token, streamUrl) = await _host.Start();
        using var socket = await _host.Sockets().ConnectAsync(new Uri(streamUrl), Cancel);
        await Frame(socket);

        await second.Client(token).PostAsync($"/v3/directline/conversations/{id}/activities", DirectLineHost.Message("帮助", "c-4"), Cancel);

        var texts = new List<string?>();
        while (!texts.Contains("帮助"))
        {
            texts.AddRange((await Frame(socket)).GetProperty("activities").EnumerateArray().Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null));
        }
    }

    [Fact]
    public async Task A_token_refreshes_while_valid_and_an_expired_one_gets_403()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new DirectLineHost(server, PostgresServer.NewSchema("dlclock"), clock);
        var (id, token, _) = await host.Start();

        clock.Advance(TimeSpan.FromMinutes(40));
        var refreshed = (await DirectLineHost.Json(await host.Client(token).PostAsync("/v3/directline/tokens/refresh", null, Cancel))).GetProperty("token").GetString()!;
        clock.Advance(TimeSpan.FromMinutes(40));

        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(token).PostAsync("/v3/directline/tokens/refresh", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client(refreshed).GetAsync($"/v3/directline/conversations/{id}/activities", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_message_sent_outside_a_turn_lands_in_the_transcript_of_a_web_chat_conversation()
    {
        var (id, token, _) = await _host.Start();
        var messages = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Assistant.Bot.Channels.ProactiveMessages>(_host.Services);
        var reference = new Dialogs.Activities.ConversationReference("directline", "http://localhost/", id, "dl_liuyang", "youqiubiying", Locale: "zh-CN");

        Assert.True(await messages.Send(reference, new Dialogs.Activities.Activity { Text = "您的诉求 YQ2026-000001 已办结，请对办理结果进行评价。" }, Cancel));
        Assert.False(await messages.Send(reference with { ConversationId = "no-such-conversation" }, new Dialogs.Activities.Activity { Text = "不会送达" }, Cancel));

        var last = (await History(id, token))[^1];
        Assert.Equal("您的诉求 YQ2026-000001 已办结，请对办理结果进行评价。", last.GetProperty("text").GetString());
        Assert.Equal("bot", last.GetProperty("from").GetProperty("role").GetString());
    }

    private static async Task<JsonElement> Frame(WebSocket socket)
    {
        var buffer = new byte[256 * 1024];
        while (true)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            var received = 0;
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(received), timeout.Token) is var r ? new WebSocketReceiveResult(r.Count, r.MessageType, r.EndOfMessage) : null!;
                received += result.Count;
            }
            while (!result.EndOfMessage);

            if (received > 0)
            {
                return JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, received)).RootElement.Clone();
            }
        }
    }
}
