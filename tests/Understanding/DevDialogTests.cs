using System.Text.Json;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Understanding;

/// <summary>The ten dev dialogs: turns merged in order end with exactly the expected slots and category.</summary>
public sealed class DevDialogTests
{
    public static TheoryData<string> Ids() => [.. Dialogs().Select(d => d.GetProperty("id").GetString()!)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void A_dev_dialog_ends_with_the_expected_slots_and_category(string id)
    {
        var dialog = Dialogs().Single(d => d.GetProperty("id").GetString() == id);
        var turns = dialog.GetProperty("turns").EnumerateArray().Select(t => t.GetString()!).ToList();
        var expect = dialog.GetProperty("expect");
        var expected = expect.GetProperty("entities").EnumerateObject().ToDictionary(p => p.Name, p => LabelledRequest.Canonical(p.Value));
        if (expect.TryGetProperty("credit_code_valid", out var valid))
        {
            expected["credit_code_valid"] = LabelledRequest.Canonical(valid);
        }

        var result = Shared.Understander.Understand(turns);

        Assert.Equal(expected, result.Entities.ToKeys().ToDictionary(k => k.Key, k => LabelledRequest.Canonical(k.Value)));
        Assert.Equal(expect.GetProperty("category").GetString(), result.Category);
    }

    [Fact]
    public void There_are_ten_dev_dialogs() => Assert.Equal(10, Dialogs().Count);

    private static List<JsonElement> Dialogs() =>
        [.. EvalData.Dialogs()];
}
