using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Edge;

/// <summary>
/// The edge of the real host, in its own process behind Kestrel as an operator runs it: limits on the bytes actually
/// read (chunked bodies too), rate limits per client address as a proxy reports it, the proxy's scheme in the links
/// handed out, headers on every answer, and hosts it does not serve refused.
/// </summary>
public sealed class EdgeProcessTests(PostgresServer server) : IAsyncLifetime
{
    private readonly string _schema = PostgresServer.NewSchema("edge");
    private HostProcess _host = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = HostProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = server.ConnectionString,
            ["Database__Schema"] = _schema,
            ["RateLimits__Sessions__PerAddress"] = "3",
            ["RateLimits__Sessions__WindowSeconds"] = "2",
            ["RateLimits__Everything__PerAddress"] = "40",
        });
        await _host.WaitUntilReady(TimeSpan.FromSeconds(120));
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private HttpClient Client(string? clientAddress = null)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_host.Port}"), Timeout = TimeSpan.FromSeconds(60) };
        // The host believes X-Forwarded-For from loopback, as from a reverse proxy on the same machine.
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress ?? $"198.51.100.{Random.Shared.Next(1, 250)}");
        return client;
    }

    [Fact]
    public async Task A_chunked_activity_larger_than_the_limit_is_refused_with_413_and_nothing_is_stored()
    {
        using var client = Client();
        var session = await Session(client);
        var before = await server.Count(_schema, "mt_doc_transcriptactivity");
        var huge = Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"" + new string('a', 2 * 1024 * 1024) + "\"}");

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{session.ConversationId}/activities")
        {
            Headers = { Authorization = new("Bearer", session.Token) },
            Content = Chunked(huge, "application/json"),
        }, Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await server.Count(_schema, "mt_doc_transcriptactivity"));
    }

    [Fact]
    public async Task Bodies_beyond_any_limit_are_413_whether_they_say_their_length_or_not()
    {
        using var client = Client();
        var session = await Session(client);

        var declared = await RawPost("/api/webchat/session", "application/json", 40 * 1024 * 1024, chunked: false, bearer: null);
        var chunkedUpload = await RawPost($"/v3/directline/conversations/{session.ConversationId}/upload", "multipart/form-data; boundary=x", 60 * 1024 * 1024, chunked: true, bearer: session.Token,
            start: "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 ");

        Assert.StartsWith("HTTP/1.1 413", declared, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", declared, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 413", chunkedUpload, StringComparison.Ordinal);
        Assert.Contains("MessageSizeTooBig", chunkedUpload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_beyond_the_limit_get_429_with_retry_after_while_another_client_is_served_and_the_limit_recovers()
    {
        using var busy = Client("203.0.113.7");
        using var other = Client("203.0.113.8");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.PostAsJsonAsync("/api/webchat/session", new { }, Cancel)).StatusCode);
        }

        var refused = await busy.PostAsJsonAsync("/api/webchat/session", new { }, Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Cancel)))
        {
            Assert.Equal("您的操作过于频繁，请稍候片刻再试。", problem.RootElement.GetProperty("title").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, (await other.PostAsJsonAsync("/api/webchat/session", new { }, Cancel)).StatusCode);
        using var prober = Client("203.0.113.9");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 45; i++)
        {
            statuses.Add((await prober.GetAsync("/v3/directline/conversations/x/activities", Cancel)).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, (await prober.GetAsync("/health/ready", Cancel)).StatusCode); // a load balancer is never limited
        var until = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            await Task.Delay(200, Cancel);
            status = (await busy.PostAsJsonAsync("/api/webchat/session", new { }, Cancel)).StatusCode;
        }
        while (status == HttpStatusCode.TooManyRequests && DateTime.UtcNow < until);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(await _host.Wrote("Rate limit reached", TimeSpan.FromSeconds(30)), _host.Output);
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_the_stream_url_is_wss_and_browsers_are_told_to_stay_on_https()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var session = await Session(client);

        var started = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations")
        {
            Headers = { Authorization = new("Bearer", session.Token) },
            Content = JsonContent.Create(new { }),
        }, Cancel);

        var streamUrl = JsonDocument.Parse(await started.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("streamUrl").GetString();
        Assert.StartsWith($"wss://127.0.0.1:{_host.Port}/v3/directline/conversations/", streamUrl, StringComparison.Ordinal);
        Assert.StartsWith("max-age=", started.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_no_server_banner()
    {
        using var client = Client();

        var page = await client.GetAsync("/", Cancel);
        var api = await client.GetAsync("/health/live", Cancel);

        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", api.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        foreach (var response in new[] { page, api })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.False(response.Headers.Contains("Server"));
            Assert.False(response.Headers.Contains("Strict-Transport-Security")); // plain http
        }
    }

    [Fact]
    public async Task A_host_name_the_host_does_not_serve_is_refused_and_never_reflected()
    {
        using var client = Client();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/webchat/session")
        {
            Headers = { Host = "evil.example" },
            Content = JsonContent.Create(new { }),
        }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    private static async Task<(string ConversationId, string Token)> Session(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/webchat/session", new { }, Cancel);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        return (body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!);
    }

    /// <summary>A large body over a plain socket, so an answer that comes before the body is all sent is still heard.</summary>
    private async Task<string> RawPost(string path, string contentType, int bodyBytes, bool chunked, string? bearer, string start = "")
    {
        var body = new byte[bodyBytes];
        Encoding.ASCII.GetBytes(start).CopyTo(body, 0);
        var headers = new List<(string, string)> { ("Content-Type", contentType) };
        if (bearer is not null)
        {
            headers.Add(("Authorization", "Bearer " + bearer));
        }

        var response = await RawHttp.Send(_host.Port, "POST", path, headers, body, chunked, Cancel);
        return response.Head + "\r\n\r\n" + response.Body;
    }

    /// <summary>A body sent without Content-Length, in chunks, as the review's attack sent it.</summary>
    private static StreamContent Chunked(byte[] body, string contentType)
    {
        var content = new StreamContent(new UnknownLength(new MemoryStream(body)));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private sealed class UnknownLength(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
