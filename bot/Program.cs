using Assistant.Bot.Channels.DirectLine;
using Assistant.Bot.Channels.Teams;
using Assistant.Bot.Database;
using Assistant.Bot.Desk;
using Assistant.Bot.Edge;
using Assistant.Bot.Health;
using Assistant.Bot.Pages;
using Assistant.Bot.Deadlines;
using Assistant.Bot.Retention;
using Assistant.Bot.SignIn;
using Assistant.Bot.Understand;
using Assistant.Dialogs.Conversations;
using Assistant.Dialogs.Desk;

namespace Assistant.Bot;

// Not static: the integration tests start the host through WebApplicationFactory<Program>.
#pragma warning disable CA1052
public sealed class Program
#pragma warning restore CA1052
{
    public static async Task<int> Main(string[] args)
    {
        if (Verbs.IsHelp(args))
        {
            return await Verbs.WriteHelp(Console.Out);
        }

        if (UnderstandVerb.Matches(args))
        {
            return await UnderstandVerb.Run(args, Console.In, Console.Out);
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddEdge();
        builder.Services.AddDesk();
        builder.Services.AddAssistantDatabase();
        builder.Services.AddConversations();
        builder.Services.AddDirectLine();
        builder.Services.AddTeamsChannel();
        builder.Services.AddRetention();
        builder.Services.AddDeadlineSweep();
        builder.Services.AddSignIn(builder.Configuration);
        builder.Services.AddDeskApi();
        builder.Services.AddAssistantHealthChecks();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<Failures>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseEdge();
        app.UseChatPage();
        app.UseConsolePage();
        app.UseEndpointLimits();
        app.UseDirectLine();
        app.MapTeamsChannel();
        app.MapDeskApi();
        app.MapHealthEndpoints();
        return await HostFailures.Explain(() => Verbs.Run(app, args));
    }
}
