using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Host;

/// <summary>What an operator sees when asking the host for help: every verb, in English and Chinese, first and alone.</summary>
public sealed class VerbsTests
{
    // Help must not need a database: point the embedded one at programs that do not exist.
    private static readonly Dictionary<string, string> NoDatabase = new()
    {
        ["Database__Embedded__BinDirectory"] = "/nonexistent",
        ["ConnectionStrings__Marten"] = "",
    };

    private static async Task<(int Code, string Output)> Run(params string[] args)
    {
        await using var host = HostProcess.Start(NoDatabase, args);
        var code = await host.Exit(TimeSpan.FromSeconds(60));
        return (code, host.Output);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("?")]
    public async Task Help_lists_every_verb_first_with_nothing_before_it(string word)
    {
        var (code, output) = await Run(word);

        Assert.Equal(0, code);
        Assert.StartsWith("有求必应 — the enterprise service assistant / 企业服务助手", output, StringComparison.Ordinal);
        Assert.Equal(["understand", "demo", "user-add", "db-apply", "db-assert", "db-patch", "db-dump", "db-list", "check-env", "projections", "stream-query", "event-query", "help"], Verbs(output));
        Assert.Contains("Ctrl+C", output, StringComparison.Ordinal);
        Assert.Contains("无需数据库", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Searching", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_database_verb_in_the_list_is_one_the_command_runner_knows()
    {
        var (_, ours) = await Run("help");
        var (code, theirs) = await Run("help", "--all");

        Assert.Equal(0, code);
        foreach (var verb in Verbs(ours).Except(["understand", "demo", "user-add", "help"]))
        {
            Assert.Matches($@"(?m)^\s+{verb}\s", theirs);
        }
    }

    [Fact]
    public async Task Help_for_one_verb_shows_its_options()
    {
        var (_, output) = await Run("help", "db-patch");

        Assert.Contains("dotnet run -- db-patch <filename>", output, StringComparison.Ordinal);
    }

    // The verbs of the list: the first word of each indented English line.
    private static List<string> Verbs(string help) =>
        help.Split('\n')
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^  ([a-z][a-z-]+)( |$)"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();
}
