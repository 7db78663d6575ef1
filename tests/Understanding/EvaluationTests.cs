using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Understanding;

/// <summary>
/// Measures understanding on labelled requests and fails when it falls below what it reached: the dev set
/// (requests.dev.jsonl), and the lines written for these tests under the same rules (requests.more.jsonl).
/// </summary>
public sealed class EvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void The_dev_set_is_routed_and_read_as_well_as_before()
    {
        var card = Scorecard.Of(LabelledRequest.Read(EvalData.PathOf("requests.dev.jsonl")), Shared.Understander);
        output.WriteLine(card.Report());

        Assert.Equal(98, card.Count);
        Assert.True(card.Accuracy >= 0.98, $"category accuracy {card.Accuracy:P1}");
        Assert.True(card.ConfidentMisroutes <= 1, $"{card.ConfidentMisroutes} confident misroutes");
        Assert.True(card.StrictAccuracy >= 0.97, $"right without a question {card.StrictAccuracy:P1}");
        Assert.True(card.ClarifyRate <= 0.03, $"clarify rate {card.ClarifyRate:P1}");
        Assert.True(card.AmbiguousHandled == card.Ambiguous, $"ambiguous lines handled {card.AmbiguousHandled}/{card.Ambiguous}");
        Assert.True(card.ExactRate >= 0.98, $"entities exactly right on {card.ExactRate:P1}");
        foreach (var key in Scorecard.Keys)
        {
            Assert.True(card.F1(key) >= 0.95, $"{key} F1 {card.F1(key):F2}");
        }
    }

    [Fact]
    public void Requests_written_under_the_same_rules_are_routed_and_read_as_well_as_before()
    {
        var card = Scorecard.Of(LabelledRequest.Read(EvalData.PathOf("requests.more.jsonl")), Shared.Understander);
        output.WriteLine(card.Report());

        Assert.True(card.Count >= 700);
        Assert.True(card.Accuracy >= 0.96, $"category accuracy {card.Accuracy:P1}");
        Assert.True(card.StrictAccuracy >= 0.935, $"right without a question {card.StrictAccuracy:P1}");
        Assert.True(card.ConfidentMisroutes <= card.Count / 100, $"{card.ConfidentMisroutes} confident misroutes");
        Assert.True(card.ClarifyRate <= 0.06, $"clarify rate {card.ClarifyRate:P1}");
        Assert.True(card.AmbiguousHandled >= card.Ambiguous * 0.95, $"ambiguous lines handled {card.AmbiguousHandled}/{card.Ambiguous}");
        Assert.True(card.ExactRate >= 0.98, $"entities exactly right on {card.ExactRate:P1}");
        foreach (var key in Scorecard.Keys)
        {
            Assert.True(card.F1(key) >= 0.93, $"{key} F1 {card.F1(key):F2}");
        }
    }
}
