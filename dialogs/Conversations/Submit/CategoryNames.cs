namespace Assistant.Dialogs.Conversations.Submit;

/// <summary>The nine request categories as users read them.</summary>
public static class CategoryNames
{
    private static readonly Dictionary<string, (string Zh, string En)> Names = new()
    {
        ["land"] = ("用地", "Land"),
        ["financing"] = ("融资", "Financing"),
        ["hiring"] = ("用工", "Hiring"),
        ["approval"] = ("审批", "Approvals"),
        ["energy"] = ("能耗", "Energy"),
        ["technology"] = ("科技", "Technology"),
        ["policy"] = ("政策", "Policy"),
        ["market"] = ("市场", "Markets"),
        ["other"] = ("其他", "Other"),
    };

    public static IReadOnlyList<string> Ids { get; } = [.. Names.Keys];

    public static string Name(string id, Phrases p) => Names.TryGetValue(id, out var n) ? (p.English ? n.En : n.Zh) : id;

    /// <summary>The category a button title or typed name stands for ("融资", "Financing", "用工类").</summary>
    public static string? FromTitle(string? text)
    {
        var said = Engine.UserText.Normalize(text).TrimEnd('类');
        return Names.FirstOrDefault(n => n.Value.Zh == said || n.Value.En.Equals(said, StringComparison.OrdinalIgnoreCase) || n.Key == said).Key;
    }
}
