using System.ComponentModel.DataAnnotations;
using Assistant.Dialogs.Desk;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Desk;

public sealed class DeskOptionsTests
{
    private static List<string> Errors(Action<DeskOptions> change)
    {
        var options = Shipped.DeskOptions(change);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }

    [Fact]
    public void The_shipped_configuration_is_valid() => Assert.Empty(Errors(_ => { }));

    [Fact]
    public void A_category_pointing_at_a_missing_department_is_named()
    {
        var errors = Errors(o => o.Categories.Single(c => c.Id == "land").Department = "land-bureau");
        Assert.Contains("Desk:Categories 'land' names department 'land-bureau', which is not in Desk:Departments.", errors);
    }

    [Fact]
    public void An_unknown_preset_lists_the_known_ones()
    {
        var errors = Errors(o => o.Preset = "beijing");
        Assert.Contains("Desk:Preset 'beijing' is unknown; use one of: default, henan-13710, shandong, zhongshan.", errors);
    }

    [Fact]
    public void A_limit_that_is_not_days_or_hours_is_named_with_an_example()
    {
        var errors = Errors(o => o.Limits.Resolve = "five");
        Assert.Contains("Desk:Limits:Resolve 'five' must look like \"5d\" (working days) or \"4h\" (working hours).", errors);
    }

    [Fact]
    public void Without_a_service_center_nobody_could_triage()
    {
        var errors = Errors(o => o.Departments.ForEach(d => d.Kind = Dialogs.Desk.Departments.DepartmentKind.Department));
        Assert.Contains(errors, e => e.StartsWith("Desk:Departments needs one department of Kind ServiceCenter", StringComparison.Ordinal));
    }

    [Fact]
    public void The_shandong_preset_gives_fifteen_working_days_to_resolve()
    {
        var rules = Shipped.Rules(o => o.Preset = "shandong");
        Assert.Equal(Dialogs.Calendar.WorkingDuration.Days(15), rules.LimitsFor("land").Resolve);
    }
}
