using System.Globalization;
using Assistant.Dialogs.Conversations.Submit;

namespace Assistant.Tests.Conversations.Scripted;

/// <summary>How one scripted enterprise fared: filed or not, the summary card as first shown, and what it cost them.</summary>
public sealed record ScriptRun(ScriptedUser User, bool Filed, RequestDraft? FirstCard, int Messages, IReadOnlyList<string> Asked, string Transcript)
{
    /// <summary>Slots asked more than once.</summary>
    public IReadOnlyList<string> Repeated => Asked.GroupBy(a => a).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

    /// <summary>Why the first card was not right, or an empty list when it was.</summary>
    public IReadOnlyList<string> CardProblems()
    {
        if (FirstCard is not { } card)
        {
            return ["no summary card"];
        }

        var problems = new List<string>();
        if (card.Category != User.Category)
        {
            problems.Add($"category {card.Category} (expected {User.Category})");
        }

        var expected = User.Entities.ToDictionary();
        if (expected.GetValueOrDefault("credit_code_valid") == "false")
        {
            // A code that fails its check is explained to the user and kept off the card.
            expected.Remove("credit_code");
            expected.Remove("credit_code_valid");
        }

        var actual = card.Entities.ToKeys().ToDictionary(k => k.Key, k => Format(k.Value));
        foreach (var (key, value) in expected)
        {
            if (!actual.TryGetValue(key, out var got))
            {
                problems.Add($"{key} missing (expected {value})");
            }
            else if (!Same(got, value))
            {
                problems.Add($"{key} = {got} (expected {value})");
            }
        }

        problems.AddRange(actual.Keys.Where(k => !expected.ContainsKey(k)).Select(k => $"{k} = {actual[k]} invented"));
        foreach (var (key, part) in User.Details)
        {
            if (!card.Details.TryGetValue(key, out var detail) || !detail.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"detail {key} = {detail ?? "none"} (expected to contain {part})");
            }
        }

        // A progress enquiry or a remark about the conversation is not part of what the department is asked to do.
        problems.AddRange(User.NotInRequest.Where(part => card.Text.Contains(part, StringComparison.Ordinal)).Select(part => $"诉求内容 holds \"{part}\""));
        if (User.ContactName is { } name && card.ContactName != name)
        {
            problems.Add($"contact {card.ContactName ?? "none"} (expected {name})");
        }

        if (User.Urgent is { } urgent && card.Urgent != urgent)
        {
            problems.Add(urgent ? "urgency not recognised" : $"urgency invented ({card.Urgency})");
        }

        return problems;
    }

    private static string Format(object value) => value switch
    {
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static bool Same(string got, string wanted) =>
        decimal.TryParse(got, CultureInfo.InvariantCulture, out var a) && decimal.TryParse(wanted, CultureInfo.InvariantCulture, out var b) ? a == b : got == wanted;
}
