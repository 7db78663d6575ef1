using System.Net.Http.Json;
using System.Text;
using Assistant.Bot.Retention;
using Assistant.Tests.Channels.DirectLine;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Tests.Retention;

/// <summary>
/// What chats leave behind is removed once it has been idle for Retention:ConversationDays; a conversation an open
/// ticket was filed from stays, and tickets are never touched.
/// </summary>
public sealed class RetentionSweepTests(PostgresServer server) : IAsyncLifetime
{
    private readonly string _schema = PostgresServer.NewSchema("retention");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));
    private DirectLineHost _host = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _host = new DirectLineHost(server, _schema, _clock, new Dictionary<string, string> { ["Retention:ConversationDays"] = "30", ["Retention:Enabled"] = "false" });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Idle_conversations_go_with_their_transcripts_and_files_but_one_with_an_open_ticket_stays_and_tickets_stay()
    {
        var abandoned = await _host.Start("dl_abandoned");
        await Say(abandoned, "你好");
        await UploadPdf(abandoned);
        var filed = await _host.Start("dl_filed");
        foreach (var line in new[] { "招20个普工", "普工", "下个月", "泰州宏力重工有限公司", "跳过", "张伟", "13606182453", "确认提交" })
        {
            await Say(filed, line);
        }

        _clock.Advance(TimeSpan.FromDays(29));
        var sweep = _host.Services.GetRequiredService<RetentionSweep>();
        Assert.Equal(0, (await sweep.RunOnce(Cancel))!.Conversations);

        _clock.Advance(TimeSpan.FromDays(2));
        var report = await sweep.RunOnce(Cancel);

        Assert.Equal((1, 1), (report!.Conversations, report.Files));
        Assert.Equal(1, await server.Count(_schema, "mt_doc_directlineconversation"));
        Assert.Equal(0, await server.Count(_schema, "mt_doc_uploadedfile"));
        Assert.Equal(0, await Count($"mt_doc_transcriptactivity where conversation_id = '{abandoned.Id}'"));
        Assert.NotEqual(0, await Count($"mt_doc_transcriptactivity where conversation_id = '{filed.Id}'"));
        Assert.Equal(1, await server.Count(_schema, "mt_doc_ticket"));
    }

    [Fact]
    public async Task A_file_sent_as_a_tickets_material_stays_with_the_ticket_when_its_conversation_goes()
    {
        var chat = await _host.Start("dl_material");
        foreach (var line in new[] { "招20个普工", "普工", "下个月", "泰州宏力重工有限公司", "跳过", "张伟", "13606182453", "确认提交" })
        {
            await Say(chat, line);
        }

        await using (var session = _host.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession())
        {
            var number = (await Marten.QueryableExtensions.SingleAsync(session.Query<Assistant.Dialogs.Desk.Tickets.Ticket>(), Cancel)).Number;
            await Say(chat, $"补充 {number}");
            await UploadPdf(chat);
            await Say(chat, $"撤回 {number}");
            await Say(chat, "是");
        }

        _clock.Advance(TimeSpan.FromDays(31));
        var report = await _host.Services.GetRequiredService<RetentionSweep>().RunOnce(Cancel);

        Assert.Equal((1, 0), (report!.Conversations, report.Files));
        Assert.Equal(0, await server.Count(_schema, "mt_doc_directlineconversation"));
        Assert.Equal(1, await server.Count(_schema, "mt_doc_uploadedfile"));
    }

    private async Task Say((string Id, string Token, string StreamUrl) conversation, string text) =>
        await DirectLineHost.Json(await _host.Client(conversation.Token).PostAsync(
            $"/v3/directline/conversations/{conversation.Id}/activities", DirectLineHost.Message(text, Guid.NewGuid().ToString("N")), Cancel));

    private async Task UploadPdf((string Id, string Token, string StreamUrl) conversation)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("{\"type\":\"message\"}", Encoding.UTF8, "application/json"), "activity", "blob");
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4 营业执照")) { Headers = { ContentType = new("application/pdf") } }, "file", "营业执照.pdf");
        await DirectLineHost.Json(await _host.Client(conversation.Token).PostAsync($"/v3/directline/conversations/{conversation.Id}/upload", form, Cancel));
    }

    private Task<long> Count(string tableAndCondition) => server.Count(_schema, tableAndCondition);
}
