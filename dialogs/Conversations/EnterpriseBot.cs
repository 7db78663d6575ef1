using System.Text.Json;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Conversations.Submit;
using Assistant.Dialogs.Conversations.Tickets;
using Assistant.Dialogs.Desk.Enterprises;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.State;
using Assistant.Dialogs.Turns;
using Assistant.Dialogs.Understanding;
using Marten;

namespace Assistant.Dialogs.Conversations;

/// <summary>
/// The enterprise side of the assistant: welcome, help and interruptions, then whatever the user asks for — a new
/// request in their own words, progress of a ticket, their list of tickets, adding to, withdrawing or rating one.
/// </summary>
public sealed class EnterpriseBot : ActivityHandler
{
    public const int MaxMessageLength = 2000;

    private readonly RequestUnderstander _understander;
    private readonly TicketDesk _desk;
    private readonly SubmitRequestDialog _submit;
    private readonly DialogSet _dialogs;

    public EnterpriseBot(RequestUnderstander understander, TicketDesk desk, LookupGuard lookups)
    {
        _understander = understander;
        _desk = desk;
        _submit = new SubmitRequestDialog(understander, desk);
        _dialogs = new DialogSet()
            .Add(_submit)
            .Add(new TicketLookupDialog(desk, lookups))
            .Add(new AddInformationDialog(desk))
            .Add(new WithdrawDialog(desk))
            .Add(new RateDialog(desk));
    }

    protected override Task OnMembersAdded(TurnContext turn, IReadOnlyList<ChannelAccount> members, CancellationToken cancellation)
    {
        if (members.Count > 0)
        {
            Welcome(turn);
        }

        return Task.CompletedTask;
    }

    protected override Task OnEvent(TurnContext turn, CancellationToken cancellation)
    {
        // Web Chat pages that cannot rely on conversationUpdate send this event when they open.
        if (turn.Activity.Name == "webchat/join")
        {
            Welcome(turn);
        }

        return Task.CompletedTask;
    }

    protected override async Task OnMessage(TurnContext turn, CancellationToken cancellation)
    {
        var p = Phrases.For(turn.Locale);
        var text = turn.Activity.Text ?? "";
        var conversation = turn.Get<ConversationState>()!;
        var dc = _dialogs.CreateContext(turn, conversation.Dialogs);
        if (BadInput(turn, text, dc.ActiveDialog is not null, p))
        {
            return;
        }

        switch (Commands.Of(text))
        {
            case Command.Cancel:
                var cancelled = await dc.CancelAll(cancellation);
                SendMenu(turn, cancelled.Status == DialogTurnStatus.Cancelled ? p.Cancelled : p.NothingToCancel, p);
                return;
            case Command.Restart:
                await dc.CancelAll(cancellation);
                conversation.Welcomed = false;
                Welcome(turn);
                return;
            case Command.Menu:
                await dc.CancelAll(cancellation);
                SendMenu(turn, p.WhatCanIDo, p);
                return;
            case Command.StopReminders or Command.ResumeReminders:
                Remind(turn, Commands.Of(text) == Command.ResumeReminders, p);
                if (dc.ActiveDialog is not null)
                {
                    await dc.Reprompt(cancellation);
                }

                return;
            case Command.Help:
                turn.SendActivity(p.Help);
                if (dc.ActiveDialog is null)
                {
                    SendMenu(turn, p.WhatCanIDo, p);
                }
                else
                {
                    await dc.Reprompt(cancellation);
                }

                return;
        }

        if (dc.ActiveDialog?.Id == TicketLookupDialog.Name && TicketViews.Find(text).Number is null && IsRequest(text))
        {
            // Asked for a number, the user describes a problem instead ("那我重新报一个吧：…"): that is a new request.
            await dc.CancelAll(cancellation);
            await Route(dc, text, p, cancellation);
            return;
        }

        var result = await dc.Continue(cancellation);
        if (result.Status == DialogTurnStatus.Empty)
        {
            await Route(dc, text, p, cancellation);
        }
    }

    /// <summary>退订/订阅进度提醒, kept in the turn's commit; the outcome and the department's questions come regardless.</summary>
    private void Remind(TurnContext turn, bool on, Phrases p)
    {
        turn.Get<IDocumentSession>()?.Store(new ProgressReminders { Id = EnterpriseUser.Of(turn.Activity), Off = !on, ChangedAt = _desk.Now() });
        turn.SendActivity(on
            ? (p.English ? "Progress updates are on again: you will hear of each step of your requests." : "好的，已为您恢复进度提醒，诉求每有进展都会告诉您。")
            : (p.English
                ? "Progress updates are off. You will still receive the outcome, requests for material and the department's replies. Send \"subscribe\" to turn them on again."
                : "好的，已为您退订进度提醒。办理结果、需要您补充材料的通知和承办部门的答复仍会发给您。如需恢复，请发送“订阅进度提醒”。"));
    }

    /// <summary>Words that speak of a problem (a cue of some category, and a need), not a mistyped number or code.</summary>
    private bool IsRequest(string text) => _understander.Understand(text) is { HasNeed: true, Evidence.Count: > 0 };

    /// <summary>A message with no dialog waiting: decide what the user wants.</summary>
    private async Task Route(DialogContext dc, string text, Phrases p, CancellationToken cancellation)
    {
        var turn = dc.Turn;
        if (string.IsNullOrWhiteSpace(text))
        {
            await CardAction(dc, p, cancellation);
            return;
        }

        var said = UserText.Normalize(text);
        if (said == UserText.Normalize(p.MenuSubmit) || said is "提交诉求" or "我要提交诉求" or "submitarequest")
        {
            await dc.Begin(SubmitRequestDialog.Name, _submit.Start(null, turn), cancellation);
            return;
        }

        if (said == UserText.Normalize(p.MenuMine) || said is "我的诉求" or "myrequests")
        {
            await using var session = _desk.Store.QuerySession();
            var mine = await LookUpTicket.SubmittedBy(session, EnterpriseUser.Of(turn.Activity), 10, cancellation);
            turn.SendActivity(TicketViews.List(turn.Activity.CreateReply(), mine, _desk.Rules, p));
            return;
        }

        var (number, _) = TicketViews.Find(text);
        if (said == UserText.Normalize(p.MenuStatus) || said is "查询进度" or "checkprogress" || number is not null)
        {
            if (number is not null && await TicketCommand(dc, text, number, cancellation))
            {
                return;
            }

            await dc.Begin(TicketLookupDialog.Name, new LookupState { Text = number is null ? null : text }, cancellation);
            return;
        }

        var understood = _understander.Understand(text);
        if (ProgressEnquiry.Is(text) && !(understood.IsConfident && understood.Confidence >= 0.8 && !ProgressEnquiry.Latest(text)))
        {
            if (await ProgressAnswer.For(turn, _desk, ProgressEnquiry.Latest(text), p, cancellation) is { } progress)
            {
                turn.SendActivity(progress);
                return;
            }

            turn.SendActivity(p.English
                ? "You have not submitted a request from this account yet. If you filed one another way, send its number; for a new problem, just describe it."
                : "您还没有通过本账号提交过诉求。如果是通过其他方式提交的，请发送诉求编号；如有新的问题，直接描述即可。");
            await dc.Begin(TicketLookupDialog.Name, new LookupState(), cancellation);
            return;
        }

        // A greeting gets a greeting; anything else is the start of the request, in the user's words.
        var greeting = !understood.HasNeed && RequestUnderstander.IsGreeting(text);
        var draft = _submit.Start(greeting ? null : text, turn);
        if (greeting)
        {
            draft.Saying.Add(p.English ? "Hello!" : "您好！");
        }

        await dc.Begin(SubmitRequestDialog.Name, draft, cancellation);
    }

    /// <summary>"补充 YQ…", "撤回 YQ…", "评价 YQ…" on one's own ticket; false when it is a plain lookup.</summary>
    private async Task<bool> TicketCommand(DialogContext dc, string text, string number, CancellationToken cancellation)
    {
        var said = UserText.Normalize(text);
        var dialog = said.StartsWith("补充", StringComparison.Ordinal) || said.StartsWith("add", StringComparison.Ordinal) ? AddInformationDialog.Name
            : said.StartsWith("撤回", StringComparison.Ordinal) || said.StartsWith("withdraw", StringComparison.Ordinal) ? WithdrawDialog.Name
            : said.StartsWith("评价", StringComparison.Ordinal) || said.StartsWith("rate", StringComparison.Ordinal) ? RateDialog.Name
            : null;
        if (dialog is null)
        {
            return false;
        }

        await StartOnOwnTicket(dc, dialog, number, null, cancellation, dialog == AddInformationDialog.Name ? After(text, number) : null);
        return true;
    }

    /// <summary>What follows the ticket number in the message, without separators: "补充 YQ2026-000123：营业执照已上传" → "营业执照已上传".</summary>
    private static string? After(string text, string number)
    {
        var at = text.IndexOf(number, StringComparison.OrdinalIgnoreCase);
        var rest = at < 0 ? "" : text[(at + number.Length)..].Trim().TrimStart('：', ':', '，', ',', '。', ' ', '-').Trim();
        return rest.Length > 0 ? rest : null;
    }

    private async Task StartOnOwnTicket(DialogContext dc, string dialog, string number, Satisfaction? rating, CancellationToken cancellation, string? text = null)
    {
        var p = Phrases.For(dc.Turn.Locale);
        await using var session = _desk.Store.QuerySession();
        var (ticket, owner) = await FindTicket.For(session, number, null, EnterpriseUser.Of(dc.Turn.Activity), cancellation);
        if (ticket is null || !owner)
        {
            dc.Turn.SendActivity(p.English
                ? $"I cannot find request {number} among the requests submitted from this account."
                : $"在您通过本账号提交的诉求中没有找到 {number}，请核对编号。");
            return;
        }

        if (dialog == RateDialog.Name && ticket.Status != TicketStatus.Resolved)
        {
            dc.Turn.SendActivity(p.English
                ? $"Request {ticket.Number} is {(ticket.Status == TicketStatus.Closed ? "already closed" : "not resolved yet")}; it can be rated once it is resolved."
                : ticket.Status == TicketStatus.Closed ? $"诉求 {ticket.Number} 已归档，无需再评价。" : $"诉求 {ticket.Number} 尚未办结，办结后即可评价。");
            return;
        }

        await dc.Begin(dialog, new TicketAction { TicketId = ticket.Id, Number = ticket.Number, Rating = rating, Text = text }, cancellation);
    }

    /// <summary>A card button pressed outside any dialog: the rating buttons of an outcome report, or an expired card.</summary>
    private async Task CardAction(DialogContext dc, Phrases p, CancellationToken cancellation)
    {
        var value = dc.Turn.Activity.Value;
        if (value is { ValueKind: JsonValueKind.Object } v
            && v.TryGetProperty("action", out var action) && action.ValueEquals("rate")
            && v.TryGetProperty("ticket", out var number) && number.GetString() is { Length: > 0 } ticketNumber)
        {
            Satisfaction? rating = v.TryGetProperty("rating", out var r) && Enum.TryParse<Satisfaction>(r.GetString(), ignoreCase: true, out var parsed) ? parsed : null;
            await StartOnOwnTicket(dc, RateDialog.Name, ticketNumber, rating, cancellation);
            return;
        }

        SendMenu(dc.Turn, p.UnknownCard, p);
    }

    private static bool BadInput(TurnContext turn, string text, bool dialogActive, Phrases p)
    {
        var refused = RefusedFile.In(turn.Activity);
        if (refused.Count > 0)
        {
            turn.SendActivity(p.FilesRefused(refused));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            if (turn.Activity.Value is null && turn.Activity.Attachments is not { Count: > 0 })
            {
                if (refused.Count == 0)
                {
                    turn.SendActivity(p.EmptyMessage);
                }

                return true;
            }

            if (turn.Activity.Value is null && !dialogActive)
            {
                turn.SendActivity(p.English
                    ? "Thank you. To add files to a request, send \"add <request number>\" and then the files; otherwise please describe your request in words."
                    : "收到附件，谢谢。如需把文件补充到已提交的诉求，请先发送“补充 诉求编号”，再发送文件；如要提交新诉求，请用文字说明。");
                return true;
            }

            return false;
        }

        if (text.Length > MaxMessageLength)
        {
            turn.SendActivity(p.TooLong(text.Length, MaxMessageLength));
            return true;
        }

        if (!text.Any(char.IsLetterOrDigit))
        {
            turn.SendActivity(p.OnlySymbols);
            return true;
        }

        return false;
    }

    private static void Welcome(TurnContext turn)
    {
        var conversation = turn.Get<ConversationState>()!;
        if (conversation.Welcomed)
        {
            return;
        }

        conversation.Welcomed = true;
        var p = Phrases.For(turn.Locale);
        turn.SendActivity(p.Welcome);
        SendMenu(turn, p.WhatCanIDo, p);
    }

    private static void SendMenu(TurnContext turn, string text, Phrases p) =>
        turn.SendActivity(turn.Activity.CreateReply(text) with
        {
            SuggestedActions = new SuggestedActions { Actions = p.Menu.Select(m => Activities.CardAction.ImBack(m)).ToList() },
        });
}
