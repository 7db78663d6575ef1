using Assistant.Dialogs.Calendar;
using Assistant.Dialogs.Desk.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Dialogs.Desk;

public static class DeskSetup
{
    /// <summary>The desk's options (validated at start), calendar, rules and command runner.</summary>
    public static IServiceCollection AddDesk(this IServiceCollection services)
    {
        services.AddOptions<DeskOptions>().BindConfiguration(DeskOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILogger<WorkingCalendar>>();
            return WorkingCalendar.FromOptions(
                sp.GetRequiredService<IOptions<DeskOptions>>().Value.Calendar,
                year => logger.LogWarning(
                    "没有{Year}年的节假日安排：该年按周末和法定节假日估算工作日，不含调休。请在 appsettings.json 的 Desk:Calendar:Years 中补充国务院公布的放假调休安排。",
                    year));
        });
        services.AddSingleton(sp => new DeskRulesSource(sp.GetRequiredService<IOptions<DeskOptions>>().Value, sp.GetRequiredService<WorkingCalendar>()));
        // Whoever asks for the rules gets those in force at that moment.
        services.AddTransient(sp => sp.GetRequiredService<DeskRulesSource>().Current);
        services.AddSingleton(sp => new TicketDesk(sp.GetRequiredService<Marten.IDocumentStore>(), sp.GetRequiredService<DeskRulesSource>(), sp.GetRequiredService<TimeProvider>(), sp.GetServices<ITicketObserver>()));
        return services;
    }
}
