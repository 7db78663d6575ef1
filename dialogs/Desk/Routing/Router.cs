namespace Assistant.Dialogs.Desk.Routing;

/// <summary>Where a request goes: the lead department (主办), co-handling departments (协办), and the rule that decided.</summary>
public sealed record Route(string LeadDepartmentId, IReadOnlyList<string> CoHandlingDepartmentIds, string Rule);

/// <summary>Routes by the configured keyword rules first, then by the category's default department.</summary>
public sealed class Router(IReadOnlyList<RoutingRule> rules, IReadOnlyList<DeskOptions.CategoryOptions> categories)
{
    public Route Route(string category, string text)
    {
        foreach (var rule in rules)
        {
            if (rule.Category is { } c && c != category)
            {
                continue;
            }

            var keyword = rule.Keywords.FirstOrDefault(k => text.Contains(k, StringComparison.OrdinalIgnoreCase));
            if (rule.Keywords.Count == 0 || keyword is not null)
            {
                var why = keyword is null ? $"规则“{rule.Name}”" : $"规则“{rule.Name}”（关键词“{keyword}”）";
                return new Route(rule.Department, rule.CoHandling.ToList(), why);
            }
        }

        var byCategory = categories.FirstOrDefault(c => c.Id == category)
            ?? categories.First(c => c.Id == "other");
        return new Route(byCategory.Department, byCategory.CoHandling.ToList(), $"类别“{byCategory.Name}”的默认部门");
    }
}
