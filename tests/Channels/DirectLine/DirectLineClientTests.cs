using System.Diagnostics;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Channels.DirectLine;

/// <summary>The real client library (botframework-directlinejs, as used by Web Chat) against the running host, under Node's test runner.</summary>
public sealed class DirectLineClientTests(PostgresServer server, ITestOutputHelper output)
{
    [Fact]
    public async Task The_Direct_Line_client_library_starts_sends_receives_resumes_and_refreshes()
    {
        const string secret = "node-client-secret";
        await using var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = server.ConnectionString,
            ["Database__Schema"] = PostgresServer.NewSchema("dljs"),
            ["DirectLine__Secret"] = secret,
        });
        await host.WaitUntilReady(TimeSpan.FromSeconds(120));

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = NodeFolder() };
        start.ArgumentList.Add("--test");
        start.ArgumentList.Add("--test-reporter=spec");
        start.ArgumentList.Add("directline.test.mjs");
        start.Environment["BASE_URL"] = $"http://127.0.0.1:{host.Port}";
        start.Environment["SECRET"] = secret;
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await node.WaitForExitAsync(TestContext.Current.CancellationToken);
        output.WriteLine(await stdout);
        output.WriteLine(await stderr);

        Assert.True(node.ExitCode == 0, $"node --test failed:\n{await stdout}\n{await stderr}");
        Assert.Contains("pass 4", await stdout, StringComparison.Ordinal);
    }

    private static string NodeFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Assistant.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "node");
            }
        }

        throw new DirectoryNotFoundException("tests/node was not found above " + AppContext.BaseDirectory);
    }
}
