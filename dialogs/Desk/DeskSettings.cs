using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Routing;
using Marten;

namespace Assistant.Dialogs.Desk;

/// <summary>A keyword rule tried before the category's default department; the first that matches wins.</summary>
public sealed record RoutingRule(string Name, string? Category, IReadOnlyList<string> Keywords, string Department, IReadOnlyList<string> CoHandling);

/// <summary>The routing rules as administrators keep them: one document, replaced as a whole.</summary>
public sealed record RoutingRuleSet(IReadOnlyList<RoutingRule> Rules, string Id = RoutingRuleSet.DocumentId)
{
    public const string DocumentId = "routing";
}

/// <summary>
/// What administrators change while the desk runs: the departments and the routing rules. Both start from
/// appsettings.json (seeded into the database on the first start) and then live in the database.
/// </summary>
public sealed record DeskSettings(IReadOnlyList<Department> Departments, IReadOnlyList<RoutingRule> RoutingRules)
{
    public static DeskSettings From(DeskOptions options) => new(
        options.Departments.Select(d => new Department(d.Id, d.Name, d.Kind)).ToList(),
        Rules(options));

    public static IReadOnlyList<RoutingRule> Rules(DeskOptions options) =>
        options.RoutingRules.Select(r => new RoutingRule(r.Name, r.Category, r.Keywords, r.Department, r.CoHandling)).ToList();

    public bool SameAs(DeskSettings other) =>
        Departments.SequenceEqual(other.Departments)
        && RoutingRules.Count == other.RoutingRules.Count
        && RoutingRules.Zip(other.RoutingRules).All(p => p.First.Name == p.Second.Name && p.First.Category == p.Second.Category && p.First.Department == p.Second.Department
            && p.First.Keywords.SequenceEqual(p.Second.Keywords) && p.First.CoHandling.SequenceEqual(p.Second.CoHandling));
}

/// <summary>
/// The desk rules in force. Built from appsettings.json at start, then from what the database holds, and built again
/// when an administrator changes the departments or the routing rules (at once on the host that made the change,
/// within <see cref="Reload"/>'s period on the others). Decisions read <see cref="Current"/>: each sees one
/// consistent set of rules.
/// </summary>
public sealed class DeskRulesSource
{
    private readonly DeskOptions _options;
    private readonly Calendar.WorkingCalendar _calendar;
    private DeskRules _current;

    public DeskRulesSource(DeskOptions options, Calendar.WorkingCalendar calendar)
    {
        _options = options;
        _calendar = calendar;
        _current = new DeskRules(options, calendar);
    }

    private DeskRulesSource(DeskRules fixedRules)
    {
        _options = fixedRules.Options;
        _calendar = fixedRules.Calendar;
        _current = fixedRules;
    }

    public DeskRules Current => Volatile.Read(ref _current);

    /// <summary>Rules that never change (tests, one-off tools).</summary>
    public static DeskRulesSource Fixed(DeskRules rules) => new(rules);

    /// <summary>Reads the departments and routing rules from the database; builds new rules when they differ.</summary>
    public async Task Reload(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var departments = await session.Query<Department>().OrderBy(d => d.Id).ToListAsync(cancellation);
        var routing = await session.LoadAsync<RoutingRuleSet>(RoutingRuleSet.DocumentId, cancellation);
        if (departments.Count == 0)
        {
            return; // not seeded yet
        }

        var settings = new DeskSettings(departments, routing?.Rules ?? DeskSettings.Rules(_options));
        if (!settings.SameAs(Current.Settings))
        {
            Volatile.Write(ref _current, new DeskRules(_options, _calendar, settings));
        }
    }
}
