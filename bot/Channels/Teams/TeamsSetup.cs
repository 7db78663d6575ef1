using Assistant.Bot.Edge;
using Marten;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Channels.Teams;

public static class TeamsSetup
{
    /// <summary>Microsoft Teams through Azure Bot Service: token checks, the outbox and its dispatcher, proactive messages.</summary>
    public static IServiceCollection AddTeamsChannel(this IServiceCollection services)
    {
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.ConfigureMarten(options => options.ConfigureTeams());
        services.AddHttpClient(ChannelTokenValidator.HttpClientName);
        services.AddHttpClient(ConnectorClient.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<TeamsOptions>>().Value.RequestTimeout);
        services.AddSingleton<ChannelTokenValidator>();
        services.AddSingleton<IConnectorTokenProvider, MsalConnectorTokenProvider>();
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddTransient<TeamsTransport>(); // one per turn: it carries the turn's outbox from commit to delivery
        services.AddSingleton<ProactiveMessenger>();
        services.AddSingleton<Dialogs.Desk.Tickets.ITicketObserver, StaffNotices>();
        return services;
    }

    public static IEndpointRouteBuilder MapTeamsChannel(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/messages").WithTags("Teams");
        var limit = app.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value.MaxBodyBytes;
        group.MapPost("", ReceiveActivity.Handle).WithName("ReceiveTeamsActivity").WithBodyLimit(limit).Limited(RequestKind.Channel);
        return app;
    }
}
