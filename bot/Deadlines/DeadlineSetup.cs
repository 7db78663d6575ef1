namespace Assistant.Bot.Deadlines;

public static class DeadlineSetup
{
    public static IServiceCollection AddDeadlineSweep(this IServiceCollection services)
    {
        services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DeadlineSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineSweep>());
        return services;
    }
}
