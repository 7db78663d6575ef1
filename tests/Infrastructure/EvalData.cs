using System.Text.Json;

namespace Assistant.Tests.Infrastructure;

/// <summary>The labelled development set in ../shared/eval beside the repository.</summary>
public static class EvalData
{
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Assistant.sln")))
                {
                    var eval = Path.Combine(dir.Parent!.FullName, "shared", "eval");
                    return Directory.Exists(eval) ? eval : throw new DirectoryNotFoundException($"The evaluation set is expected at {eval} (../shared/eval beside the repository).");
                }
            }

            throw new DirectoryNotFoundException("The repository root (the folder with Assistant.sln) was not found above " + AppContext.BaseDirectory);
        }
    }

    public static IReadOnlyList<JsonElement> Dialogs() => Lines("dialogs.dev.jsonl");

    public static IReadOnlyList<JsonElement> Requests() => Lines("requests.dev.jsonl");

    private static IReadOnlyList<JsonElement> Lines(string file) =>
        File.ReadLines(Path.Combine(Folder, file)).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
}
