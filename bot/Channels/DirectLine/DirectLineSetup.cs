using Microsoft.Extensions.Options;

namespace Assistant.Bot.Channels.DirectLine;

public static class DirectLineSetup
{
    public const string CorsPolicy = "directline";

    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<FileLinks>();
        services.AddSingleton<SocketHub>();
        services.AddSingleton<DirectLineProactive>();
        services.AddSingleton<ProactiveMessages>();
        services.AddHostedService<TranscriptNotifications>();
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<DirectLineOptions>>((cors, directLine) =>
            cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins([.. directLine.Value.AllowedOrigins])
                .WithMethods("GET", "POST", "OPTIONS")
                .WithHeaders("Authorization", "Content-Type", "Accept", "X-Requested-With", "x-ms-bot-agent")
                .WithExposedHeaders("Retry-After")));
        return services;
    }

    public static WebApplication UseDirectLine(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapDirectLine();
        return app;
    }
}
