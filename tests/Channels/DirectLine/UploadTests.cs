using System.Net;
using System.Text;
using System.Text.Json;
using Assistant.Bot.Channels.DirectLine;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Tests.Channels.DirectLine;

/// <summary>
/// Files sent through the web chat: only kinds recognised by their content are kept, within the size limit and the
/// conversation's quota; the others are named in a polite reply. A file is served only with the conversation's
/// token or a short-lived signed link, and always as a download no browser renders.
/// </summary>
public sealed class UploadTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    private readonly string _schema = PostgresServer.NewSchema("upload");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));
    private DirectLineHost _host = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _host = new DirectLineHost(server, _schema, _clock, new Dictionary<string, string> { ["Uploads:MaxFilesPerDay"] = "3", ["Uploads:MaxFileMegabytes"] = "1" });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_pdf_is_kept_and_served_as_a_download_through_a_signed_link_that_expires()
    {
        var (id, token, _) = await _host.Start();

        var (echo, replies) = await Upload(id, token, ("营业执照.pdf", "application/pdf", Encoding.UTF8.GetBytes("%PDF-1.4 营业执照")));

        var attachment = echo.GetProperty("attachments")[0];
        Assert.Equal(("application/pdf", "营业执照.pdf"), (attachment.GetProperty("contentType").GetString(), attachment.GetProperty("name").GetString()));
        var link = new Uri(attachment.GetProperty("contentUrl").GetString()!);
        Assert.Contains("&s=", link.Query, StringComparison.Ordinal);
        var download = await _host.Client().GetAsync(link.PathAndQuery, Cancel);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("%PDF-1.4 营业执照", await download.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("营业执照.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains(replies, r => r.StartsWith("收到附件", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, (await _host.Client().GetAsync(link.AbsolutePath, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.Client(token).GetAsync(link.AbsolutePath, Cancel)).StatusCode);
        var stranger = await _host.Start("dl_stranger");
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.Client(stranger.Token).GetAsync(link.AbsolutePath, Cancel)).StatusCode);
        _clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.Client().GetAsync(link.PathAndQuery, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Html_named_with_a_trailing_slash_is_refused_politely_and_nothing_is_stored()
    {
        var (id, token, _) = await _host.Start();

        var (echo, replies) = await Upload(id, token, ("a/", "text/html", Encoding.UTF8.GetBytes("<script>alert(localStorage.getItem('youqiubiying.chat'))</script>")));

        Assert.False(echo.TryGetProperty("attachments", out _));
        Assert.Contains(replies, r => r == "抱歉，文件“a”的类型无法接收，可以发送的有图片（JPG、PNG、GIF、WebP、BMP）、PDF、OFD、Word、Excel、PowerPoint 和文本文件。");
        Assert.DoesNotContain(replies, r => r.StartsWith("收到附件", StringComparison.Ordinal));
        Assert.Equal(0, await server.Count(_schema, "mt_doc_uploadedfile"));
    }

    [Theory]
    [InlineData("photo.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("setup.exe", "application/octet-stream", "MZ\u0090\u0000")]
    [InlineData("page.txt", "text/plain", "ok\u0000<script>")]
    public async Task Files_that_are_not_images_documents_or_text_are_refused(string name, string claimedType, string content)
    {
        var (id, token, _) = await _host.Start();

        var (_, replies) = await Upload(id, token, (name, claimedType, Encoding.UTF8.GetBytes(content)));

        Assert.Contains(replies, r => r.Contains("的类型无法接收", StringComparison.Ordinal));
        Assert.Equal(0, await server.Count(_schema, "mt_doc_uploadedfile"));
    }

    [Fact]
    public async Task The_stored_type_comes_from_the_content_not_from_what_the_client_claims()
    {
        var (id, token, _) = await _host.Start();

        var (echo, _) = await Upload(id, token, ("现场照片.html", "text/html", Png));

        var attachment = echo.GetProperty("attachments")[0];
        Assert.Equal(("image/png", "现场照片.png"), (attachment.GetProperty("contentType").GetString(), attachment.GetProperty("name").GetString()));
        var download = await _host.Client().GetAsync(new Uri(attachment.GetProperty("contentUrl").GetString()!).PathAndQuery, Cancel);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Files_over_the_size_limit_or_the_daily_quota_are_refused_with_the_reason()
    {
        var (id, token, _) = await _host.Start();

        var (_, large) = await Upload(id, token, ("扫描件.pdf", "application/pdf", [.. "%PDF-1.7 "u8, .. new byte[1024 * 1024]]));
        Assert.Contains("抱歉，文件“扫描件.pdf”太大，未能接收，请压缩或拆分后再发送。", large);

        for (var i = 1; i <= 3; i++)
        {
            await Upload(id, token, ($"材料{i}.pdf", "application/pdf", Encoding.UTF8.GetBytes($"%PDF-1.4 {i}")));
        }

        var (echo, replies) = await Upload(id, token, ("材料4.pdf", "application/pdf", Encoding.UTF8.GetBytes("%PDF-1.4 4")));
        Assert.False(echo.TryGetProperty("attachments", out _));
        Assert.Contains(replies, r => r.Contains("本次对话发送的文件已达上限，文件“材料4.pdf”未能接收", StringComparison.Ordinal));
        Assert.Equal(3, await server.Count(_schema, "mt_doc_uploadedfile"));

        _clock.Advance(TimeSpan.FromHours(25));
        var tokens = _host.Services.GetRequiredService<DirectLineTokens>();
        var fresh = await tokens.Issue(new TokenClaims(id, "dl_liuyang", null, TokenKind.Conversation), Cancel);
        var (tomorrow, _) = await Upload(id, fresh, ("材料5.pdf", "application/pdf", Encoding.UTF8.GetBytes("%PDF-1.4 5")));
        Assert.True(tomorrow.TryGetProperty("attachments", out _));
    }

    [Fact]
    public async Task A_part_that_is_not_multipart_is_refused_and_a_file_id_that_is_not_one_is_not_found()
    {
        var (id, token, _) = await _host.Start();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType,
            (await _host.Client(token).PostAsync($"/v3/directline/conversations/{id}/upload", new StringContent("{}", Encoding.UTF8, "application/json"), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client(token).GetAsync($"/v3/directline/conversations/{id}/files/..%2F..%2Fetc%2Fpasswd", Cancel)).StatusCode);
    }

    /// <summary>Uploads as DLJS does; the echo and the bot's replies to it.</summary>
    private async Task<(JsonElement Echo, string[] Replies)> Upload(string conversationId, string token, params (string Name, string Type, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent();
        var activity = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"type\":\"message\",\"from\":{\"id\":\"dl_liuyang\",\"name\":\"营商环境服务中心\"}}"));
        activity.Headers.ContentType = new("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        foreach (var (name, type, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new(type);
            form.Add(file, "file", name);
        }

        var posted = await DirectLineHost.Json(await _host.Client(token).PostAsync($"/v3/directline/conversations/{conversationId}/upload", form, Cancel));
        var echoId = posted.GetProperty("id").GetString();
        var history = await DirectLineHost.Json(await _host.Client(token).GetAsync($"/v3/directline/conversations/{conversationId}/activities", Cancel));
        var activities = history.GetProperty("activities").EnumerateArray().ToList();
        var echo = activities.Single(a => a.GetProperty("id").GetString() == echoId);
        Assert.NotEqual("营商环境服务中心", echo.GetProperty("from").TryGetProperty("name", out var n) ? n.GetString() : null);
        var replies = activities.Where(a => a.TryGetProperty("replyToId", out var r) && r.GetString() == echoId && a.TryGetProperty("text", out _))
            .Select(a => a.GetProperty("text").GetString()!).ToArray();
        return (echo, replies);
    }
}
