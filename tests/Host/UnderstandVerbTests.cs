using System.Diagnostics;
using System.Text.Json;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Host;

/// <summary>The administrators' command: JSON lines in, one JSON line out per input, no database, no web server.</summary>
public sealed class UnderstandVerbTests
{
    private static async Task<(int Code, string[] Lines, string Errors)> Understand(string input, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(HostProcess.BotAssembly);
        start.ArgumentList.Add("understand");
        foreach (var arg in extra)
        {
            start.ArgumentList.Add(arg);
        }

        // No database may be touched: point the embedded one at programs that do not exist.
        start.Environment["Database__Embedded__BinDirectory"] = "/nonexistent";
        start.Environment["ConnectionStrings__Marten"] = "";
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries), await errors);
    }

    [Fact]
    public async Task Each_line_gets_its_category_department_and_entities()
    {
        var (code, lines, errors) = await Understand("""
            {"id": "a1", "text": "想在园区再拿一块地扩产，大概二十亩左右，年底前能定下来吗？"}
            {"id": 7, "text": "我们公司（盐城东方汽配有限公司，统一社会信用代码：91320902MA1799TDX8）有一笔1200万元贷款将于6月30日到期，申请应急转贷资金"}

            """);

        Assert.True(code == 0, errors);
        Assert.Equal(2, lines.Length);
        using var land = JsonDocument.Parse(lines[0]);
        Assert.Equal("a1", land.RootElement.GetProperty("id").GetString());
        Assert.Equal("land", land.RootElement.GetProperty("category").GetString());
        Assert.Equal("自然资源和规划局", land.RootElement.GetProperty("department").GetString());
        Assert.Equal(20m, land.RootElement.GetProperty("entities").GetProperty("area_mu").GetDecimal());
        using var loan = JsonDocument.Parse(lines[1]);
        Assert.Equal(7, loan.RootElement.GetProperty("id").GetInt32());
        var entities = loan.RootElement.GetProperty("entities");
        Assert.Equal("91320902MA1799TDX8", entities.GetProperty("credit_code").GetString());
        Assert.True(entities.GetProperty("credit_code_valid").GetBoolean());
        Assert.Equal(12_000_000m, entities.GetProperty("amount_cny").GetDecimal());
        Assert.Empty(loan.RootElement.GetProperty("clarify").EnumerateArray());
    }

    [Fact]
    public async Task Bad_lines_are_answered_in_place_and_the_rest_still_run()
    {
        var (code, lines, _) = await Understand("not json\n{\"id\": 2}\n{\"id\": 3, \"text\": \"招20个普工\"}\n");

        Assert.Equal(0, code);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"error\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("missing", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"hiring\"", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_lists_the_cues_that_decided()
    {
        var (_, lines, _) = await Understand("{\"text\": \"电力增容怎么申请\"}\n", "--explain");

        using var answer = JsonDocument.Parse(lines[0]);
        Assert.NotEmpty(answer.RootElement.GetProperty("evidence").EnumerateArray());
    }

    [Fact]
    public async Task The_whole_development_set_runs_in_one_pass()
    {
        var input = string.Join("\n", EvalData.Requests().Select(r => JsonSerializer.Serialize(new { id = r.GetProperty("id").GetString(), text = r.GetProperty("text").GetString() })));

        var (code, lines, errors) = await Understand(input + "\n");

        Assert.True(code == 0, errors);
        Assert.Equal(EvalData.Requests().Count, lines.Length);
    }
}
