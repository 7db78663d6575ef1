using Assistant.Dialogs.Desk.Tickets;
using Assistant.Dialogs.Engine;

namespace Assistant.Dialogs.Conversations.Tickets;

/// <summary>The ticket an action is about, carried as the dialog's typed state.</summary>
public sealed class TicketAction
{
    public Guid TicketId { get; set; }

    public string Number { get; set; } = "";

    public Satisfaction? Rating { get; set; }

    /// <summary>What the user already wrote with the command ("补充 YQ2026-000123 营业执照已上传"): not asked again.</summary>
    public string? Text { get; set; }
}

/// <summary>补充材料: the enterprise adds information to its open ticket.</summary>
public sealed class AddInformationDialog : ComponentDialog
{
    public const string Name = "addInformation";

    public AddInformationDialog(TicketDesk desk)
        : base(Name)
    {
        AddDialog(new MaterialPrompt("info-text"));
        AddDialog(new WaterfallDialog<TicketAction>("info",
        [
            (s, ct) => s.Values.Text is { Length: > 0 } given
                ? s.Next(new Material(given, MaterialPrompt.Files(s.Turn.Activity)), ct)
                : s.Prompt("info-text", PromptOptions.Asking(Phrases.For(s.Turn.Locale).English
                    ? $"Please type what you want to add to {s.Values.Number}, or send the files:"
                    : $"请输入需要补充给承办部门的内容，也可以直接发送文件（诉求 {s.Values.Number}）："), ct),
            async (s, ct) =>
            {
                var p = Phrases.For(s.Turn.Locale);
                var material = (Material)s.Result!;
                var result = await desk.InTurn(s.Turn, new ProvideInformation(s.Values.TicketId, EnterpriseUser.Actor(s.Turn.Activity), material.Text, material.Files), ct);
                s.Turn.SendActivity(result.Rejection?.Message ?? (p.English
                    ? "Thank you. Your information has been passed to the department."
                    : "已收到，您补充的内容已转交承办部门。"));
                return await s.End(result.Ticket, ct);
            },
        ]));
    }

    protected override string InitialDialogId => "info";
}

/// <summary>撤回: the enterprise withdraws its open ticket after confirming.</summary>
public sealed class WithdrawDialog : ComponentDialog
{
    public const string Name = "withdraw";

    public WithdrawDialog(TicketDesk desk)
        : base(Name)
    {
        AddDialog(new ConfirmPrompt("withdraw-confirm"));
        AddDialog(new WaterfallDialog<TicketAction>("withdraw-steps",
        [
            (s, ct) => s.Prompt("withdraw-confirm", PromptOptions.Asking(Phrases.For(s.Turn.Locale).English
                ? $"Withdraw request {s.Values.Number}? The department will stop working on it."
                : $"确定要撤回诉求 {s.Values.Number} 吗？撤回后承办部门将停止办理。", Phrases.For(s.Turn.Locale).English ? "Please answer yes or no." : "请回答“是”或“否”。"), ct),
            async (s, ct) =>
            {
                var p = Phrases.For(s.Turn.Locale);
                if (s.Result is not true)
                {
                    s.Turn.SendActivity(p.English ? "OK, the request stays open." : "好的，诉求将继续办理。");
                    return await s.End(null, ct);
                }

                var result = await desk.InTurn(s.Turn, new WithdrawTicket(s.Values.TicketId, EnterpriseUser.Actor(s.Turn.Activity), null), ct);
                s.Turn.SendActivity(result.Rejection?.Message ?? (p.English ? $"Request {s.Values.Number} has been withdrawn." : $"诉求 {s.Values.Number} 已撤回。"));
                return await s.End(result.Ticket, ct);
            },
        ]));
    }

    protected override string InitialDialogId => "withdraw-steps";
}

/// <summary>评价: 满意 / 基本满意 / 不满意, with the reason when not satisfied (the ticket is then handled again).</summary>
public sealed class RateDialog : ComponentDialog
{
    public const string Name = "rate";

    public RateDialog(TicketDesk desk)
        : base(Name)
    {
        AddDialog(new ChoicePrompt("rate-choice"));
        AddDialog(new TextPrompt("rate-comment"));
        AddDialog(new WaterfallDialog<TicketAction>("rate-steps",
        [
            (s, ct) =>
            {
                var p = Phrases.For(s.Turn.Locale);
                return s.Values.Rating is { } given
                    ? s.Next(given, ct)
                    : s.Prompt("rate-choice", PromptOptions.Asking(
                        p.English ? $"How satisfied are you with the handling of {s.Values.Number}?" : $"请您对诉求 {s.Values.Number} 的办理结果进行评价：",
                        p.English ? "Please choose one of the buttons." : "请选择“满意”“基本满意”或“不满意”。",
                        [new("满意", ["satisfied", "非常满意", "好评"]), new("基本满意", ["basically satisfied", "还行", "一般"]), new("不满意", ["dissatisfied", "差评", "没解决"])]), ct);
            },
            (s, ct) =>
            {
                var p = Phrases.For(s.Turn.Locale);
                s.Values.Rating = s.Result switch
                {
                    Satisfaction rating => rating,
                    FoundChoice { Index: 0 } => Satisfaction.Satisfied,
                    FoundChoice { Index: 1 } => Satisfaction.BasicallySatisfied,
                    _ => Satisfaction.Dissatisfied,
                };
                return s.Values.Rating == Satisfaction.Dissatisfied
                    ? s.Prompt("rate-comment", PromptOptions.Asking(
                        p.English ? "We are sorry. What is still unsolved? It will be handled again." : "很抱歉没能让您满意。请简要说明原因或仍未解决的问题，我们将安排重新办理：") with { SkipWords = p.SkipWords }, ct)
                    : s.Next(null, ct);
            },
            async (s, ct) =>
            {
                var p = Phrases.For(s.Turn.Locale);
                var result = await desk.InTurn(s.Turn, new RateTicket(s.Values.TicketId, EnterpriseUser.Actor(s.Turn.Activity), s.Values.Rating!.Value, s.Result as string), ct);
                if (result.Rejection is { } rejection)
                {
                    s.Turn.SendActivity(rejection.Message);
                }
                else if (result.Ticket!.Status == TicketStatus.Handling)
                {
                    s.Turn.SendActivity(p.English
                        ? $"Thank you. {desk.Rules.DepartmentName(result.Ticket.LeadDepartmentId)} will handle it again, due {desk.Rules.Calendar.Describe(result.Ticket.ResolveDue!.Value)}."
                        : $"感谢您的反馈。已安排{desk.Rules.DepartmentName(result.Ticket.LeadDepartmentId)}重新办理，办结时限为{desk.Rules.Calendar.Describe(result.Ticket.ResolveDue!.Value)}前。");
                }
                else
                {
                    s.Turn.SendActivity(p.English ? "Thank you for your rating." : "感谢您的评价！");
                }

                return await s.End(result.Ticket, ct);
            },
        ]));
    }

    protected override string InitialDialogId => "rate-steps";
}
