using System.Globalization;
using System.Text.Json;
using Assistant.Dialogs.Conversations.Submit;

namespace Assistant.Tests.Conversations.Scripted;

/// <summary>
/// One scripted enterprise: what they type unprompted (the turns, sent whatever the bot asked), what they answer if
/// the bot still asks for something afterwards, and what the ticket should say. Read from the scripted dialogs,
/// or from a development dialog, whose answers are made from what it expects.
/// </summary>
public sealed record ScriptedUser(
    string Id,
    IReadOnlyList<string> Turns,
    IReadOnlyDictionary<string, string> Answers,
    string Category,
    IReadOnlyDictionary<string, string> Entities,
    IReadOnlyDictionary<string, string> Details,
    int Concerns,
    bool? Urgent,
    IReadOnlyList<string> NotInRequest,
    string? ContactName)
{
    public static ScriptedUser From(JsonElement line)
    {
        var expect = line.GetProperty("expect");
        var entities = expect.GetProperty("entities").EnumerateObject().ToDictionary(
            e => e.Name,
            e => e.Value.ValueKind == JsonValueKind.Number ? e.Value.GetDecimal().ToString(CultureInfo.InvariantCulture) : e.Value.ToString().ToLowerInvariant() is "true" or "false" && e.Value.ValueKind != JsonValueKind.String ? e.Value.ToString().ToLowerInvariant() : e.Value.ToString());
        var answers = line.TryGetProperty("answers", out var a)
            ? a.EnumerateObject().ToDictionary(x => x.Name, x => x.Value.ToString())
            : Made(entities);
        if (!line.TryGetProperty("answers", out _))
        {
            // What the made-up user answers ends up on the ticket too.
            entities.TryAdd("company", answers["company"]);
            entities.TryAdd("phone", answers["phone"]);
        }
        return new ScriptedUser(
            line.GetProperty("id").GetString()!,
            line.GetProperty("turns").EnumerateArray().Select(t => t.GetString()!).ToList(),
            answers,
            expect.GetProperty("category").GetString()!,
            entities,
            expect.TryGetProperty("details", out var d) ? d.EnumerateObject().ToDictionary(x => x.Name, x => x.Value.ToString()) : [],
            expect.TryGetProperty("concerns", out var c) ? c.GetInt32() : 0,
            expect.TryGetProperty("urgent", out var u) ? u.GetBoolean() : null,
            expect.TryGetProperty("not_in_request", out var n) ? n.EnumerateArray().Select(x => x.GetString()!).ToList() : [],
            expect.TryGetProperty("contact_name", out var cn) ? cn.GetString() : null);
    }

    /// <summary>A development dialog gives no answers: the user knows their company and phone, and is 王先生.</summary>
    private static Dictionary<string, string> Made(IReadOnlyDictionary<string, string> entities)
    {
        var company = entities.GetValueOrDefault("company") ?? "苏州恒远精工有限公司";
        var phone = entities.GetValueOrDefault("phone") ?? "13800001234";
        return new() { ["contact"] = $"{company}，王先生，{phone}", ["company"] = company, ["contactName"] = "王先生", ["phone"] = phone };
    }

    /// <summary>What this user says when asked for a slot: their answer, or 跳过 for an optional detail they never gave.</summary>
    public string? Reply(string slot)
    {
        if (Answers.TryGetValue(slot, out var answer))
        {
            return answer;
        }

        return Slots.Find(slot) is { Optional: true } ? "跳过" : slot == "remembered" ? "否" : null;
    }
}
