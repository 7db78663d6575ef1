using Assistant.Dialogs.Understanding;

namespace Assistant.Tests.Understanding;

/// <summary>One understander for all tests, as the product holds one singleton: building it loads the number models.</summary>
public static class Shared
{
    public static RequestUnderstander Understander { get; } = new();

    /// <summary>The folder holding Assistant.sln, found by walking up from the test binaries.</summary>
    public static DirectoryInfo RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Assistant.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException($"No Assistant.sln above {AppContext.BaseDirectory}: run the tests from the repository.");
    }

    /// <summary>A file of the shared evaluation folder beside the repository (../shared/eval/).</summary>
    public static string SharedEvalFile(string name)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot().FullName, "..", "shared", "eval", name));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The labelled file {name} is missing: expected it at {path} (the shared eval folder beside the repository).", path);
    }

    /// <summary>A labelled file kept with these tests.</summary>
    public static string OwnFile(string name) => Path.Combine(RepositoryRoot().FullName, "tests", "Understanding", name);
}
