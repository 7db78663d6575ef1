using Assistant.Bot.Database;
using JasperFx;
using Microsoft.Extensions.Options;

namespace Assistant.Bot;

/// <summary>
/// Command-line verbs. No verb runs the web host; a verb (db-apply, db-assert, db-patch, help …) goes to the
/// JasperFx command runner that Marten brings.
/// </summary>
public static class Verbs
{
    public static async Task<int> Run(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            await Preflight(app.Services);
            await app.RunAsync();
            return 0;
        }

        return await app.RunJasperFxCommands(args);
    }

    /// <summary>
    /// What the host would do first anyway, done before it starts so that a mistake an operator can fix (settings,
    /// missing PostgreSQL, an unprepared database) ends in one clear message instead of a start-up stack trace.
    /// </summary>
    private static async Task Preflight(IServiceProvider services)
    {
        services.GetService<IStartupValidator>()?.Validate();
        await services.GetRequiredService<DatabaseEndpoint>().StartAsync(CancellationToken.None);
        await services.GetRequiredService<DatabaseOnStart>().Prepare(CancellationToken.None);
    }
}
