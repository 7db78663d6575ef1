using Assistant.Bot.Channels.DirectLine;
using Assistant.Dialogs;
using JasperFx;
using Assistant.Dialogs.Desk.Departments;
using Marten;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Database;

public static class DatabaseSetup
{
    /// <summary>PostgreSQL through Marten: the configured server or the embedded one, the desk's schema, seed data.</summary>
    public static IServiceCollection AddAssistantDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Registered before Marten's own services: started first, stopped last.
        services.AddSingleton<DatabaseEndpoint>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseEndpoint>());
        services.AddSingleton<SeedDepartments>();
        services.AddSingleton<DatabaseOnStart>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseOnStart>());

        services.AddMarten(sp =>
            {
                var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                var options = new StoreOptions();
                options.Connection(ConnectionTuning.Apply(sp.GetRequiredService<DatabaseEndpoint>().ConnectionString));
                options.ConfigureAssistant(database.Schema).ConfigureDirectLine();
                options.AutoCreateSchemaObjects = database.ApplyChangesOnStart ? AutoCreate.CreateOrUpdate : AutoCreate.None;
                options.Logger(new MartenLog(sp.GetRequiredService<ILogger<IDocumentStore>>()));
                return options;
            })
            .UseLightweightSessions();
        return services;
    }
}
