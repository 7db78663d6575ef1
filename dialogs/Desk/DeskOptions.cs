using System.ComponentModel.DataAnnotations;
using Assistant.Dialogs.Calendar;
using Assistant.Dialogs.Desk.Departments;

namespace Assistant.Dialogs.Desk;

/// <summary>Section <c>Desk</c> of appsettings.json: departments, categories, routing and deadlines.</summary>
public sealed class DeskOptions : IValidatableObject
{
    public const string Section = "Desk";

    /// <summary>Letters before the year in ticket numbers: "YQ" gives YQ2026-000123.</summary>
    [Required]
    [RegularExpression("^[A-Z]{1,4}$", ErrorMessage = "Desk:TicketNumberPrefix must be 1–4 capital letters.")]
    public string TicketNumberPrefix { get; set; } = "YQ";

    /// <summary>Regional deadline preset the category limits start from: default, henan-13710, shandong, zhongshan.</summary>
    [Required]
    public string Preset { get; set; } = DeadlinePresets.Default;

    /// <summary>Overrides of the preset for every category.</summary>
    public StageLimitOptions Limits { get; set; } = new();

    /// <summary>How often a ticket is re-handled (重办) after 不满意 before it is archived for the dispatcher to follow up.</summary>
    [Range(0, 10)]
    public int MaxReopens { get; set; } = 2;

    /// <summary>A ticket routed on an understanding less sure than this also appears in the dispatchers' 待分派 list.</summary>
    [Range(0.0, 1.0)]
    public double TriageBelowConfidence { get; set; } = 0.5;

    /// <summary>审核: an outcome waits for a dispatcher's approval before it is released to the enterprise.</summary>
    public bool ReviewOutcomes { get; set; }

    /// <summary>A clerk's 退单 waits for the head of the department before it goes to the dispatcher.</summary>
    public bool HeadsApproveReturns { get; set; } = true;

    /// <summary>Whether the 办结 clock stops while the enterprise is asked for 补充材料; unset follows the preset.</summary>
    public bool? PauseWhileAwaitingInformation { get; set; }

    /// <summary>A deadline passed by this many working days brings an automatic 督办 (0: never; leaders still can).</summary>
    [Range(0, 30, ErrorMessage = "Desk:SuperviseAfterOverdueWorkingDays 须在 0 到 30 之间。")]
    public int SuperviseAfterOverdueWorkingDays { get; set; } = 1;

    [MinLength(1)]
    public List<DepartmentOptions> Departments { get; set; } = [];

    [MinLength(1)]
    public List<CategoryOptions> Categories { get; set; } = [];

    /// <summary>Rules tried before the category defaults: the first whose category and keywords match wins.</summary>
    public List<RoutingRuleOptions> RoutingRules { get; set; } = [];

    public CalendarOptions Calendar { get; set; } = new();

    public sealed class DepartmentOptions
    {
        [Required]
        public string Id { get; set; } = "";

        [Required]
        public string Name { get; set; } = "";

        /// <summary>The name told to users who write in English; the Chinese name when not set.</summary>
        public string? EnglishName { get; set; }

        public DepartmentKind Kind { get; set; } = DepartmentKind.Department;
    }

    public sealed class CategoryOptions
    {
        [Required]
        public string Id { get; set; } = "";

        [Required]
        public string Name { get; set; } = "";

        [Required]
        public string Department { get; set; } = "";

        public List<string> CoHandling { get; set; } = [];

        public StageLimitOptions Limits { get; set; } = new();
    }

    public sealed class RoutingRuleOptions
    {
        [Required]
        public string Name { get; set; } = "";

        public string? Category { get; set; }

        public List<string> Keywords { get; set; } = [];

        [Required]
        public string Department { get; set; } = "";

        public List<string> CoHandling { get; set; } = [];
    }

    /// <summary>Working-time limits as "1d" (working days) or "4h" (working hours); empty keeps the preset's value.</summary>
    public sealed class StageLimitOptions
    {
        public string? SignFor { get; set; }

        public string? FirstContact { get; set; }

        public string? Resolve { get; set; }

        /// <summary>How long after dispatch a department may still return (退单) a ticket.</summary>
        public string? ReturnWithin { get; set; }

        /// <summary>The latest a resolve deadline may be extended to, counted from dispatch.</summary>
        public string? MaxResolve { get; set; }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!DeadlinePresets.All.ContainsKey(Preset))
        {
            yield return new ValidationResult($"Desk:Preset '{Preset}' is unknown; use one of: {string.Join(", ", DeadlinePresets.All.Keys)}.");
        }

        foreach (var error in Calendar.Validate(validationContext))
        {
            yield return error;
        }

        if (Departments.Any(d => string.IsNullOrWhiteSpace(d.Id) || string.IsNullOrWhiteSpace(d.Name))
            || Categories.Any(c => string.IsNullOrWhiteSpace(c.Id) || string.IsNullOrWhiteSpace(c.Name) || string.IsNullOrWhiteSpace(c.Department)))
        {
            yield return new ValidationResult("Every entry of Desk:Departments needs an Id and a Name; every entry of Desk:Categories an Id, a Name and a Department.");
        }

        var departments = Departments.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        if (departments.Count != Departments.Count)
        {
            yield return new ValidationResult("Desk:Departments has two departments with the same Id.");
        }

        if (!Departments.Any(d => d.Kind == DepartmentKind.ServiceCenter))
        {
            yield return new ValidationResult("Desk:Departments needs one department of Kind ServiceCenter (the dispatchers who triage requests).");
        }

        if (!Categories.Any(c => c.Id == "other"))
        {
            yield return new ValidationResult("Desk:Categories needs the category 'other' for requests that fit no other category.");
        }

        foreach (var category in Categories)
        {
            foreach (var id in category.CoHandling.Prepend(category.Department).Where(id => !departments.Contains(id)))
            {
                yield return new ValidationResult($"Desk:Categories '{category.Id}' names department '{id}', which is not in Desk:Departments.");
            }

            foreach (var error in ValidateLimits($"Desk:Categories '{category.Id}' Limits", category.Limits))
            {
                yield return error;
            }
        }

        foreach (var rule in RoutingRules)
        {
            foreach (var id in rule.CoHandling.Prepend(rule.Department).Where(id => !departments.Contains(id)))
            {
                yield return new ValidationResult($"Desk:RoutingRules '{rule.Name}' names department '{id}', which is not in Desk:Departments.");
            }

            if (rule.Category is { } c && Categories.All(x => x.Id != c))
            {
                yield return new ValidationResult($"Desk:RoutingRules '{rule.Name}' names category '{c}', which is not in Desk:Categories.");
            }
        }

        foreach (var error in ValidateLimits("Desk:Limits", Limits))
        {
            yield return error;
        }
    }

    private static IEnumerable<ValidationResult> ValidateLimits(string where, StageLimitOptions limits)
    {
        foreach (var (name, value) in new[]
                 {
                     ("SignFor", limits.SignFor), ("FirstContact", limits.FirstContact), ("Resolve", limits.Resolve),
                     ("ReturnWithin", limits.ReturnWithin), ("MaxResolve", limits.MaxResolve),
                 })
        {
            if (!string.IsNullOrWhiteSpace(value) && !WorkingDuration.TryParse(value, out _))
            {
                yield return new ValidationResult($"{where}:{name} '{value}' must look like \"5d\" (working days) or \"4h\" (working hours).");
            }
        }
    }
}
