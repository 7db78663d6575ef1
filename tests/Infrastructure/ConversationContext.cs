using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Conversations;
using Assistant.Dialogs.Conversations.Tickets;
using Assistant.Dialogs.Conversations.Submit;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.State;
using Assistant.Dialogs.Turns;
using Assistant.Dialogs.Understanding;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Tests.Infrastructure;

/// <summary>The enterprise bot on real PostgreSQL, with the real understanding, for transcript tests.</summary>
public abstract class ConversationContext(PostgresServer server) : DeskContext(server)
{
    // Building the recognizer models takes a moment; every test shares one understander, as the host does.
    private static readonly Lazy<RequestUnderstander> SharedUnderstander = new(() => new RequestUnderstander());

    protected static RequestUnderstander Understander => SharedUnderstander.Value;

    protected TurnRunner Host() => new(Store, new EnterpriseBot(Understander, Desk, new LookupGuard(new LookupGuardOptions(), Clock)), [], Clock, NullLogger<TurnRunner>.Instance);

    protected Chat NewChat(string channel = "test", string locale = "zh-CN", string user = "u-1001") =>
        new(Host(), channel, locale, userId: user);

    /// <summary>The request being put together in a chat, read from the stored dialog stack.</summary>
    protected async Task<RequestDraft?> Draft(Chat chat)
    {
        await using var session = Store.QuerySession();
        var state = await session.LoadAsync<ConversationState>(ConversationState.KeyFor(chat.ChannelId, chat.ConversationId), Cancel);
        var submit = state?.Dialogs.DialogStack.FirstOrDefault(d => d.Id == SubmitRequestDialog.Name);
        var inner = submit?.State["dialogs"]?.Deserialize<DialogState>(ActivityJson.Options);
        var loop = inner?.DialogStack.LastOrDefault();
        return loop?.State["values"] is JsonNode values ? values.Deserialize<RequestDraft>(ActivityJson.Options) : null;
    }

    protected async Task<IReadOnlyList<Dialogs.Desk.Tickets.Ticket>> Tickets()
    {
        await using var session = Store.QuerySession();
        return await session.Query<Dialogs.Desk.Tickets.Ticket>().ToListAsync(Cancel);
    }

    /// <summary>Says each line in turn and returns the whole transcript, for the test output when something fails.</summary>
    protected static async Task<string> Script(Chat chat, params string[] lines)
    {
        var transcript = new List<string>();
        foreach (var line in lines)
        {
            transcript.Add("用户：" + line);
            var replies = await chat.Says(line);
            transcript.AddRange(replies.Select(r => "助手：" + (r.Text ?? r.Summary ?? "[卡片]")));
        }

        return string.Join("\n", transcript);
    }
}
