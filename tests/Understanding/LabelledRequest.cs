using System.Globalization;
using System.Text.Json;

namespace Assistant.Tests.Understanding;

/// <summary>One line of a labelled requests file (the format of Eval/requests.dev.jsonl).</summary>
public sealed record LabelledRequest(string Id, string Text, string Category, bool Ambiguous, IReadOnlyDictionary<string, string> Entities)
{
    public static IReadOnlyList<LabelledRequest> Read(string path) =>
        File.ReadLines(path).Where(line => line.Trim().Length > 0).Select(Parse).ToList();

    private static LabelledRequest Parse(string line)
    {
        var root = JsonDocument.Parse(line).RootElement;
        var entities = root.GetProperty("entities").EnumerateObject().ToDictionary(p => p.Name, p => Canonical(p.Value));
        if (root.TryGetProperty("credit_code_valid", out var valid))
        {
            entities["credit_code_valid"] = Canonical(valid);
        }

        return new LabelledRequest(
            root.GetProperty("id").GetString()!,
            root.GetProperty("text").GetString()!,
            root.GetProperty("category").GetString()!,
            root.TryGetProperty("ambiguous", out var ambiguous) && ambiguous.GetBoolean(),
            entities);
    }

    /// <summary>Values as comparable strings: numbers without trailing zeros, booleans lower-case.</summary>
    public static string Canonical(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetDecimal().ToString("0.########", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.ToString(),
    };

    public static string Canonical(object value) => value switch
    {
        decimal d => d.ToString("0.########", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => value.ToString()!,
    };
}
