using Assistant.Dialogs.Engine;
using Assistant.Dialogs.State;
using Assistant.Dialogs.Turns;

namespace Assistant.Tests.Engine;

/// <summary>A small bot that books a site visit, written only to exercise the dialog engine.</summary>
public sealed class VisitBot : ActivityHandler
{
    private readonly DialogSet _dialogs = new DialogSet().Add(new VisitDialog());

    protected override async Task OnMessage(TurnContext turn, CancellationToken cancellation)
    {
        switch (turn.Activity.Text)
        {
            case "boom":
                throw new InvalidOperationException("A fault the user must never see.");
            case "late boom":
                // A bug found after the turn had already changed the conversation.
                turn.Get<ConversationState>()!.Dialogs.DialogStack.Clear();
                throw new InvalidOperationException("A fault the user must never see.");
            case "database down":
                throw new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:5432");
        }

        var dc = _dialogs.CreateContext(turn, turn.Get<ConversationState>()!.Dialogs);
        var result = await dc.Continue(cancellation);
        if (result.Status == DialogTurnStatus.Empty)
        {
            await dc.Begin(nameof(VisitDialog), null, cancellation);
        }
    }
}

public sealed class Visit
{
    public string? Company { get; set; }

    public decimal People { get; set; }

    public string? When { get; set; }

    public string? Department { get; set; }
}

public sealed class VisitDialog : ComponentDialog
{
    public VisitDialog()
        : base(nameof(VisitDialog))
    {
        AddDialog(new TextPrompt("company"));
        AddDialog(new NumberPrompt("people", (v, _) =>
        {
            if (v.Recognized.Succeeded && v.Recognized.Value > 0)
            {
                return Task.FromResult(true);
            }

            v.Turn.SendActivity("人数需要是大于0的数字，例如“3”或“三”。");
            return Task.FromResult(false);
        }));
        AddDialog(new DateTimePrompt("when"));
        AddDialog(new ChoicePrompt("department"));
        AddDialog(new ConfirmPrompt("confirm"));
        AddDialog(new WaterfallDialog<Visit>("steps",
        [
            (s, ct) => s.Prompt("company", PromptOptions.Asking("请问贵公司名称？"), ct),
            (s, ct) =>
            {
                s.Values.Company = (string)s.Result!;
                return s.Prompt("people", PromptOptions.Asking("来访几人？", "请告诉我来访人数。"), ct);
            },
            (s, ct) =>
            {
                s.Values.People = (decimal)s.Result!;
                return s.Prompt("when", PromptOptions.Asking("希望哪天来访？不确定可以回复“跳过”。", "没有听懂日期，请换个说法，例如“下周三”。") with { SkipWords = ["跳过"] }, ct);
            },
            (s, ct) =>
            {
                s.Values.When = (s.Result as DateTimeResolution)?.Text;
                return s.Prompt("department", PromptOptions.Asking("想拜访哪个部门？", "请从下面选一个。", [new("发改委"), new("商务局"), new("科技局", ["科学技术局"])]), ct);
            },
            (s, ct) =>
            {
                s.Values.Department = ((FoundChoice)s.Result!).Value;
                return s.Prompt("confirm", PromptOptions.Asking($"{s.Values.Company}，{s.Values.People}人，{s.Values.When ?? "时间待定"}，拜访{s.Values.Department}，确认吗？"), ct);
            },
            (s, ct) =>
            {
                s.Turn.SendActivity((bool)s.Result! ? "已预约。" : "已取消预约。");
                return s.End(s.Values, ct);
            },
        ]));
    }

    protected override string InitialDialogId => "steps";

    protected override async Task<DialogTurnResult> OnContinue(DialogContext inner, CancellationToken cancellation)
    {
        if (UserText.Normalize(inner.Turn.Activity.Text) == "帮助")
        {
            inner.Turn.SendActivity("这是预约来访的帮助：按提示回答即可。");
            await inner.Reprompt(cancellation);
            return DialogTurnResult.Waiting;
        }

        return await base.OnContinue(inner, cancellation);
    }
}
