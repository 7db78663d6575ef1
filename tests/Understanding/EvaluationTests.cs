namespace Assistant.Tests.Understanding;

/// <summary>
/// Measures understanding on labelled requests and fails when it falls below what it reached: the dev set of the
/// shared eval folder, and the lines written for these tests under the same rules (requests.more.jsonl).
/// </summary>
public sealed class EvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void The_dev_set_is_routed_and_read_as_well_as_before()
    {
        var card = Scorecard.Of(LabelledRequest.Read(Shared.SharedEvalFile("requests.dev.jsonl")), Shared.Understander);
        output.WriteLine(card.Report());

        Assert.Equal(98, card.Count);
        Assert.True(card.Accuracy >= 0.97, $"category accuracy {card.Accuracy:P1}");
        Assert.True(card.ConfidentMisroutes <= 1, $"{card.ConfidentMisroutes} confident misroutes");
        Assert.True(card.ClarifyRate <= 0.15, $"clarify rate {card.ClarifyRate:P1}");
        Assert.True(card.AmbiguousHandled >= card.Ambiguous - 1, $"ambiguous lines handled {card.AmbiguousHandled}/{card.Ambiguous}");
        Assert.True(card.ExactRate >= 0.95, $"entities exactly right on {card.ExactRate:P1}");
        foreach (var key in Scorecard.Keys)
        {
            Assert.True(card.F1(key) >= 0.9, $"{key} F1 {card.F1(key):F2}");
        }
    }

    [Fact]
    public void Requests_written_under_the_same_rules_are_routed_and_read_as_well_as_before()
    {
        var card = Scorecard.Of(LabelledRequest.Read(Shared.OwnFile("requests.more.jsonl")), Shared.Understander);
        output.WriteLine(card.Report());

        Assert.True(card.Count >= 300);
        Assert.True(card.Accuracy >= 0.95, $"category accuracy {card.Accuracy:P1}");
        Assert.True(card.ConfidentMisroutes <= 3, $"{card.ConfidentMisroutes} confident misroutes");
        Assert.True(card.ClarifyRate <= 0.15, $"clarify rate {card.ClarifyRate:P1}");
        Assert.True(card.ExactRate >= 0.95, $"entities exactly right on {card.ExactRate:P1}");
        foreach (var key in Scorecard.Keys)
        {
            Assert.True(card.F1(key) >= 0.85, $"{key} F1 {card.F1(key):F2}");
        }
    }
}
