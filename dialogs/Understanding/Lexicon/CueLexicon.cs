namespace Assistant.Dialogs.Understanding.Lexicon;

internal static class CueLexicon
{
    /// <summary>The category of words that only shield a shorter cue inside them.</summary>
    public const string Neutral = "";

    public static readonly IReadOnlyList<Cue> All =
    [
        .. Cue.Parse(Categories.Land, LandCues.Table),
        .. Cue.Parse(Categories.Financing, FinancingCues.Table),
        .. Cue.Parse(Categories.Hiring, HiringCues.Table),
        .. Cue.Parse(Categories.Approval, ApprovalCues.Table),
        .. Cue.Parse(Categories.Energy, EnergyCues.Table),
        .. Cue.Parse(Categories.Technology, TechnologyCues.Table),
        .. Cue.Parse(Categories.Policy, PolicyCues.Table),
        .. Cue.Parse(Categories.Market, MarketCues.Table),
        .. Cue.Parse(Categories.Other, OtherCues.Table),
        .. Cue.Parse(Neutral, NeutralCues.Table),
    ];
}
