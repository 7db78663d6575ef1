using System.Text.Json;

namespace Assistant.Tests.Infrastructure;

/// <summary>
/// The labelled requests and dialogs of tests/Understanding/Eval (their labelling rules are in its README), read
/// beside the test binaries where the build copies them, so that a clone needs nothing outside itself.
/// </summary>
public static class EvalData
{
    public static string PathOf(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Understanding", "Eval", name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"The labelled file {name} was not copied beside the tests: expected {path}.", path);
    }

    public static IReadOnlyList<JsonElement> Dialogs() => Lines("dialogs.dev.jsonl");

    public static IReadOnlyList<JsonElement> Requests() => Lines("requests.dev.jsonl");

    public static IReadOnlyList<JsonElement> Lines(string file) =>
        File.ReadLines(PathOf(file)).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
}
