using System.Globalization;
using System.Text.Json;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Conversations;

/// <summary>
/// The ten development dialogs (tests/Understanding/Eval/dialogs.dev.jsonl): each user message is sent in turn, the
/// bot answers in between, and at the end the request being put together must hold the expected category and slots.
/// </summary>
public sealed class EvalDialogTests(PostgresServer server, ITestOutputHelper output) : ConversationContext(server)
{
    public static TheoryData<string> Ids() => new(EvalData.Dialogs().Select(d => d.GetProperty("id").GetString()!));

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task A_development_dialog_ends_with_the_expected_category_and_slots(string id)
    {
        var script = EvalData.Dialogs().Single(d => d.GetProperty("id").GetString() == id);
        var turns = script.GetProperty("turns").EnumerateArray().Select(t => t.GetString()!).ToArray();
        var expect = script.GetProperty("expect");
        var chat = NewChat();

        var transcript = await Script(chat, turns);
        output.WriteLine(transcript);

        var draft = await Draft(chat);
        Assert.NotNull(draft);
        var category = draft.Category ?? Understander.Understand(draft.Text).Category;
        Assert.Equal(expect.GetProperty("category").GetString(), category);
        var actual = draft.Entities.ToKeys().ToDictionary(k => k.Key, k => Convert.ToString(k.Value, CultureInfo.InvariantCulture));
        foreach (var slot in expect.GetProperty("entities").EnumerateObject())
        {
            var wanted = slot.Value.ValueKind == JsonValueKind.Number ? slot.Value.GetDecimal().ToString(CultureInfo.InvariantCulture) : slot.Value.ToString();
            Assert.True(actual.TryGetValue(slot.Name, out var got), $"{slot.Name} missing; have {string.Join(", ", actual.Keys)}");
            Assert.Equal(wanted, decimal.TryParse(got, CultureInfo.InvariantCulture, out var number) ? number.ToString(CultureInfo.InvariantCulture) : got);
        }
    }
}
