using System.Text.Json;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Understanding;

/// <summary>The understander is one singleton serving every conversation at once.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void Understanding_many_messages_at_once_gives_the_same_answers_as_one_by_one()
    {
        var texts = LabelledRequest.Read(EvalData.PathOf("requests.more.jsonl")).Select(r => r.Text).Take(200).ToList();
        var understander = Shared.Understander;

        var oneByOne = texts.Select(t => JsonSerializer.Serialize(understander.Understand(t))).ToList();
        var atOnce = texts.AsParallel().AsOrdered().WithDegreeOfParallelism(8)
            .Select(t => JsonSerializer.Serialize(understander.Understand(t))).ToList();

        Assert.Equal(oneByOne, atOnce);
    }
}
