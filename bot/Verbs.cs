using JasperFx;

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
            await app.RunAsync();
            return 0;
        }

        return await app.RunJasperFxCommands(args);
    }
}
