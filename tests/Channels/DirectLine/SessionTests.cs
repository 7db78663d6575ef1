using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Assistant.Tests.Channels.DirectLine;

/// <summary>
/// Who may open a conversation: the chat page's identity is issued by the server and resumed only with its key;
/// a token chain ends after DirectLine:MaxTokenHours; a stream URL opens one socket once; a conversation keeps a few
/// sockets at most; sockets catch up on what they missed when the notification connection comes back.
/// </summary>
public sealed class SessionTests(PostgresServer server) : IAsyncLifetime
{
    private readonly string _schema = PostgresServer.NewSchema("session");
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private DirectLineHost _host = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _host = new DirectLineHost(server, _schema, _clock, new Dictionary<string, string> { ["DirectLine:MaxSocketsPerConversation"] = "2" });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_page_resumes_its_conversation_only_with_the_key_the_server_issued()
    {
        var first = await Session(new { });
        var userId = first.GetProperty("userId").GetString()!;
        var userKey = first.GetProperty("userKey").GetString()!;
        var conversationId = first.GetProperty("conversationId").GetString()!;

        var resumed = await Session(new { userId, userKey, conversationId });
        var withoutKey = await Session(new { userId, conversationId });
        var forgedKey = await Session(new { userId, userKey = userKey[..^2] + (userKey.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"), conversationId });
        var chosenId = await Session(new { userId = "dl_a", conversationId });

        Assert.Equal((userId, conversationId), (resumed.GetProperty("userId").GetString(), resumed.GetProperty("conversationId").GetString()));
        foreach (var refused in new[] { withoutKey, forgedKey, chosenId })
        {
            Assert.NotEqual(userId, refused.GetProperty("userId").GetString());
            Assert.NotEqual(conversationId, refused.GetProperty("conversationId").GetString());
        }

        Assert.Matches("^dl_[A-Za-z0-9_-]{22}$", userId);
        var payload = Encoding.UTF8.GetString(Base64Url(first.GetProperty("token").GetString()!.Split('.')[1]));
        Assert.DoesNotContain(userKey, payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_chain_cannot_be_refreshed_past_its_maximum_age()
    {
        var (_, token, _) = await _host.Start();
        var start = _clock.GetUtcNow();
        while (_clock.GetUtcNow() + TimeSpan.FromMinutes(50) - start < TimeSpan.FromHours(24))
        {
            _clock.Advance(TimeSpan.FromMinutes(50));
            token = (await DirectLineHost.Json(await _host.Client(token).PostAsync("/v3/directline/tokens/refresh", null, Cancel))).GetProperty("token").GetString()!;
        }

        _clock.Advance(TimeSpan.FromMinutes(50)); // the token itself is still good, the chain is not

        Assert.Equal(HttpStatusCode.Forbidden, (await _host.Client(token).PostAsync("/v3/directline/tokens/refresh", null, Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_stream_url_opens_one_socket_once()
    {
        var (_, _, streamUrl) = await _host.Start();
        using var socket = await _host.Sockets().ConnectAsync(new Uri(streamUrl), Cancel);
        await Frame(socket);

        var again = await Assert.ThrowsAnyAsync<Exception>(() => _host.Sockets().ConnectAsync(new Uri(streamUrl), Cancel));

        Assert.Contains("403", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_more_sockets_than_a_conversation_may_keep_closes_the_oldest_as_a_collision()
    {
        var (id, token, streamUrl) = await _host.Start();
        using var oldest = await _host.Sockets().ConnectAsync(new Uri(streamUrl), Cancel);
        await Frame(oldest);
        using var second = await _host.Sockets().ConnectAsync(new Uri(await StreamUrl(id, token)), Cancel);
        await Frame(second);

        using var third = await _host.Sockets().ConnectAsync(new Uri(await StreamUrl(id, token)), Cancel);
        await Frame(third);

        var buffer = new byte[4096];
        var closing = await oldest.ReceiveAsync(buffer, Cancel);
        Assert.Equal(WebSocketMessageType.Close, closing.MessageType);
        Assert.Equal(("collision", WebSocketCloseStatus.PolicyViolation), (oldest.CloseStatusDescription, oldest.CloseStatus));
    }

    [Fact]
    public async Task After_the_notification_connection_is_lost_and_comes_back_sockets_read_what_they_missed()
    {
        var (id, token, streamUrl) = await _host.Start();
        using var socket = await _host.Sockets().ConnectAsync(new Uri(streamUrl), Cancel);
        var backlog = await Frame(socket);
        var last = long.Parse(backlog.GetProperty("watermark").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        // Another host's commit whose notice never arrived, and the listening connection cut by a database restart.
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync(Cancel);
            var json = $"{{\"type\":\"message\",\"id\":\"{id}|{last + 1:0000000}\",\"text\":\"来自另一台主机的回复\",\"from\":{{\"id\":\"youqiubiying\",\"role\":\"bot\"}}}}";
            var entry = JsonSerializer.Serialize(new { Id = $"{id}|{last + 1:0000000}", ConversationId = id, Seq = last + 1, Json = json, Timestamp = DateTimeOffset.UtcNow });
            await using (var insert = new NpgsqlCommand($"insert into {_schema}.mt_doc_transcriptactivity (id, data, conversation_id, seq, mt_last_modified, mt_version, mt_dotnet_type) values (@id, @data::jsonb, @conversation, @seq, now(), gen_random_uuid(), 'x')", connection))
            {
                insert.Parameters.AddWithValue("id", $"{id}|{last + 1:0000000}");
                insert.Parameters.AddWithValue("data", entry);
                insert.Parameters.AddWithValue("conversation", id);
                insert.Parameters.AddWithValue("seq", last + 1);
                await insert.ExecuteNonQueryAsync(Cancel);
            }

            // Only this host's listening connection: other test classes' hosts share the server.
            await using var cut = new NpgsqlCommand("select pg_terminate_backend(pid) from pg_stat_activity where query like 'listen yq_directline%' and application_name = @host and pid <> pg_backend_pid()", connection);
            cut.Parameters.AddWithValue("host", _schema);
            await cut.ExecuteNonQueryAsync(Cancel);
        }

        using var within = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        within.CancelAfter(TimeSpan.FromSeconds(12)); // well before the socket's own 15 s look at the transcript
        var frame = await Frame(socket, within.Token);

        Assert.Equal("来自另一台主机的回复", frame.GetProperty("activities")[0].GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _host.Client(token).GetAsync($"/v3/directline/conversations/{id}/activities", Cancel)).StatusCode);
    }

    private async Task<JsonElement> Session(object body) =>
        await DirectLineHost.Json(await _host.Client().PostAsJsonAsync("/api/webchat/session", body, Cancel));

    private async Task<string> StreamUrl(string conversationId, string token) =>
        (await DirectLineHost.Json(await _host.Client(token).GetAsync($"/v3/directline/conversations/{conversationId}", Cancel))).GetProperty("streamUrl").GetString()!;

    private static async Task<JsonElement> Frame(WebSocket socket, CancellationToken? cancellation = null)
    {
        var buffer = new byte[256 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellation ?? Cancel);
            if (result.Count > 0)
            {
                return JsonDocument.Parse(buffer.AsMemory(0, result.Count)).RootElement.Clone();
            }
        }
    }

    private static byte[] Base64Url(string text) => Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
}
