using Assistant.Dialogs.Turns;
using Assistant.Dialogs.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Dialogs.Conversations;

public static class ConversationSetup
{
    /// <summary>The enterprise conversations, the understanding they use, and the turn runner that hosts them.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddSingleton<RequestUnderstander>();
        services.AddSingleton<IBot, EnterpriseBot>();
        services.AddSingleton<TurnRunner>();
        return services;
    }
}
