using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Channels.DirectLine;
using Assistant.Tests.Infrastructure;
using Marten;

namespace Assistant.Tests.Desk.Api;

/// <summary>
/// The loop through the desk API: a department signs for a ticket filed from a web chat, asks for material, the
/// enterprise answers in the chat, the department resolves it, the outcome and the rating question arrive in the
/// chat, the enterprise rates it and it is archived. Two people at once, stale pages and other departments.
/// </summary>
public sealed class DeskFlowTests(PostgresServer server) : IAsyncLifetime
{
    private DeskHost _host = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _host = new DeskHost(server, PostgresServer.NewSchema("deskflow"));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_ticket_goes_from_sign_for_to_archive_and_the_enterprise_is_told_each_step_in_its_chat()
    {
        var (conversation, token) = await Chat();
        var ticket = await _host.File(FromChat(conversation));
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        var clerk = await _host.SignIn("wangfang");

        var signed = await clerk.Json(await clerk.Post($"/api/desk/tickets/{ticket.Id}/sign-for", null));
        Assert.Equal("已签收", signed.GetProperty("ticket").GetProperty("statusName").GetString());
        Assert.Contains($"您的诉求 {ticket.Number} 已由自然资源和规划局签收，承办人员将尽快与您联系。", await Said(conversation, token));

        var waiting = await clerk.Json(await clerk.Post($"/api/desk/tickets/{ticket.Id}/request-information", new { request = "请补充现有厂房的不动产证复印件" }));
        Assert.Contains(await Said(conversation, token), t => t.StartsWith($"为办理您的诉求 {ticket.Number}，承办部门请您补充：请补充现有厂房的不动产证复印件", StringComparison.Ordinal));
        Assert.Contains(waiting.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("card").GetString() == "paused"
            && d.GetProperty("leftText").GetString()!.StartsWith("暂停计时，剩余", StringComparison.Ordinal));

        await Post(conversation, token, new { type = "message", text = $"补充 {ticket.Number}：不动产证复印件明天送到服务中心" });
        Assert.Contains("已收到，您补充的内容已转交承办部门。", await Said(conversation, token));
        var page = await clerk.Json(await clerk.Get($"/api/desk/tickets/{ticket.Id}"));
        Assert.Equal("办理中", page.GetProperty("ticket").GetProperty("statusName").GetString());
        Assert.Contains(page.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("what").GetString() == "补充材料：不动产证复印件明天送到服务中心");

        await clerk.Json(await clerk.Post($"/api/desk/tickets/{ticket.Id}/resolve", new { outcome = "已在新材料产业园为贵企业预留二十亩工业用地，下周一现场踏勘。" }));
        var card = (await Activities(conversation, token)).Last(a => a.TryGetProperty("attachments", out _));
        var content = card.GetProperty("attachments")[0].GetProperty("content").GetRawText();
        Assert.Contains($"您的诉求 {ticket.Number} 已办结", content, StringComparison.Ordinal);
        Assert.Contains("已在新材料产业园为贵企业预留二十亩工业用地", content, StringComparison.Ordinal);

        await Post(conversation, token, new { type = "message", value = new { action = "rate", ticket = ticket.Number, rating = "Satisfied" } });
        Assert.Contains("感谢您的评价！", await Said(conversation, token));
        await using var session = _host.Store.QuerySession();
        var archived = (await session.LoadAsync<Ticket>(ticket.Id, Cancel))!;
        Assert.Equal(TicketStatus.Closed, archived.Status);
        Assert.NotNull(archived.OutcomeDeliveredAt);
    }

    [Fact]
    public async Task An_enterprise_that_unsubscribed_hears_no_step_but_still_gets_the_outcome()
    {
        var (conversation, token) = await Chat();
        var ticket = await _host.File(FromChat(conversation));
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        var clerk = await _host.SignIn("wangfang");

        await Post(conversation, token, new { type = "message", text = "退订进度提醒" });
        Assert.Contains(await Said(conversation, token), t => t.StartsWith("好的，已为您退订进度提醒。办理结果、需要您补充材料的通知和承办部门的答复仍会发给您。", StringComparison.Ordinal));

        await clerk.Json(await clerk.Post($"/api/desk/tickets/{ticket.Id}/sign-for", null));
        await clerk.Json(await clerk.Post($"/api/desk/tickets/{ticket.Id}/resolve", new { outcome = "已在新材料产业园为贵企业预留二十亩工业用地，下周一现场踏勘。" }));

        var activities = await Activities(conversation, token);
        Assert.DoesNotContain(await Said(conversation, token), t => t.Contains("签收", StringComparison.Ordinal));
        Assert.Contains(activities, a => a.TryGetProperty("attachments", out var cards) && cards.GetRawText().Contains($"您的诉求 {ticket.Number} 已办结", StringComparison.Ordinal));

        await Post(conversation, token, new { type = "message", text = "订阅进度提醒" });
        Assert.Contains("好的，已为您恢复进度提醒，诉求每有进展都会告诉您。", await Said(conversation, token));
    }

    [Fact]
    public async Task Files_the_enterprise_sends_as_material_are_on_the_ticket_for_its_staff_and_nobody_else()
    {
        var (conversation, token) = await Chat();
        var ticket = await _host.File(FromChat(conversation));
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        await _host.AddStaff("chenjing", "陈静", "finance", StaffRole.Staff);
        var clerk = await _host.SignIn("wangfang");
        await clerk.Json(await clerk.Post($"/api/desk/tickets/{ticket.Id}/sign-for", null));
        await clerk.Json(await clerk.Post($"/api/desk/tickets/{ticket.Id}/request-information", new { request = "请补充现有厂房的不动产证复印件" }));

        await Post(conversation, token, new { type = "message", text = $"补充 {ticket.Number}" });
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("{\"type\":\"message\"}", System.Text.Encoding.UTF8, "application/json"), "activity", "blob");
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("%PDF-1.4 不动产证")) { Headers = { ContentType = new("application/pdf") } }, "file", "不动产证.pdf");
        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/upload") { Content = form };
        upload.Headers.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await _host.Anonymous().SendAsync(upload, Cancel)).StatusCode);
        Assert.Contains("已收到，您补充的内容已转交承办部门。", await Said(conversation, token));

        var page = await clerk.Json(await clerk.Get($"/api/desk/tickets/{ticket.Id}"));
        var provided = page.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("what").GetString()!.StartsWith("补充材料", StringComparison.Ordinal));
        var link = provided.GetProperty("files")[0];
        Assert.Equal("不动产证.pdf", link.GetProperty("name").GetString());
        var url = link.GetProperty("url").GetString()!;
        var download = await clerk.Get(url);
        Assert.Equal("%PDF-1.4 不动产证", await download.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _host.SignIn("chenjing")).Get(url)).StatusCode);
        var other = await _host.File(Requests.Land());
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Get(url.Replace(ticket.Id.ToString(), other.Id.ToString(), StringComparison.Ordinal))).StatusCode);
    }

    [Fact]
    public async Task Two_staff_signing_for_at_once_one_wins_and_the_other_sees_who()
    {
        var ticket = await _host.File(Requests.Land());
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        await _host.AddStaff("liqiang", "李强", "natural-resources", StaffRole.Staff);
        var (first, second) = (await _host.SignIn("wangfang"), await _host.SignIn("liqiang"));

        var answers = await Task.WhenAll(first.Post($"/api/desk/tickets/{ticket.Id}/sign-for", null), second.Post($"/api/desk/tickets/{ticket.Id}/sign-for", null));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var lost = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Matches("已由(王芳|李强)于.*签收，无需重复签收。", JsonDocument.Parse(await lost.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_page_that_did_not_see_the_latest_step_is_told_instead_of_acting()
    {
        var ticket = await _host.File(Requests.Land());
        await _host.AddStaff("wangfang", "王芳", "natural-resources", StaffRole.Staff);
        var clerk = await _host.SignIn("wangfang");
        var opened = await clerk.Get($"/api/desk/tickets/{ticket.Id}");
        var etag = opened.Headers.ETag!.Tag;
        await clerk.Json(await clerk.Post($"/api/desk/tickets/{ticket.Id}/sign-for", null));

        var stale = await clerk.Post($"/api/desk/tickets/{ticket.Id}/note", new { text = "已与园区管委会沟通" }, ifMatch: etag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(3, await _host.Events(ticket.Id));
    }

    [Fact]
    public async Task Another_departments_ticket_can_be_neither_seen_nor_acted_on_and_nothing_is_written()
    {
        var ticket = await _host.File(Requests.Land());
        await _host.AddStaff("chenjing", "陈静", "finance", StaffRole.Staff);
        var other = await _host.SignIn("chenjing");
        var before = await _host.Events(ticket.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.Get($"/api/desk/tickets/{ticket.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Post($"/api/desk/tickets/{ticket.Id}/sign-for", null)).StatusCode);
        Assert.Equal(0, (await other.Json(await other.Get("/api/desk/tickets?queue=all"))).GetProperty("total").GetInt64());
        Assert.Equal(before, await _host.Events(ticket.Id));
    }

    /// <summary>A Direct Line conversation of the enterprise user dl_liuyang: its id and token.</summary>
    private async Task<(string Conversation, string Token)> Chat()
    {
        using var http = _host.Anonymous();
        http.DefaultRequestHeaders.Authorization = new("Bearer", DirectLineHost.Secret);
        var generated = JsonDocument.Parse(await (await http.PostAsJsonAsync("/v3/directline/tokens/generate", new { user = new { id = "dl_liuyang", name = "刘洋" } }, Cancel)).Content.ReadAsStringAsync(Cancel)).RootElement;
        var token = generated.GetProperty("token").GetString()!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = JsonContent.Create(new { locale = "zh-CN" }) };
        start.Headers.Authorization = new("Bearer", token);
        var started = JsonDocument.Parse(await (await _host.Anonymous().SendAsync(start, Cancel)).Content.ReadAsStringAsync(Cancel)).RootElement;
        return (started.GetProperty("conversationId").GetString()!, started.GetProperty("token").GetString()!);
    }

    private static SubmitTicket FromChat(string conversation) => Requests.Land() with
    {
        Channel = "directline",
        Conversation = new ConversationReference("directline", "http://localhost/", conversation, "dl_liuyang", "youqiubiying", "刘洋", "zh-CN"),
        SubmittedBy = "directline:dl_liuyang",
    };

    private async Task Post(string conversation, string token, object activity)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities") { Content = JsonContent.Create(activity) };
        post.Headers.Authorization = new("Bearer", token);
        var response = await _host.Anonymous().SendAsync(post, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<List<JsonElement>> Activities(string conversation, string token)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities");
        get.Headers.Authorization = new("Bearer", token);
        var set = JsonDocument.Parse(await (await _host.Anonymous().SendAsync(get, Cancel)).Content.ReadAsStringAsync(Cancel)).RootElement;
        return [.. set.GetProperty("activities").EnumerateArray()];
    }

    private async Task<List<string>> Said(string conversation, string token) =>
        (await Activities(conversation, token)).Where(a => a.GetProperty("from").GetProperty("role").GetString() == "bot" && a.TryGetProperty("text", out _))
            .Select(a => a.GetProperty("text").GetString()!).ToList();
}
