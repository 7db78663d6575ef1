using Assistant.Dialogs.Calendar;

namespace Assistant.Dialogs.Desk;

/// <summary>Stage limits of one region's scheme; every limit counts from dispatch (派单).</summary>
public sealed record StageLimits(
    WorkingDuration SignFor,
    WorkingDuration FirstContact,
    WorkingDuration Resolve,
    WorkingDuration ReturnWithin,
    WorkingDuration MaxResolve)
{
    public StageLimits With(DeskOptions.StageLimitOptions overrides) => new(
        Pick(overrides.SignFor, SignFor),
        Pick(overrides.FirstContact, FirstContact),
        Pick(overrides.Resolve, Resolve),
        Pick(overrides.ReturnWithin, ReturnWithin),
        Pick(overrides.MaxResolve, MaxResolve));

    private static WorkingDuration Pick(string? text, WorkingDuration fallback) =>
        string.IsNullOrWhiteSpace(text) ? fallback : WorkingDuration.Parse(text);
}

/// <summary>Deadline schemes from real enterprise-service practice (norms.md §1.3).</summary>
public static class DeadlinePresets
{
    public const string Default = "default";

    /// <summary>
    /// Whether the 办结 clock stops while the department waits for the enterprise's 补充材料 (the time is the
    /// enterprise's, not the department's). Our reading of the schemes: the product default and Shandong's 工单
    /// suspend it; the pledge schemes (河南 13710, 中山 马上办) count straight through. Desk:PauseWhileAwaitingInformation
    /// overrides it.
    /// </summary>
    public static bool PausesForInformation(string preset) => preset is Default or "shandong";

    public static IReadOnlyDictionary<string, StageLimits> All { get; } = new Dictionary<string, StageLimits>
    {
        // Product defaults: sign for in 1, contact in 2, resolve in 5 working days; complex cases up to 30.
        [Default] = new(WorkingDuration.Days(1), WorkingDuration.Days(2), WorkingDuration.Days(5), WorkingDuration.Days(2), WorkingDuration.Days(30)),

        // 河南 万人助万企 "13710": transfer in 1 day, feedback in 3, solve in 7, complex within a month.
        ["henan-13710"] = new(WorkingDuration.Days(1), WorkingDuration.Days(3), WorkingDuration.Days(7), WorkingDuration.Days(2), WorkingDuration.Days(22)),

        // 山东 接诉即办: verify in 1, answer in 3, solve in 15, complex up to 30 working days; returns within 2.
        ["shandong"] = new(WorkingDuration.Days(1), WorkingDuration.Days(3), WorkingDuration.Days(15), WorkingDuration.Days(2), WorkingDuration.Days(30)),

        // 中山 马上办: contact the enterprise within 1 hour, close within 5 working days.
        ["zhongshan"] = new(WorkingDuration.Hours(1), WorkingDuration.Hours(1), WorkingDuration.Days(5), WorkingDuration.Days(2), WorkingDuration.Days(30)),
    };
}
