using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Conversations.Tickets;
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
            MessageIntake.Apply(draft, text, _understander, Profile(turn), turn.Clock.GetUtcNow(), Phrases.For(turn.Locale));
        }

        return draft;
    }

    private Task<DialogTurnResult> AskNext(WaterfallStepContext<RequestDraft> step, CancellationToken cancellation)
    {
        var draft = step.Values;
        var p = Phrases.For(step.Turn.Locale);
        if (draft.Asking == DraftRules.EditKey)
        {
            var fields = DraftRules.EditableFields(draft).Select(f => new Choice(p.English ? f.English : f.Chinese)).ToList();
            return step.Prompt(Ask, PromptOptions.Asking(Say(draft, p, p.English ? "Which item should be changed?" : "请问要修改哪一项？"), null, fields), cancellation);
        }

        var slot = DraftRules.Next(draft, Profile(step.Turn));
        if (slot is null)
        {
            draft.Asking = DraftRules.SummaryKey;
            draft.Summarised = true;
            draft.CardVersion++;
            // The card shows what was just added; anything else this turn has to say comes before it.
            draft.Noted = null;
            if (draft.HasSaying)
            {
                step.Turn.SendActivity(Say(draft, p, null));
            }

            step.Turn.SendActivity(SummaryCard.Build(step.Turn.Activity.CreateReply(), draft, Department(draft, p), p));
            return step.Prompt(Ask, new PromptOptions
            {
                RetryPrompt = new Activity { Text = p.English ? "Please press “Confirm”, or tell me what to change." : "请点击“确认提交”，或告诉我需要修改的内容。" },
            }, cancellation);
        }

        if (draft.Category is not null && !draft.CategoryAnnounced && slot != Slots.Category)
        {
            draft.CategoryAnnounced = true;
            draft.Saying.Insert(0, p.English
                ? $"Understood: this is a {CategoryNames.Name(draft.Category, p)} request, to be handled by {Department(draft, p)}."
                : $"好的，您的诉求属于“{CategoryNames.Name(draft.Category, p)}”类，将由{Department(draft, p)}承办。");
        }

        var question = Question(draft, slot, step.Turn, p);
        draft.Asking = slot.Key;
        if (Questions.Reminder(draft, slot, p) is { } reminder)
        {
            // The user was asked for their contact details and said something else: acknowledge it and remind them
            // once of what is still missing; if there is nothing to acknowledge, ask again in other words.
            draft.Reminders++;
            var reminded = Say(draft, p, reminder == draft.LastAsked ? null : reminder);
            draft.LastAsked = reminder;
            return step.Prompt(Ask, question with { Prompt = question.Prompt! with { Text = reminded }, Repeat = question.Prompt }, cancellation);
        }

        draft.Asked.Add(slot.Key);
        draft.LastAsked = question.Prompt?.Text;
        var text = Say(draft, p, question.Prompt?.Text);
        return step.Prompt(Ask, question with { Prompt = question.Prompt! with { Text = text }, Repeat = question.Prompt }, cancellation);
    }

    /// <summary>What the turn has to say, then the question, as one message; the turn's notes are used up.</summary>
    private static string Say(RequestDraft draft, Phrases p, string? question)
    {
        var text = Sentences.Join(p.English, [draft.Empathy, draft.Noted, .. draft.Saying, question]);
        draft.Saying.Clear();
        (draft.Noted, draft.Empathy) = (null, null);
        return text;
    }

    private async Task<DialogTurnResult> Receive(WaterfallStepContext<RequestDraft> step, CancellationToken cancellation)
    {
        var draft = step.Values;
        var p = Phrases.For(step.Turn.Locale);
        if (step.Result is not UserAnswer answer)
        {
            Skip(draft, p);
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
            // A button from an old message answers nothing: the same question is put again.
            draft.Saying.Add(p.UnknownCard);
            Unask(draft);
            return await step.Replace(Loop, draft, cancellation);
        }

        if (draft.Asking != Slots.StuckAt.Key && IsOnlyProgress(answer.Text))
        {
            await Progress(step, answer.Text, p, cancellation);
            Unask(draft);
            return await step.Replace(Loop, draft, cancellation);
        }

        MessageIntake.Apply(draft, answer.Text, _understander, Profile(step.Turn), step.Turn.Clock.GetUtcNow(), p);
        return await step.Replace(Loop, draft, cancellation);
    }

    /// <summary>The question just put did not reach an answer (a stale button): it may be put again.</summary>
    private static void Unask(RequestDraft draft)
    {
        if (draft.Asking is { } asking && draft.Asked.LastIndexOf(asking) is >= 0 and var at)
        {
            draft.Asked.RemoveAt(at);
        }

        draft.LastAsked = null;
        draft.Asking = null;
    }

    /// <summary>A question about progress and nothing else: no correction, no detail given with it.</summary>
    private bool IsOnlyProgress(string text) =>
        ProgressEnquiry.Is(text) && !Corrections.HasCue(text) && _understander.Understand(text).Entities == Understanding.RequestEntities.None;

    /// <summary>"跳过": an optional question is passed over (a value being corrected is cleared); a required one explained.</summary>
    private static void Skip(RequestDraft draft, Phrases p)
    {
        var asked = Slots.Find(draft.Asking);
        draft.Asking = null;
        if (asked is null)
        {
            return;
        }

        if (!asked.Optional)
        {
            draft.Saying.Add(p.English
                ? $"The {asked.English.ToLowerInvariant()} is needed to file the request, so the department can reach you."
                : $"{asked.Chinese}是提交诉求所必需的，方便承办部门与您联系。");
            return;
        }

        if (draft.Editing == asked.Key)
        {
            var before = DraftRules.Snapshot(draft, p);
            MessageIntake.Clear(draft, asked, p);
            draft.Editing = null;
            if (DraftRules.Changes(before, draft, null, p) is { } cleared)
            {
                draft.Saying.Add(cleared);
            }

            return;
        }

        draft.Skipped.Add(asked.Key);
    }

    /// <summary>A progress question in the middle of a new request: the earlier request's progress, then on with this one.</summary>
    private async Task Progress(WaterfallStepContext<RequestDraft> step, string text, Phrases p, CancellationToken cancellation)
    {
        var draft = step.Values;
        if (await ProgressAnswer.For(step.Turn, _desk, ProgressEnquiry.Latest(text), p, cancellation) is { } shown)
        {
            step.Turn.SendActivity(shown with { SuggestedActions = null });
            draft.Saying.Add(p.English ? "The new request you are putting together has not been submitted yet; let us continue." : "您正在登记的这件新诉求还没有提交，我们接着登记。");
            return;
        }

        if (ProgressEnquiry.AboutEarlier(text))
        {
            draft.Saying.Add(p.English
                ? "No request has been submitted from this account yet; one filed another way can be looked up with \"Check progress\" and its number and query code. The new request you are putting together has not been submitted yet; let us continue."
                : "您还没有通过本账号提交过诉求；通过其他方式提交的，可以发送“查询进度”，凭诉求编号和查询码查看。您正在登记的这件新诉求还没有提交，我们接着登记。");
            return;
        }

        draft.Saying.Add(p.English
            ? "This request has not been submitted yet. Once it is, you get a request number and a query code to check its progress here at any time."
            : "这件诉求还没有提交。提交后您会收到诉求编号和查询码，随时可以在这里查询办理进度。");
    }

    private async Task<DialogTurnResult> AtSummary(WaterfallStepContext<RequestDraft> step, UserAnswer answer, Phrases p, CancellationToken cancellation)
    {
        var draft = step.Values;
        if (answer.Action is not null && SummaryCard.VersionOf(answer.Value) is { } version && version != draft.CardVersion)
        {
            // A button on an earlier summary: the details have changed since.
            draft.Saying.Add(p.English
                ? "That summary is out of date; please use the latest one below."
                : "这张是之前的汇总卡片，信息已经更新，请以最新的一张为准。");
            draft.Asking = null;
            return await step.Replace(Loop, draft, cancellation);
        }

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
            case null when answer.Text is not null && IsOnlyProgress(answer.Text):
                await Progress(step, answer.Text, p, cancellation);
                draft.Asking = null;
                return await step.Replace(Loop, draft, cancellation);
            case null when answer.Text is not null:
                // A correction in words at the summary ("金额改成400万"): take it in and show the summary again.
                draft.Asking = DraftRules.SummaryKey;
                MessageIntake.Apply(draft, answer.Text, _understander, Profile(step.Turn), step.Turn.Clock.GetUtcNow(), p);
                draft.Asking = null;
                return await step.Replace(Loop, draft, cancellation);
            default:
                step.Turn.SendActivity(p.UnknownCard);
                return await step.Replace(Loop, draft, cancellation);
        }
    }

    private static void ChooseEdit(RequestDraft draft, string? text, Phrases p)
    {
        var fields = DraftRules.EditableFields(draft);
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

        if (draft.Concerns.Count > 0)
        {
            entities[Slots.Concerns.Key] = string.Join("\n", draft.Concerns);
        }

        if (draft.Urgency is { } urgency)
        {
            entities[Slots.Urgency.Key] = urgency;
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
            $"{activity.ChannelId}|{activity.Conversation?.Id}|{activity.Id}",
            draft.Urgent);
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
        var department = Rules.DepartmentName(ticket.LeadDepartmentId, p.English);
        var signFor = Rules.Calendar.Describe(ticket.SignForDue!.Value, p.English);
        var resolve = Rules.Calendar.Describe(ticket.ResolveDue!.Value, p.English);
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

        var question = Questions.Wording(slot, draft, p);
        if (draft.Editing == slot.Key && DraftRules.Describe(draft, slot, p) is { } current)
        {
            question = p.English ? $"Currently: {current}. {question}" : $"当前为：{current}。{question}";
        }

        var asking = PromptOptions.Asking(question);
        return slot.Optional ? asking with { SkipWords = p.SkipWords } : asking;
    }

    private string Department(RequestDraft draft, Phrases p) =>
        Rules.DepartmentName(Rules.Router.Route(draft.Category ?? "other", draft.Text).LeadDepartmentId, p.English);

    private static UserProfile Profile(TurnContext turn) => turn.Get<UserProfile>() ?? new UserProfile();
}
