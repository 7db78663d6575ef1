using System.Text.RegularExpressions;
using Assistant.Dialogs.Desk.Enterprises;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.State;
using Assistant.Dialogs.Understanding;

namespace Assistant.Dialogs.Conversations.Submit;

/// <summary>
/// Takes one user message into the draft, reading it for everything it holds before anything is stored: the slots
/// it states or corrects ("贷款改成600万吧，另外300万我们自筹" → 600万), fields it clears ("不需要时限"), whether it
/// answers the question asked (an answer that does not fit stays in 诉求内容 instead of the field), the enterprise's
/// own questions and any urgency. What the turn should say about it is left in <see cref="RequestDraft.Saying"/>.
/// </summary>
public static partial class MessageIntake
{
    private const int MaxConcerns = 5;

    public static void Apply(RequestDraft draft, string text, RequestUnderstander understander, UserProfile profile, DateTimeOffset now, Phrases p)
    {
        var answer = text.Trim();
        var asking = draft.Asking;
        draft.Asking = null;
        var firstNeed = draft.Texts.Count == 0;
        var before = DraftRules.Snapshot(draft, p);
        var said = understander.Understand(answer);
        var changes = Corrections.In(answer, draft.Category).Where(c => c.Explicit || Plain(c, draft)).ToList();
        var corrected = changes.Select(c => c.Slot).ToHashSet();

        MergeEntities(draft, said, corrected, p);
        foreach (var change in changes)
        {
            Change(draft, change, understander, now, p);
        }

        var contactBefore = draft.ContactName;
        if (!corrected.Contains(Slots.ContactName.Key) && ContactNameIn(answer, asking, (said.Entities.Phone ?? said.Entities.Company) is not null, understander) is { } name)
        {
            draft.ContactName = name;
        }

        var answered = Answer(draft, asking, answer, said, profile, understander, now, p);
        var onlyContact = !said.HasNeed && (said.Entities.Company ?? said.Entities.Phone ?? said.Entities.CreditCode ?? (draft.ContactName != contactBefore ? draft.ContactName : null)) is not null;
        var questions = firstNeed ? [] : UserQuestions.In(answer).Where(q => !ProgressEnquiry.Is(q)).ToList();
        var onlyQuestions = questions.Count > 0 && Clauses.Of(answer).All(c => questions.Any(q => q.StartsWith(Clauses.Bare(c), StringComparison.Ordinal) || q.Contains(Clauses.Bare(c), StringComparison.Ordinal)));
        var onlyCorrections = changes.Count > 0 && !said.HasNeed;
        var appended = false;
        var cues = DetailCues.In(answer, draft.Category ?? said.Category);
        if (!answered && asking is not (DraftRules.SummaryKey or DraftRules.RememberedKey) && !onlyContact && !onlyCorrections && !onlyQuestions
            && (said.HasNeed || answer.Length >= 8 || cues.Count > 0 || asking == Slots.Need.Key) && !draft.Texts.Contains(answer))
        {
            // Not the answer to what was asked: it is part of the story, and stays in the user's words.
            draft.Texts.Add(answer);
            appended = !firstNeed && asking != Slots.Need.Key;
        }

        if (!draft.CategoryChosen && draft.Texts.Count > 0 && (draft.Category is null || asking == Slots.Need.Key))
        {
            Categorize(draft, understander);
        }

        if (asking == Slots.Category.Key && draft.Category is null && draft.Texts.Count > 0)
        {
            // Asked once and not chosen (the user went on with their details): the best reading goes ahead rather than
            // the same question again; the department or the dispatcher moves it if it is wrong.
            draft.Category = understander.Understand(draft.Text).Category;
        }

        // Details read from the request: this message's words ("主要用来买原材料") replace what an earlier one implied,
        // positions add up ("电工焊工" … "还有20个叉车工"), and what the user stated in answer to a question stays.
        foreach (var (slot, value) in DetailCues.In(draft.Text, draft.Category))
        {
            if (!draft.Stated.Contains(slot) && !draft.Skipped.Contains(slot) && (slot == Slots.Positions.Key || !draft.Details.ContainsKey(slot)))
            {
                draft.Details[slot] = value;
            }
        }

        foreach (var (slot, value) in DetailCues.In(answer, draft.Category))
        {
            if (!draft.Stated.Contains(slot) && !draft.Skipped.Contains(slot))
            {
                draft.Details[slot] = slot == Slots.Positions.Key && draft.Details.GetValueOrDefault(slot) is { } earlier
                    ? string.Join("、", earlier.Split('、').Union(value.Split('、')))
                    : value;
            }
        }

        if (draft.Editing == asking)
        {
            draft.Editing = null;
        }

        Acknowledge(draft, before, asking, said, answer, questions, p);
        if (appended && draft.Noted is null)
        {
            draft.Noted = p.English ? "Added to the description of your request." : "已补充到诉求内容。";
        }
    }

    public static void Categorize(RequestDraft draft, RequestUnderstander understander)
    {
        var result = understander.Understand(draft.Text);
        draft.Confidence = result.Confidence;
        draft.Clarify = [.. result.Clarify];
        draft.Category = result.IsConfident ? result.Category : null;
        if (!result.HasNeed && draft.Texts.Count >= 2)
        {
            // Two messages and still no recognisable need: let the dispatcher triage it.
            draft.Category = "other";
        }
    }

    /// <summary>A field named with a plain "是" ("电话是…") sets it only when it is empty or the value is of its kind.</summary>
    private static bool Plain(FieldChange change, RequestDraft draft) =>
        change.Value is not null && (change.Slot is "phone" or "company" or "creditCode" or "contactName" or "amount" or "area" or "headcount"
            || !DraftRules.IsFilled(draft, Slots.Find(change.Slot) ?? Slots.Need));

    /// <summary>The entities the message states, except those a correction names (its value is read from the correction alone).</summary>
    private static void MergeEntities(RequestDraft draft, Understanding.Understanding said, HashSet<string> corrected, Phrases p)
    {
        var merged = RequestUnderstander.Merge(draft.Entities, said);
        var was = draft.Entities;
        merged = merged with
        {
            AmountCny = corrected.Contains("amount") ? was.AmountCny : merged.AmountCny,
            AreaMu = corrected.Contains("area") ? was.AreaMu : merged.AreaMu,
            AreaSqm = corrected.Contains("area") ? was.AreaSqm : merged.AreaSqm,
            Headcount = corrected.Contains("headcount") ? was.Headcount : merged.Headcount,
            Deadline = corrected.Contains("deadline") ? was.Deadline : merged.Deadline,
            Phone = corrected.Contains("phone") ? was.Phone : merged.Phone,
            Company = corrected.Contains("company") ? was.Company : merged.Company,
        };
        if (said.Entities.CreditCode is { } code && !corrected.Contains("creditCode"))
        {
            merged = TakeCreditCode(draft, merged with { CreditCode = was.CreditCode, CreditCodeValid = was.CreditCodeValid }, code, p);
        }

        draft.Entities = merged;
    }

    /// <summary>A valid code is kept; one that fails its check digit is explained, wherever in a message it came.</summary>
    private static RequestEntities TakeCreditCode(RequestDraft draft, RequestEntities entities, string code, Phrases p)
    {
        var problem = CreditCode.Check(CreditCode.Normalize(code));
        if (problem is null)
        {
            return entities with { CreditCode = code, CreditCodeValid = true };
        }

        draft.Saying.Add(p.English
            ? $"The credit code {code} does not check out ({problem}); please check it against the business licence, or leave it out."
            : $"您提供的统一社会信用代码“{code}”未通过校验：{problem.TrimEnd('。')}。如暂时无法核对，可以不填。");
        return entities;
    }

    private static void Change(RequestDraft draft, FieldChange change, RequestUnderstander understander, DateTimeOffset now, Phrases p)
    {
        var slot = Slots.Find(change.Slot);
        if (slot is null)
        {
            return;
        }

        if (change.Value is null)
        {
            Clear(draft, slot, p);
            return;
        }

        var value = change.Value;
        var read = understander.Understand(value).Entities;
        switch (slot.Key)
        {
            case "amount":
                if ((read.AmountCny ?? Scaled(Answers.BareNumber(value, p.English))) is { } amount and > 0)
                {
                    draft.Entities = draft.Entities with { AmountCny = amount };
                }

                break;
            case "area":
                if (read.AreaMu is not null || read.AreaSqm is not null)
                {
                    draft.Entities = draft.Entities with { AreaMu = read.AreaMu, AreaSqm = read.AreaSqm };
                }
                else if (Answers.BareNumber(value, p.English) is { } area and > 0)
                {
                    draft.Entities = area <= 5000 ? draft.Entities with { AreaMu = area, AreaSqm = null } : draft.Entities with { AreaSqm = area, AreaMu = null };
                }

                break;
            case "headcount":
                if ((read.Headcount ?? (int?)Answers.BareNumber(value, p.English)) is { } people and > 0 and < 1_000_000)
                {
                    draft.Entities = draft.Entities with { Headcount = people };
                }

                break;
            case "deadline":
                if (Deadline(value, now, p) is { } deadline)
                {
                    draft.Entities = draft.Entities with { Deadline = deadline };
                }

                break;
            case "phone":
                if (Answers.PhoneIn(value) is { } phone)
                {
                    draft.Entities = draft.Entities with { Phone = phone };
                }

                break;
            case "company":
                if ((read.Company ?? Answers.CompanyName(value)) is { } company)
                {
                    draft.Entities = draft.Entities with { Company = company };
                }

                break;
            case "creditCode":
                if (Answers.CreditCodeIn(value) is { } code)
                {
                    draft.Entities = TakeCreditCode(draft, draft.Entities, code, p);
                }

                break;
            case "contactName":
                if (Answers.ContactName(value) is { } name)
                {
                    draft.ContactName = name;
                }

                break;
            case "category":
                if (CategoryNames.FromTitle(value) is { } category)
                {
                    draft.Category = category;
                    draft.CategoryChosen = true;
                }

                break;
            case "need":
                draft.Texts = [value];
                break;
            default:
                draft.Details[slot.Key] = Answers.Clip(value);
                draft.Stated.Add(slot.Key);
                break;
        }

        draft.Skipped.Remove(slot.Key);
    }

    /// <summary>"不需要时限", "没有信用代码", or 跳过 while correcting an optional field: it is emptied and not asked again.</summary>
    public static void Clear(RequestDraft draft, Slot slot, Phrases p)
    {
        if (!slot.Optional)
        {
            draft.Saying.Add(p.English
                ? $"The {slot.English.ToLowerInvariant()} is needed for the department to contact you, so it cannot be removed; tell me the right one and I will change it."
                : $"{slot.Chinese}是承办部门联系您所必需的，不能删除；如需更改，请直接告诉我正确的{slot.Chinese}。");
            return;
        }

        draft.Entities = slot.Key switch
        {
            "amount" => draft.Entities with { AmountCny = null },
            "area" => draft.Entities with { AreaMu = null, AreaSqm = null },
            "headcount" => draft.Entities with { Headcount = null },
            "deadline" => draft.Entities with { Deadline = null },
            "creditCode" => draft.Entities with { CreditCode = null, CreditCodeValid = null },
            _ => draft.Entities,
        };
        if (slot == Slots.Urgency)
        {
            draft.Urgency = null;
            draft.UrgencyKind = null;
        }

        if (slot == Slots.Concerns)
        {
            draft.Concerns.Clear();
        }

        draft.Details.Remove(slot.Key);
        draft.Skipped.Add(slot.Key);
    }

    /// <summary>Whether the message answers the question asked; if so, the slot is filled from it.</summary>
    private static bool Answer(RequestDraft draft, string? asking, string answer, Understanding.Understanding said, UserProfile profile, RequestUnderstander understander, DateTimeOffset now, Phrases p)
    {
        switch (asking)
        {
            case null or DraftRules.SummaryKey:
                return false;
            case "need":
                if (said.HasNeed || answer.Length >= 4)
                {
                    draft.Texts.Add(answer);
                    return true;
                }

                return false;
            case "category":
                var chosen = CategoryNames.FromTitle(answer) ?? (said.IsConfident ? said.Category : null);
                if (chosen is null)
                {
                    return false;
                }

                if (CategoryNames.FromTitle(answer) is null)
                {
                    draft.Texts.Add(answer);
                }

                draft.Category = chosen;
                draft.CategoryChosen = true;
                return true;
            case DraftRules.RememberedKey:
                return Remembered(draft, answer, said, profile);
            case "contact":
                TakeCompany(draft, answer, said, understander);
                return (said.Entities.Company ?? said.Entities.Phone) is not null || draft.ContactName is not null && Answers.ContactName(answer) is not null;
            case "company":
                TakeCompany(draft, answer, said, understander);
                return draft.Entities.Company is not null;
            case "contactName":
                return draft.ContactName is not null;
            case "phone":
                if (draft.Entities.Phone is null && Answers.PhoneIn(answer) is { } phone)
                {
                    draft.Entities = draft.Entities with { Phone = phone };
                }

                if (draft.Entities.Phone is null && answer.Count(char.IsDigit) >= 5)
                {
                    draft.Saying.Add(p.English ? "That does not look like a complete phone number." : "这个号码似乎不完整，请填写11位手机号或带区号的座机号。");
                }

                return draft.Entities.Phone is not null;
            case "area":
                if (draft.Entities.AreaMu is null && draft.Entities.AreaSqm is null && Answers.BareNumber(answer, p.English) is { } area and > 0)
                {
                    draft.Entities = area <= 5000 ? draft.Entities with { AreaMu = area } : draft.Entities with { AreaSqm = area };
                }

                return DraftRules.IsFilled(draft, Slots.Area);
            case "amount":
                if (draft.Entities.AmountCny is null && Scaled(Answers.BareNumber(answer, p.English)) is { } amount and > 0)
                {
                    draft.Entities = draft.Entities with { AmountCny = amount };
                }

                return DraftRules.IsFilled(draft, Slots.Amount);
            case "headcount":
                if (draft.Entities.Headcount is null && Answers.BareNumber(answer, p.English) is { } people and > 0 and < 1_000_000)
                {
                    draft.Entities = draft.Entities with { Headcount = (int)people };
                }

                return DraftRules.IsFilled(draft, Slots.Headcount);
            case "deadline":
                if (draft.Entities.Deadline is null && Deadline(answer, now, p) is { } deadline)
                {
                    draft.Entities = draft.Entities with { Deadline = deadline };
                }

                return DraftRules.IsFilled(draft, Slots.Deadline);
            default:
                if (Slots.Find(asking) is not { } slot || !FreeText.Fits(slot, answer, said, draft))
                {
                    return false;
                }

                draft.Details[slot.Key] = Answers.Clip(answer);
                draft.Stated.Add(slot.Key);
                return true;
        }
    }

    private static bool Remembered(RequestDraft draft, string answer, Understanding.Understanding said, UserProfile profile)
    {
        draft.OfferedRememberedPhone = true;
        if (ConfirmPrompt.Recognize(answer) != true)
        {
            return said.Entities.Phone is not null || said.Entities.Company is not null;
        }

        draft.Entities = draft.Entities with
        {
            Company = profile.Company,
            Phone = profile.Phone,
            CreditCode = draft.Entities.CreditCode ?? profile.CreditCode,
            CreditCodeValid = draft.Entities.CreditCode is null && profile.CreditCode is not null ? true : draft.Entities.CreditCodeValid,
        };
        draft.ContactName ??= profile.ContactName;
        return true;
    }

    private static void TakeCompany(RequestDraft draft, string answer, Understanding.Understanding said, RequestUnderstander understander)
    {
        if (said.Entities.Company is not null || draft.Entities.Company is not null)
        {
            return;
        }

        // "常州宏晟纺织有限公司，刘先生，138 0615 2947": the clause that is a name of an organisation. A short name
        // without 公司 ("华锦精密") counts only when nothing in it reads as a need, a number or a sentence.
        foreach (var clause in Clauses.Of(answer).Prepend(answer).Select(Clauses.Bare))
        {
            if (Answers.PhoneIn(clause) is not null || Answers.CompanyName(clause) is not { } company || PersonNames.IsName(company) || NotACompanyName().IsMatch(company))
            {
                continue;
            }

            if (Answers.HasOrganisationSuffix(company) || (understander.Understand(company).Scores.Count == 0 && !NotACompany().IsMatch(company)))
            {
                draft.Entities = draft.Entities with { Company = company };
                return;
            }
        }
    }

    /// <summary>How the user wants to be addressed, read when asked or when the message says so ("我姓刘", "联系人周工").</summary>
    private static string? ContactNameIn(string answer, string? asking, bool withContact, RequestUnderstander understander)
    {
        var asked = asking is "contactName" or "contact";
        if (Answers.ContactName(answer) is { } name && (asked || ContactCue().IsMatch(answer)) && !NotAName().IsMatch(name) && PersonNames.IsName(name))
        {
            return name;
        }

        if (!asked && !withContact)
        {
            return null;
        }

        // "常州宏晟纺织有限公司，张伟，13806152947": a clause that is only a person's name.
        return Clauses.Of(answer).Select(Clauses.Bare)
            .Where(c => !c.Any(char.IsDigit) && understander.Understand(c).Scores.Count == 0)
            .Select(Answers.ContactName)
            .FirstOrDefault(n => n is not null && !NotAName().IsMatch(n) && PersonNames.IsName(n));
    }

    /// <summary>A time the outcome is needed by, from a short answer: not a phone number's digits, not a past event.</summary>
    private static string? Deadline(string text, DateTimeOffset now, Phrases p)
    {
        var withoutPhones = PhoneDigits().Replace(text, " ");
        if (Past().IsMatch(withoutPhones) || DateTimePrompt.Recognize(withoutPhones, now, p.English) is not { } when)
        {
            return null;
        }

        return when.Text.Length >= 2 ? FullPhrase(withoutPhones, when.Text) : null;
    }

    /// <summary>The time words with the qualifier written after them ("下周三" + "之前").</summary>
    private static string FullPhrase(string text, string found)
    {
        var at = text.IndexOf(found, StringComparison.Ordinal);
        if (at < 0)
        {
            return found;
        }

        var rest = text[(at + found.Length)..];
        var qualifier = Qualifier().Match(rest);
        return qualifier.Success ? found + qualifier.Value : found;
    }

    private static decimal? Scaled(decimal? bare) => bare is { } n ? (n < 100_000 ? n * 10_000 : n) : null;

    /// <summary>One acknowledgement for the turn: urgency first (once), then what was noted or changed, then the questions.</summary>
    private static void Acknowledge(RequestDraft draft, IReadOnlyDictionary<string, string?> before, string? asking, Understanding.Understanding said, string answer, List<string> questions, Phrases p)
    {
        if (draft.Urgency is null && Urgency.In(answer) is { } urgency)
        {
            draft.Urgency = urgency.Words;
            draft.UrgencyKind = urgency.Kind;
            draft.Empathy = Urgency.Empathy(urgency.Kind, p.English);
        }

        if (asking is not null && asking != Slots.Need.Key)
        {
            draft.Noted = DraftRules.Changes(before, draft, asking, p, additions: true);
            if (DraftRules.Changes(before, draft, asking, p, additions: false) is { } changes)
            {
                draft.Saying.Add(changes);
            }
        }

        var fresh = questions.Where(q => !draft.Concerns.Contains(q)).Take(MaxConcerns - draft.Concerns.Count).ToList();
        if (fresh.Count > 0)
        {
            draft.Concerns.AddRange(fresh);
            var quoted = string.Join(p.English ? ", " : "", fresh.Select(q => p.English ? $"“{q}”" : $"“{q.TrimEnd('？')}”"));
            draft.Saying.Add(p.English
                ? $"Your question {quoted} is noted on the request; the department will answer it when they reply."
                : $"您关心的{quoted}已一并记录，承办部门答复时会给您说明。");
        }
    }

    [GeneratedRegex("^(我|我们|咱)|[一二三四五六七八九十两几个多少加再想要是有在做了吗呢吧]")]
    private static partial Regex NotACompany();

    /// <summary>"想新注册一家公司" ends like a company's name and is a sentence.</summary>
    [GeneratedRegex("^(想|要|准备|打算|计划|新|一家|这家|那家|我们|我|咱们|贵|本)|注册一家|一家公司|新公司|开一?家")]
    private static partial Regex NotACompanyName();

    [GeneratedRegex("我姓|免贵|联系人|我叫|叫我|找我|本人姓")]
    private static partial Regex ContactCue();

    [GeneratedRegex("^(你好|您好|谢谢|好的|是的|对的|没有|跳过|不知道|不清楚|可以|行|嗯|哦|好|对|是|[员普施焊电技用职开竣加手木钳车复停务打民矿化监做招]工)$")]
    private static partial Regex NotAName();

    [GeneratedRegex(@"(\+86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}-?\d{7,8}")]
    private static partial Regex PhoneDigits();

    [GeneratedRegex("去年|前年|上个?月|上周|上礼拜|昨天|前天|已经|已于|之前报|报过|以前|那时候|当时")]
    private static partial Regex Past();

    [GeneratedRegex("^\\s*(之前|以前|前|以内|之内|内|为止|左右)")]
    private static partial Regex Qualifier();
}
