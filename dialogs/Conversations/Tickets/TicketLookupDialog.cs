using Assistant.Dialogs.Desk.Tickets;
using Assistant.Dialogs.Engine;
using Marten;

namespace Assistant.Dialogs.Conversations.Tickets;

public sealed class LookupState
{
    public string? Text { get; set; }

    public int Attempts { get; set; }
}

/// <summary>查询进度: a ticket number (and, for someone else's ticket, its 查询码) shows the ticket and its progress.</summary>
public sealed class TicketLookupDialog : ComponentDialog
{
    public const string Name = "ticketLookup";
    private readonly TicketDesk _desk;
    private readonly LookupGuard _guard;

    public TicketLookupDialog(TicketDesk desk, LookupGuard guard)
        : base(Name)
    {
        _desk = desk;
        _guard = guard;
        AddDialog(new TextPrompt("lookup-number"));
        AddDialog(new WaterfallDialog<LookupState>("lookup", [AskNumber, Show]));
    }

    protected override string InitialDialogId => "lookup";

    private static Task<DialogTurnResult> AskNumber(WaterfallStepContext<LookupState> step, CancellationToken cancellation)
    {
        var p = Phrases.For(step.Turn.Locale);
        return step.Values.Text is { } text
            ? step.Next(text, cancellation)
            : step.Prompt("lookup-number", PromptOptions.Asking(p.English
                ? "Please enter the request number and its query code, e.g. YQ2026-000123 K7M4QX."
                : "请输入诉求编号和查询码，例如：YQ2026-000123 K7M4QX（查询自己提交的诉求只需编号）。"), cancellation);
    }

    private async Task<DialogTurnResult> Show(WaterfallStepContext<LookupState> step, CancellationToken cancellation)
    {
        var p = Phrases.For(step.Turn.Locale);
        var (number, code) = TicketViews.Find(step.Result as string);
        if (number is not null)
        {
            var conversation = $"{step.Turn.Activity.ChannelId}:{step.Turn.Activity.Conversation?.Id}";
            await using var session = _desk.Store.QuerySession();
            var (ticket, owner) = await FindTicket.For(session, number, null, EnterpriseUser.Of(step.Turn.Activity), cancellation);
            if (ticket is null && await _guard.IsLocked(session, conversation, number, cancellation))
            {
                _guard.Refused(conversation, number);
                step.Turn.SendActivity(p.English
                    ? $"To protect enterprises' information, lookups are paused after several failed attempts. Please try again in {_guard.WindowMinutes} minutes."
                    : $"为保护企业信息，查询失败次数较多，查询功能已暂停，请{_guard.WindowMinutes}分钟后再试。如需帮助，请联系营商环境服务中心。");
                return await step.End(null, cancellation);
            }

            if (ticket is null && code is not null)
            {
                ticket = await LookUpTicket.ByNumberAndCode(session, number, code, cancellation);
            }

            if (ticket is not null)
            {
                step.Turn.SendActivity(await TicketViews.Detail(step.Turn.Activity.CreateReply(), ticket, session, _desk.Rules, p, owner, cancellation));
                return await step.End(ticket, cancellation);
            }

            if (step.Turn.Get<IDocumentSession>() is { } turnSession)
            {
                _guard.Failed(turnSession, conversation, number);
            }
        }

        var notFound = number is null
            ? (p.English ? "I could not find a request number in that. It looks like YQ2026-000123." : "没有识别到诉求编号，编号格式如：YQ2026-000123。")
            : (p.English ? $"No request {number} matches that query code. Please check both." : $"没有找到与查询码匹配的诉求 {number}，请核对编号和查询码。");
        step.Turn.SendActivity(notFound);
        return step.Values.Attempts++ < 1
            ? await step.Replace("lookup", new LookupState { Attempts = step.Values.Attempts }, cancellation)
            : await step.End(null, cancellation);
    }
}
