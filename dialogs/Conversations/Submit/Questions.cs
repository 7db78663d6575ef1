namespace Assistant.Dialogs.Conversations.Submit;

/// <summary>
/// How a question is put: in the words that fit the request (money "到位", workers "到岗"), and differently the
/// second time, so the user never reads the same question twice in a row; only what is still missing is named.
/// </summary>
public static class Questions
{
    public static string Wording(Slot slot, RequestDraft draft, Phrases p)
    {
        var again = draft.TimesAsked(slot.Key) > 0;
        return (slot.Key, p.English, again) switch
        {
            ("need", false, true) => "请再具体说说需要协调解决的事情，例如遇到了什么困难、希望得到哪方面的帮助。",
            ("need", true, true) => "Could you say a little more about the problem and the help you need?",
            ("company", false, true) => "提交诉求需要企业名称，请告诉我贵企业在营业执照上的全称。",
            ("company", true, true) => "The request needs your company's name as on its business licence.",
            ("contactName", false, true) => "承办部门联系时该怎么称呼您？（例如：刘先生、王女士）",
            ("contactName", true, true) => "How should the department address you when they call?",
            ("phone", false, true) => "为了让承办部门能联系到您，还需要一个联系电话（手机或带区号的座机）。",
            ("phone", true, true) => "So that the department can reach you, a phone number is still needed (mobile, or landline with area code).",
            ("contact", _, _) => Missing(draft, p),
            ("deadline", false, _) when draft.Category == "financing" => "资金最晚什么时候需要到位？（例如：月底前；没有要求可以回复“跳过”）",
            ("deadline", true, _) when draft.Category == "financing" => "By when is the money needed? (say \"skip\" if there is no date)",
            ("deadline", false, _) when draft.Category == "hiring" => "新员工最晚什么时候需要到岗？（例如：下个月；没有要求可以回复“跳过”）",
            ("deadline", true, _) when draft.Category == "hiring" => "By when are the new staff needed? (say \"skip\" if there is no date)",
            _ => p.English ? slot.QuestionEn : slot.Question,
        };
    }

    /// <summary>
    /// A reminder instead of a second question, when the contact details were just asked for and the user said
    /// something else that this turn acknowledges; null when the question should be put (again, in other words).
    /// </summary>
    public static string? Reminder(RequestDraft draft, Slot slot, Phrases p)
    {
        var contact = slot == Slots.ContactAll || DraftRules.Required.Contains(slot);
        var last = draft.Asked.LastOrDefault();
        var justAsked = last == slot.Key || (last == Slots.ContactAll.Key && DraftRules.Required.Contains(slot));
        if (!contact || !justAsked || !draft.HasSaying)
        {
            return null;
        }

        var missing = DraftRules.Required.Where(s => !DraftRules.IsFilled(draft, s)).Select(s => s.Key switch
        {
            "company" => p.English ? "your company's name" : "贵企业的名称",
            "contactName" => p.English ? "your name" : "您的称呼",
            _ => p.English ? "a phone number" : "联系电话",
        }).ToList();
        return p.English
            ? $"To file it, I still need {List(missing, true)}."
            : $"提交前还需要{List(missing, false)}。";
    }

    /// <summary>The contact question naming only what is still missing.</summary>
    private static string Missing(RequestDraft draft, Phrases p)
    {
        var missing = DraftRules.Required.Where(s => !DraftRules.IsFilled(draft, s)).ToList();
        if (missing.Count == DraftRules.Required.Count)
        {
            return p.English ? Slots.ContactAll.QuestionEn : Slots.ContactAll.Question;
        }

        var names = missing.Select(s => s.Key switch
        {
            "company" => p.English ? "your company's full name" : "贵企业的名称",
            "contactName" => p.English ? "your name" : "您的称呼",
            _ => p.English ? "a phone number" : "联系电话",
        });
        return p.English
            ? $"Please leave {List(names.ToList(), true)} so the department can reach you."
            : $"请留下{List(names.ToList(), false)}，方便承办部门与您联系。";
    }

    /// <summary>"贵企业的名称、您的称呼和联系电话"; "your name and a phone number".</summary>
    private static string List(IReadOnlyList<string> items, bool english) => items.Count <= 1
        ? string.Concat(items)
        : string.Join(english ? ", " : "、", items.Take(items.Count - 1)) + (english ? " and " : "和") + items[^1];
}
