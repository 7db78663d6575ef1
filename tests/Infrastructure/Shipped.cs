using Assistant.Dialogs.Calendar;
using Assistant.Dialogs.Desk;
using Microsoft.Extensions.Configuration;

namespace Assistant.Tests.Infrastructure;

/// <summary>The configuration the product ships in the root appsettings.json, as an operator would start with it.</summary>
public static class Shipped
{
    public static IConfigurationRoot Configuration() =>
        new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: false).Build();

    public static DeskOptions DeskOptions(Action<DeskOptions>? change = null)
    {
        var options = new DeskOptions();
        Configuration().GetSection(Dialogs.Desk.DeskOptions.Section).Bind(options);
        change?.Invoke(options);
        return options;
    }

    public static DeskRules Rules(Action<DeskOptions>? change = null)
    {
        var options = DeskOptions(change);
        return new DeskRules(options, WorkingCalendar.FromOptions(options.Calendar));
    }
}
