using Assistant.Bot.Database;
using Assistant.Bot.Health;
using Assistant.Dialogs.Desk;

namespace Assistant.Bot;

// Not static: the integration tests start the host through WebApplicationFactory<Program>.
#pragma warning disable CA1052
public sealed class Program
#pragma warning restore CA1052
{
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddDesk();
        builder.Services.AddAssistantDatabase();
        builder.Services.AddAssistantHealthChecks();

        var app = builder.Build();
        app.MapHealthEndpoints();
        return await HostFailures.Explain(() => Verbs.Run(app, args));
    }
}
