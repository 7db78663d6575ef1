using System.Globalization;
using Assistant.Dialogs.Desk.Enterprises;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.State;
using Assistant.Dialogs.Understanding;

namespace Assistant.Dialogs.Conversations.Submit;

/// <summary>
/// The decisions of the submit flow, without any I/O: what to ask next, how an answer fills the draft, how each
/// field reads. Every message is also merged into the entities, so a correction or an extra detail given at any
/// point ("算了，改成300万", a phone number in passing) is never lost and never asked for again.
/// </summary>
public static class DraftRules
{
    public const string SummaryKey = "summary";
    public const string RememberedKey = "remembered";
    public const string EditKey = "edit";

    /// <summary>The slot to ask next, or null when the draft is complete.</summary>
    public static Slot? Next(RequestDraft draft, UserProfile profile)
    {
        if (draft.Editing is { } editing && Slots.Find(editing) is { } edited)
        {
            return edited;
        }

        if (draft.Texts.Count == 0)
        {
            return Slots.Need;
        }

        if (draft.Category is null)
        {
            return Slots.Category;
        }

        // The need first, while the user is thinking about it; then who to contact.
        if (Slots.DetailsFor(draft.Category).FirstOrDefault(s => !IsFilled(draft, s) && !draft.Skipped.Contains(s.Key)) is { } detail)
        {
            return detail;
        }

        if (!draft.OfferedRememberedPhone && Remembered(profile) is not null && draft.Entities.Phone is null && draft.Entities.Company is null)
        {
            return new Slot(RememberedKey, "", "", "", "", false);
        }

        return Slots.Contact.FirstOrDefault(s => !IsFilled(draft, s) && !draft.Skipped.Contains(s.Key));
    }

    public static bool IsFilled(RequestDraft draft, Slot slot) => slot.Key switch
    {
        "need" => draft.Texts.Count > 0,
        "category" => draft.Category is not null,
        "company" => draft.Entities.Company is not null,
        "creditCode" => draft.Entities.CreditCode is not null && draft.Entities.CreditCodeValid == true,
        "contactName" => draft.ContactName is not null,
        "phone" => draft.Entities.Phone is not null,
        "area" => draft.Entities.AreaMu is not null || draft.Entities.AreaSqm is not null,
        "amount" => draft.Entities.AmountCny is not null,
        "headcount" => draft.Entities.Headcount is not null,
        "deadline" => draft.Entities.Deadline is not null,
        _ => draft.Details.ContainsKey(slot.Key),
    };

    /// <summary>"刘洋，138****2947，常州宏晟纺织有限公司" when the user left all three before.</summary>
    public static string? Remembered(UserProfile profile) =>
        profile is { Company: { } company, Phone: { } phone, ContactName: { } name } ? $"{company}，联系人{name}，电话{Mask(phone)}" : null;

    public static string Mask(string phone)
    {
        var digits = new string(phone.Where(char.IsDigit).ToArray());
        return digits.Length >= 7 ? $"{digits[..3]}****{digits[^4..]}" : phone;
    }

    /// <summary>
    /// Takes one user message into the draft. Returns a short remark when the answer could not fill the slot asked
    /// (for example an invalid credit code), which the bot says before asking again.
    /// </summary>
    public static string? Apply(RequestDraft draft, string text, RequestUnderstander understander, UserProfile profile, DateTimeOffset now, Phrases p)
    {
        var answer = text.Trim();
        var said = understander.Understand(answer);
        var entitiesBefore = draft.Entities;
        draft.Entities = RequestUnderstander.Merge(draft.Entities, said);
        var correctedSomething = draft.Entities != entitiesBefore;
        var contactBefore = draft.ContactName;
        draft.ContactName = Answers.ContactName(answer) is { } name && (draft.Asking == Slots.ContactName.Key || ContactCue(answer)) ? name : draft.ContactName;
        var gaveOtherDetails = correctedSomething || draft.ContactName != contactBefore;
        var asking = draft.Asking;
        draft.Asking = null;
        var (filled, remark) = Fill(draft, asking, answer, said, correctedSomething, profile, now, p);
        // An optional question the user passed over is not asked again; one they answered with other details is.
        if (!filled && !gaveOtherDetails && asking is not null && asking != Slots.Need.Key && Slots.Find(asking) is { Optional: true })
        {
            draft.Skipped.Add(asking);
        }

        var onlyContact = !said.HasNeed && (said.Entities.Company ?? said.Entities.Phone ?? said.Entities.CreditCode) is not null;
        if (!filled && asking is not (SummaryKey or RememberedKey) && !onlyContact && remark is null && said.HasNeed)
        {
            draft.Texts.Add(answer);
        }

        if (!draft.CategoryChosen && draft.Texts.Count > 0 && (draft.Category is null || asking == Slots.Need.Key))
        {
            Categorize(draft, understander);
        }

        if (draft.Editing == asking)
        {
            draft.Editing = null;
        }

        return remark;
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

    private static (bool Filled, string? Remark) Fill(
        RequestDraft draft, string? asking, string answer, Understanding.Understanding said, bool correctedSomething, UserProfile profile, DateTimeOffset now, Phrases p)
    {
        switch (asking)
        {
            case "need":
                if (said.HasNeed || answer.Length >= 6)
                {
                    draft.Texts.Add(answer);
                    return (true, null);
                }

                return (false, null);
            case "category":
                var chosen = CategoryNames.FromTitle(answer) ?? (said.IsConfident ? said.Category : null);
                if (chosen is null)
                {
                    return (false, null);
                }

                if (CategoryNames.FromTitle(answer) is null)
                {
                    draft.Texts.Add(answer);
                }

                draft.Category = chosen;
                draft.CategoryChosen = true;
                return (true, null);
            case RememberedKey:
                draft.OfferedRememberedPhone = true;
                if (ConfirmPrompt.Recognize(answer) == true)
                {
                    draft.Entities = draft.Entities with
                    {
                        Company = profile.Company,
                        Phone = profile.Phone,
                        CreditCode = draft.Entities.CreditCode ?? profile.CreditCode,
                        CreditCodeValid = draft.Entities.CreditCode is null && profile.CreditCode is not null ? true : draft.Entities.CreditCodeValid,
                    };
                    draft.ContactName ??= profile.ContactName;
                    if (profile.CreditCode is null)
                    {
                        // They left no credit code last time; do not ask again for what they chose not to give.
                        draft.Skipped.Add(Slots.CreditCode.Key);
                    }

                    return (true, null);
                }

                return (said.Entities.Phone is not null || said.Entities.Company is not null, null);
            case "company":
                if (said.Entities.Company is null && Answers.CompanyName(answer) is { } company)
                {
                    draft.Entities = draft.Entities with { Company = company };
                }

                return (draft.Entities.Company is not null, null);
            case "creditCode":
                if (Answers.CreditCodeIn(answer) is not { } code)
                {
                    return (false, null);
                }

                var problem = CreditCode.Check(CreditCode.Normalize(code));
                draft.Entities = draft.Entities with { CreditCode = code, CreditCodeValid = problem is null };
                if (problem is null)
                {
                    return (true, null);
                }

                return (true, (p.English ? "That credit code does not check out: " : "") + problem);
            case "contactName":
                return (draft.ContactName is not null, null);
            case "phone":
                if (draft.Entities.Phone is null && Answers.PhoneIn(answer) is { } phone)
                {
                    draft.Entities = draft.Entities with { Phone = phone };
                }

                return (draft.Entities.Phone is not null, draft.Entities.Phone is null && answer.Any(char.IsDigit)
                    ? (p.English ? "That does not look like a phone number." : "这个号码似乎不完整，请填写11位手机号或带区号的座机号。")
                    : null);
            case "area":
                if (draft.Entities.AreaMu is null && draft.Entities.AreaSqm is null && Answers.BareNumber(answer, p.English) is { } area and > 0)
                {
                    draft.Entities = area <= 5000 ? draft.Entities with { AreaMu = area } : draft.Entities with { AreaSqm = area };
                }

                return (IsFilled(draft, Slots.Area), null);
            case "amount":
                if (draft.Entities.AmountCny is null && Answers.BareNumber(answer, p.English) is { } amount and > 0)
                {
                    // "300" in answer to "需要多少资金（例如：300万元）" means 300万.
                    draft.Entities = draft.Entities with { AmountCny = amount < 100_000 ? amount * 10_000 : amount };
                }

                return (IsFilled(draft, Slots.Amount), null);
            case "headcount":
                if (draft.Entities.Headcount is null && Answers.BareNumber(answer, p.English) is { } people and > 0 and < 1_000_000)
                {
                    draft.Entities = draft.Entities with { Headcount = (int)people };
                }

                return (IsFilled(draft, Slots.Headcount), null);
            case "deadline":
                if (draft.Entities.Deadline is null && DateTimePrompt.Recognize(answer, now, p.English) is { } when)
                {
                    draft.Entities = draft.Entities with { Deadline = when.Text };
                }

                return (IsFilled(draft, Slots.Deadline), null);
            case null or SummaryKey:
                return (false, null);
            default:
                // A message that gave other details ("算了，改成300万") or a long new story is not the answer to a
                // free-text question such as "资金主要用于什么？".
                if (correctedSomething || said.Entities.Company is not null || (said.HasNeed && answer.Length > 40))
                {
                    return (false, null);
                }

                draft.Details[asking] = Answers.Clip(answer);
                return (true, null);
        }
    }

    private static bool ContactCue(string answer) =>
        answer.Contains("我姓", StringComparison.Ordinal) || answer.Contains("免贵", StringComparison.Ordinal)
        || answer.Contains("联系人", StringComparison.Ordinal) || answer.Contains("我叫", StringComparison.Ordinal);

    /// <summary>A field as the summary shows it, or null when not given.</summary>
    public static string? Describe(RequestDraft draft, Slot slot, Phrases p) => slot.Key switch
    {
        "need" => draft.Texts.Count == 0 ? null : Answers.Clip(draft.Text, 300),
        "category" => draft.Category is null ? null : CategoryNames.Name(draft.Category, p),
        "company" => draft.Entities.Company,
        "creditCode" => draft.Entities.CreditCodeValid == true ? draft.Entities.CreditCode : null,
        "contactName" => draft.ContactName,
        "phone" => draft.Entities.Phone,
        "area" => draft.Entities.AreaMu is { } mu ? $"{mu.ToString("0.##", CultureInfo.InvariantCulture)}{(p.English ? " mu" : "亩")}"
            : draft.Entities.AreaSqm is { } sqm ? $"{sqm.ToString("#,0.##", CultureInfo.InvariantCulture)}{(p.English ? " m²" : "平方米")}" : null,
        "amount" => draft.Entities.AmountCny is { } yuan ? Money(yuan, p) : null,
        "headcount" => draft.Entities.Headcount is { } n ? (p.English ? $"{n} people" : $"{n}人") : null,
        "deadline" => draft.Entities.Deadline,
        _ => draft.Details.GetValueOrDefault(slot.Key),
    };

    public static string Money(decimal yuan, Phrases p) =>
        p.English ? $"{yuan.ToString("#,0", CultureInfo.InvariantCulture)} yuan"
        : yuan >= 100_000_000 && yuan % 1_000_000 == 0 ? $"{(yuan / 100_000_000).ToString("0.##", CultureInfo.InvariantCulture)}亿元"
        : yuan >= 10_000 && yuan % 100 == 0 ? $"{(yuan / 10_000).ToString("0.##", CultureInfo.InvariantCulture)}万元"
        : $"{yuan.ToString("0.##", CultureInfo.InvariantCulture)}元";

    /// <summary>What the last message added or changed besides the slot asked: "已记录：用地面积 20亩；已更新：资金需求 300万元".</summary>
    public static string? Changes(IReadOnlyDictionary<string, string?> before, RequestDraft draft, string? asked, Phrases p)
    {
        var added = new List<string>();
        var updated = new List<string>();
        foreach (var slot in Slots.All.Where(s => s.Key is not ("need" or "category") && s.Key != asked))
        {
            var now = Describe(draft, slot, p);
            var was = before.GetValueOrDefault(slot.Key);
            if (now is null || now == was)
            {
                continue;
            }

            (was is null ? added : updated).Add(p.English ? $"{slot.English}: {now}" : $"{slot.Chinese} {now}");
        }

        var parts = new List<string>();
        if (added.Count > 0)
        {
            parts.Add((p.English ? "Noted — " : "已记录：") + string.Join(p.English ? "; " : "；", added));
        }

        if (updated.Count > 0)
        {
            parts.Add((p.English ? "Updated — " : "已更新：") + string.Join(p.English ? "; " : "；", updated));
        }

        return parts.Count == 0 ? null : string.Join(p.English ? ". " : "。", parts) + (p.English ? "." : "。");
    }

    public static IReadOnlyDictionary<string, string?> Snapshot(RequestDraft draft, Phrases p) =>
        Slots.All.ToDictionary(s => s.Key, s => Describe(draft, s, p));

    /// <summary>The fields the summary lists, in order: the request, the enterprise, then the category's details.</summary>
    public static IReadOnlyList<Slot> SummaryFields(RequestDraft draft) =>
        [Slots.Category, Slots.Need, .. Slots.Contact, .. Slots.DetailsFor(draft.Category)];
}
