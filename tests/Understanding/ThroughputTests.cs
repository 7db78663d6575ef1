using System.Diagnostics;
using System.Globalization;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Understanding;

/// <summary>Hundreds of messages are understood in well under a second once the models are loaded; the time is printed, not asserted.</summary>
public sealed class ThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void Three_hundred_messages_are_understood_one_after_another()
    {
        var texts = LabelledRequest.Read(EvalData.PathOf("requests.dev.jsonl"))
            .Concat(LabelledRequest.Read(EvalData.PathOf("requests.more.jsonl")))
            .Select(r => r.Text)
            .Take(300)
            .ToList();
        var understander = Shared.Understander;
        understander.Understand("想申请贷款500万，下周三之前，电话13800000000");

        var clock = Stopwatch.StartNew();
        var results = texts.Select(understander.Understand).ToList();
        clock.Stop();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{results.Count} messages in {clock.ElapsedMilliseconds} ms, {clock.Elapsed.TotalMilliseconds / results.Count:F2} ms each"));
        Assert.Equal(300, results.Count);
        Assert.All(results, r => Assert.Contains(r.Category, Dialogs.Understanding.Categories.All));
    }
}
