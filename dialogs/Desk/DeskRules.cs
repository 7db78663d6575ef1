using Assistant.Dialogs.Calendar;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Routing;
using Assistant.Dialogs.Desk.Tickets;

namespace Assistant.Dialogs.Desk;

/// <summary>
/// Everything a ticket decision needs besides the ticket: the calendar, the stage limits of each category, the
/// departments and the router. Immutable once built, so decisions over it stay pure.
/// </summary>
public sealed class DeskRules
{
    private readonly Dictionary<string, StageLimits> _limits;
    private readonly Dictionary<string, Department> _departments;

    /// <param name="settings">What administrators keep in the database (departments, routing rules); appsettings.json's when null.</param>
    public DeskRules(DeskOptions options, WorkingCalendar calendar, DeskSettings? settings = null)
    {
        Options = options;
        Calendar = calendar;
        Settings = settings ?? DeskSettings.From(options);
        Router = new Router(Settings.RoutingRules, options.Categories);
        var preset = DeadlinePresets.All[options.Preset].With(options.Limits);
        _limits = options.Categories.ToDictionary(c => c.Id, c => preset.With(c.Limits));
        _limits[""] = preset;
        _departments = Settings.Departments.ToDictionary(d => d.Id);
        CategoryNames = options.Categories.ToDictionary(c => c.Id, c => c.Name);
    }

    /// <summary>The departments and routing rules in force.</summary>
    public DeskSettings Settings { get; }

    public IReadOnlyList<Department> Departments => Settings.Departments;

    public DeskOptions Options { get; }

    public WorkingCalendar Calendar { get; }

    public Router Router { get; }

    public IReadOnlyDictionary<string, string> CategoryNames { get; }

    /// <summary>The 办结 clock stops while the enterprise is asked for 补充材料 (Desk:PauseWhileAwaitingInformation, or the preset).</summary>
    public bool PausesForInformation => Options.PauseWhileAwaitingInformation ?? DeadlinePresets.PausesForInformation(Options.Preset);

    public StageLimits LimitsFor(string category) => _limits.GetValueOrDefault(category) ?? _limits[""];

    public Department? FindDepartment(string id) => _departments.GetValueOrDefault(id);

    public string DepartmentName(string? id) => id is not null && _departments.TryGetValue(id, out var d) ? d.Name : id ?? "（未指定）";

    /// <summary>The department's name in the user's language.</summary>
    public string DepartmentName(string? id, bool english) =>
        english && id is not null && _departments.TryGetValue(id, out var d) && d.EnglishName is { Length: > 0 } name ? name : DepartmentName(id);

    public bool IsCategory(string id) => CategoryNames.ContainsKey(id);

    /// <summary>All stage deadlines of a category, counted from the moment of dispatch.</summary>
    public StageDeadlines DeadlinesFrom(string category, DateTimeOffset dispatchedAt)
    {
        var limits = LimitsFor(category);
        return new StageDeadlines(
            Calendar.Add(dispatchedAt, limits.SignFor),
            Calendar.Add(dispatchedAt, limits.FirstContact),
            Calendar.Add(dispatchedAt, limits.Resolve));
    }
}
