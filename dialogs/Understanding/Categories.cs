namespace Assistant.Dialogs.Understanding;

/// <summary>The nine request categories, the same ids as <c>Desk:Categories</c> in appsettings.json.</summary>
public static class Categories
{
    public const string Land = "land";
    public const string Financing = "financing";
    public const string Hiring = "hiring";
    public const string Approval = "approval";
    public const string Energy = "energy";
    public const string Technology = "technology";
    public const string Policy = "policy";
    public const string Market = "market";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All =
        [Land, Financing, Hiring, Approval, Energy, Technology, Policy, Market, Other];
}
