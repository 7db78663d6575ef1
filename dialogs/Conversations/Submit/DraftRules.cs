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

    /// <summary>
    /// The slot to ask next, or null when the draft is complete: the need, the category only when unsure, the details
    /// worth asking for this request that are still missing and were never asked, then how to reach the enterprise.
    /// </summary>
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

        foreach (var slot in DetailCues.Worth(draft.Category, draft.Text))
        {
            // A deadline is not asked of someone who has just said how urgent it is.
            if (IsFilled(draft, slot) || draft.Skipped.Contains(slot.Key) || draft.Asked.Contains(slot.Key) || (slot == Slots.Deadline && draft.Urgent))
            {
                continue;
            }

            return slot;
        }

        if (!draft.OfferedRememberedPhone && Remembered(profile) is not null && draft.Entities.Phone is null && draft.Entities.Company is null && draft.ContactName is null)
        {
            return new Slot(RememberedKey, "", "", "", "", false);
        }

        var missing = Required.Where(s => !IsFilled(draft, s)).ToList();
        if (missing.Count >= 2 && !draft.Asked.Contains(Slots.ContactAll.Key))
        {
            return Slots.ContactAll;
        }

        return missing.FirstOrDefault();
    }

    /// <summary>What a ticket cannot be filed without.</summary>
    public static IReadOnlyList<Slot> Required { get; } = [Slots.Company, Slots.ContactName, Slots.Phone];

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
        "contact" => Required.All(s => IsFilled(draft, s)),
        "concerns" => draft.Concerns.Count > 0,
        "urgency" => draft.Urgent,
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
        "concerns" => draft.Concerns.Count == 0 ? null : string.Join(p.English ? " " : "", draft.Concerns),
        "urgency" => draft.Urgency is { } words ? (p.English ? $"Urgent ({words})" : $"紧急（{words}）") : null,
        "contact" => null,
        _ => draft.Details.GetValueOrDefault(slot.Key),
    };

    public static string Money(decimal yuan, Phrases p) =>
        p.English ? $"{yuan.ToString("#,0", CultureInfo.InvariantCulture)} yuan"
        : yuan >= 100_000_000 && yuan % 1_000_000 == 0 ? $"{(yuan / 100_000_000).ToString("0.##", CultureInfo.InvariantCulture)}亿元"
        : yuan >= 10_000 && yuan % 100 == 0 ? $"{(yuan / 10_000).ToString("0.##", CultureInfo.InvariantCulture)}万元"
        : $"{yuan.ToString("0.##", CultureInfo.InvariantCulture)}元";

    /// <summary>What the last message added or changed besides the slot asked: "已记录：用地面积 20亩；已更新：资金需求 300万元".</summary>
    /// <param name="additions">True for only what was added ("已记录"), false for only what was changed or removed, null for both.</param>
    public static string? Changes(IReadOnlyDictionary<string, string?> before, RequestDraft draft, string? asked, Phrases p, bool? additions = null)
    {
        var added = new List<string>();
        var updated = new List<string>();
        var cleared = Slots.All.Where(s => before.GetValueOrDefault(s.Key) is not null && Describe(draft, s, p) is null && s.Key is not ("need" or "category" or "contact"))
            .Select(s => p.English ? s.English : s.Chinese).ToList();
        foreach (var slot in Slots.All.Where(s => s.Key is not ("need" or "category" or "concerns" or "urgency" or "contact") && s.Key != asked))
        {
            var now = Describe(draft, slot, p);
            var was = before.GetValueOrDefault(slot.Key);
            if (now is null || now == was)
            {
                continue;
            }

            (was is null ? added : updated).Add(p.English ? $"{slot.English}: {now}" : $"{slot.Chinese} {now}");
        }

        if (additions == true)
        {
            (updated, cleared) = ([], []);
        }
        else if (additions == false)
        {
            added = [];
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

        if (cleared.Count > 0)
        {
            parts.Add((p.English ? "Removed — " : "已删除：") + string.Join(p.English ? "; " : "、", cleared));
        }

        return parts.Count == 0 ? null : string.Join(p.English ? ". " : "。", parts) + (p.English ? "." : "。");
    }

    public static IReadOnlyDictionary<string, string?> Snapshot(RequestDraft draft, Phrases p) =>
        Slots.All.ToDictionary(s => s.Key, s => Describe(draft, s, p));

    /// <summary>
    /// The fields the summary lists, in order: the request, the enterprise, the category's details, then every other
    /// detail that was stated (an amount on a technology request, a deadline on an approval), the enterprise's
    /// questions and the urgency. Nothing stored is left off.
    /// </summary>
    public static IReadOnlyList<Slot> SummaryFields(RequestDraft draft)
    {
        var details = Slots.DetailsFor(draft.Category).Concat(Slots.Details).Distinct();
        return [Slots.Category, Slots.Need, .. Slots.Contact, .. details.Where(s => IsFilled(draft, s)), Slots.Concerns, Slots.Urgency];
    }

    /// <summary>The fields the user may choose to change from the summary: what is shown plus what is worth adding.</summary>
    public static IReadOnlyList<Slot> EditableFields(RequestDraft draft)
    {
        var details = Slots.DetailsFor(draft.Category).Concat(Slots.Details).Where(s => IsFilled(draft, s) || DetailCues.Worth(draft.Category, draft.Text).Contains(s));
        return [Slots.Category, Slots.Need, .. Slots.Contact, .. details.Distinct()];
    }
}
