using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Enterprises;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.State;
using Assistant.Dialogs.Turns;
using Assistant.Dialogs.Understanding;
using Marten;

namespace Assistant.Dialogs.Conversations.Submit;

/// <summary>
/// 提交诉求: asks only for what is still missing, one question at a time, then shows a summary the user can correct
/// and files the ticket through the desk. The loop is one waterfall (ask → receive) that replaces itself with the
/// updated draft, so the whole draft is in the dialog's typed state between turns.
/// </summary>
public sealed class SubmitRequestDialog : ComponentDialog
{
    public const string Name = "submitRequest";
    private const string Loop = "submit-loop";
    private const string Ask = "submit-ask";

    private readonly RequestUnderstander _understander;
    private readonly TicketDesk _desk;

    public SubmitRequestDialog(RequestUnderstander understander, TicketDesk desk)
        : base(Name)
    {
        _understander = understander;
        _desk = desk;
        AddDialog(new AnswerPrompt(Ask));
        AddDialog(new WaterfallDialog<RequestDraft>(Loop, [AskNext, Receive]));
    }

    protected override string InitialDialogId => Loop;

    private DeskRules Rules => _desk.Rules;

    /// <summary>A draft that starts from the user's first message (or from nothing, after "提交诉求").</summary>
    public RequestDraft Start(string? text, TurnContext turn)
    {
        var draft = new RequestDraft { Asking = Slots.Need.Key };
        if (!string.IsNullOrWhiteSpace(text))
        {
            DraftRules.Apply(draft, text, _understander, Profile(turn), turn.Clock.GetUtcNow(), Phrases.For(turn.Locale));
        }

        return draft;
    }

    private Task<DialogTurnResult> AskNext(WaterfallStepContext<RequestDraft> step, CancellationToken cancellation)
    {
        var draft = step.Values;
        var p = Phrases.For(step.Turn.Locale);
        if (draft.Asking == DraftRules.EditKey)
        {
            var fields = DraftRules.SummaryFields(draft).Select(f => new Choice(p.English ? f.English : f.Chinese)).ToList();
            return step.Prompt(Ask, PromptOptions.Asking(p.English ? "Which item should be changed?" : "请问要修改哪一项？", null, fields), cancellation);
        }

        var slot = DraftRules.Next(draft, Profile(step.Turn));
        if (slot is null)
        {
            draft.Asking = DraftRules.SummaryKey;
            draft.Summarised = true;
            step.Turn.SendActivity(SummaryCard.Build(step.Turn.Activity.CreateReply(), draft, Department(draft), p));
            return step.Prompt(Ask, new PromptOptions
            {
                RetryPrompt = new Activity { Text = p.English ? "Please press “Confirm”, or tell me what to change." : "请点击“确认提交”，或告诉我需要修改的内容。" },
            }, cancellation);
        }

        draft.Asking = slot.Key;
        if (draft.Category is not null && !draft.CategoryAnnounced)
        {
            draft.CategoryAnnounced = true;
            step.Turn.SendActivity(p.English
                ? $"Understood: this is a {CategoryNames.Name(draft.Category, p)} request, to be handled by {Department(draft)}."
                : $"好的，您的诉求属于“{CategoryNames.Name(draft.Category, p)}”类，将由{Department(draft)}承办。");
        }

        return step.Prompt(Ask, Question(draft, slot, step.Turn, p), cancellation);
    }

    private async Task<DialogTurnResult> Receive(WaterfallStepContext<RequestDraft> step, CancellationToken cancellation)
    {
        var draft = step.Values;
        var p = Phrases.For(step.Turn.Locale);
        if (step.Result is not UserAnswer answer)
        {
            if (Slots.Find(draft.Asking) is { Optional: true } skipped)
            {
                draft.Skipped.Add(skipped.Key);
            }

            draft.Asking = null;
            return await step.Replace(Loop, draft, cancellation);
        }

        switch (draft.Asking)
        {
            case DraftRules.SummaryKey:
                return await AtSummary(step, answer, p, cancellation);
            case DraftRules.EditKey:
                ChooseEdit(draft, answer.Text, p);
                return await step.Replace(Loop, draft, cancellation);
        }

        if (answer.Text is null)
        {
            step.Turn.SendActivity(p.UnknownCard);
            return await step.Replace(Loop, draft, cancellation);
        }

        var asked = draft.Asking;
        var before = DraftRules.Snapshot(draft, p);
        var remark = DraftRules.Apply(draft, answer.Text, _understander, Profile(step.Turn), step.Turn.Clock.GetUtcNow(), p);
        if (DraftRules.Changes(before, draft, asked, p) is { } changes)
        {
            step.Turn.SendActivity(changes);
        }

        if (remark is not null)
        {
            step.Turn.SendActivity(remark);
        }

        draft.AskingAgain = remark is null && asked is not null && DraftRules.Next(draft, Profile(step.Turn))?.Key == asked;
        return await step.Replace(Loop, draft, cancellation);
    }

    private async Task<DialogTurnResult> AtSummary(WaterfallStepContext<RequestDraft> step, UserAnswer answer, Phrases p, CancellationToken cancellation)
    {
        var draft = step.Values;
        var said = UserText.Normalize(answer.Text);
        var action = answer.Action
            ?? (said is "修改" or "改" or "change" or "edit" ? SummaryCard.Edit
                : said is "取消" or "cancel" ? SummaryCard.Cancel
                : ConfirmPrompt.Recognize(answer.Text) == true ? SummaryCard.Submit : null);
        switch (action)
        {
            case SummaryCard.Submit:
                return await File(step, p, cancellation);
            case SummaryCard.Cancel:
                step.Turn.SendActivity(p.Cancelled);
                return await step.End(null, cancellation);
            case SummaryCard.Edit:
                // Every question is asked by the first step, so the loop (ask → receive) never runs past its end.
                draft.Asking = DraftRules.EditKey;
                return await step.Replace(Loop, draft, cancellation);
            case null when answer.Text is not null:
                // A correction in words at the summary ("金额改成400万"): take it in and show the summary again.
                draft.Asking = null;
                DraftRules.Apply(draft, answer.Text, _understander, Profile(step.Turn), step.Turn.Clock.GetUtcNow(), p);
                return await step.Replace(Loop, draft, cancellation);
            default:
                step.Turn.SendActivity(p.UnknownCard);
                return await step.Replace(Loop, draft, cancellation);
        }
    }

    private static void ChooseEdit(RequestDraft draft, string? text, Phrases p)
    {
        var fields = DraftRules.SummaryFields(draft);
        var chosen = ChoicePrompt.Recognize(text, fields.Select(f => new Choice(p.English ? f.English : f.Chinese, [f.Chinese, f.English])).ToList());
        draft.Asking = null;
        if (chosen is not null)
        {
            var slot = fields[chosen.Index];
            draft.Editing = slot.Key;
            draft.Skipped.Remove(slot.Key);
            if (slot == Slots.Category)
            {
                draft.Category = null;
                draft.CategoryChosen = false;
                draft.Clarify = [];
            }
        }
    }

    private async Task<DialogTurnResult> File(WaterfallStepContext<RequestDraft> step, Phrases p, CancellationToken cancellation)
    {
        var draft = step.Values;
        var turn = step.Turn;
        var activity = turn.Activity;
        var profile = Profile(turn);
        var code = draft.Entities.CreditCodeValid == true ? draft.Entities.CreditCode : null;
        var entities = draft.Entities.ToKeys().ToDictionary(k => k.Key, k => Convert.ToString(k.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        foreach (var (key, value) in draft.Details)
        {
            entities[key] = value;
        }

        // Inside a turn the ticket, the enterprise and the conversation's state are committed together.
        var session = turn.Get<IDocumentSession>();
        var command = new SubmitTicket(
            new EnterpriseRef(null, draft.Entities.Company ?? "", code),
            new ContactPerson(draft.ContactName ?? "", draft.Entities.Phone ?? ""),
            activity.ChannelId ?? "",
            draft.Text,
            draft.Category ?? "other",
            draft.Confidence,
            entities,
            activity.GetConversationReference(),
            EnterpriseUser.Of(activity),
            $"{activity.ChannelId}|{activity.Conversation?.Id}|{activity.Id}");
        var result = session is null ? await _desk.Submit(command, cancellation) : await _desk.Submit(session, command, cancellation);
        if (result.Rejection is { } rejection)
        {
            turn.SendActivity(rejection.Message);
            draft.Asking = null;
            return await step.Replace(Loop, draft, cancellation);
        }

        var ticket = result.Ticket!;
        await Remember(draft, profile, ticket, session, cancellation);
        turn.SendActivity(Filed(ticket, p) with
        {
            SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack(p.MenuStatus, p.English ? $"Status {ticket.Number}" : $"查询 {ticket.Number}"), CardAction.ImBack(p.MenuMine)] },
        });
        return await step.End(ticket, cancellation);
    }

    private Activity Filed(Ticket ticket, Phrases p)
    {
        var department = Rules.DepartmentName(ticket.LeadDepartmentId);
        var signFor = Rules.Calendar.Describe(ticket.SignForDue!.Value);
        var resolve = Rules.Calendar.Describe(ticket.ResolveDue!.Value);
        return new Activity
        {
            Text = p.English
                ? $"Your request has been filed.\nRequest number: {ticket.Number}\nQuery code: {ticket.QueryCode} (keep it: with the number it lets you check progress at any time)\nDepartment: {department}\nCommitted: signed for by {signFor}, resolved by {resolve} (Beijing time)."
                : $"您的诉求已提交，感谢您的耐心。\n诉求编号：{ticket.Number}\n查询码：{ticket.QueryCode}（凭诉求编号和查询码可随时查询办理进度，请妥善保存）\n承办部门：{department}\n办理时限：{signFor}前签收，{resolve}前办结。承办人员会尽快与您联系。",
        };
    }

    private async Task Remember(RequestDraft draft, UserProfile profile, Ticket ticket, IDocumentSession? turnSession, CancellationToken cancellation)
    {
        profile.Company = draft.Entities.Company ?? profile.Company;
        profile.CreditCode = ticket.Enterprise.CreditCode ?? profile.CreditCode;
        profile.ContactName = draft.ContactName ?? profile.ContactName;
        profile.Phone = draft.Entities.Phone ?? profile.Phone;
        if (draft.Entities.Company is { } company && draft.Entities.Phone is { } phone)
        {
            var registration = new RegisterEnterprise(company, ticket.Enterprise.CreditCode, new EnterpriseContact(draft.ContactName ?? "", phone, ticket.SubmittedBy));
            if (turnSession is not null)
            {
                await turnSession.Register(registration, _desk.Now(), cancellation);
                return;
            }

            await using var session = _desk.Store.LightweightSession();
            await session.Register(registration, _desk.Now(), cancellation);
            await session.SaveChangesAsync(cancellation);
        }
    }

    private PromptOptions Question(RequestDraft draft, Slot slot, TurnContext turn, Phrases p)
    {
        if (slot.Key == DraftRules.RememberedKey)
        {
            var remembered = DraftRules.Remembered(Profile(turn));
            return PromptOptions.Asking(
                p.English ? $"Last time you gave: {remembered}. Use the same details this time?" : $"您上次留下的信息是：{remembered}。这次仍使用这些信息吗？",
                null, p.English ? [new("Yes"), new("No")] : [new("是"), new("否")]);
        }

        if (slot == Slots.Category)
        {
            var options = (draft.Clarify.Count > 0 ? draft.Clarify.Append("other") : CategoryNames.Ids).Distinct().Select(c => new Choice(CategoryNames.Name(c, p))).ToList();
            return PromptOptions.Asking(p.English ? slot.QuestionEn : slot.Question, null, options);
        }

        var question = p.English ? slot.QuestionEn : slot.Question;
        if (draft.AskingAgain)
        {
            draft.AskingAgain = false;
            question = (p.English ? "Thank you, noted. " : "好的，这些情况已记下。") + question;
        }

        if (draft.Editing == slot.Key && DraftRules.Describe(draft, slot, p) is { } current)
        {
            question = p.English ? $"Currently: {current}. {question}" : $"当前为：{current}。{question}";
        }

        var asking = PromptOptions.Asking(question);
        return slot.Optional ? asking with { SkipWords = p.SkipWords } : asking;
    }

    private string Department(RequestDraft draft) =>
        Rules.DepartmentName(Rules.Router.Route(draft.Category ?? "other", draft.Text).LeadDepartmentId);

    private static UserProfile Profile(TurnContext turn) => turn.Get<UserProfile>() ?? new UserProfile();
}
