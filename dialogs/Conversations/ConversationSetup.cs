using Assistant.Dialogs.Conversations.Tickets;
using Assistant.Dialogs.Turns;
using Assistant.Dialogs.Understanding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Dialogs.Conversations;

public static class ConversationSetup
{
    /// <summary>The enterprise conversations, the understanding they use, and the turn runner that hosts them.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddSingleton<RequestUnderstander>();
        services.AddOptions<LookupGuardOptions>().BindConfiguration(LookupGuardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new LookupGuard(sp.GetRequiredService<IOptions<LookupGuardOptions>>().Value, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<LookupGuard>>()));
        services.AddSingleton<EnterpriseBot>();
        services.AddSingleton<Staff.StaffBot>();
        services.AddSingleton<IBot, AssistantBot>();
        services.AddSingleton<TurnRunner>();
        return services;
    }
}
