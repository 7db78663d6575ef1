using System.Globalization;
using Assistant.Bot.Channels.Teams;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Benchmarks;

/// <summary>
/// The bot as its own process for the /api/messages leg of the load tool: the real host on Kestrel and the embedded
/// PostgreSQL, Teams switched on and pointed at the load tool's fake Azure Bot Service. Only the Entra client-credentials
/// token is replaced by a fixed one (there is no Entra tenant here); tokens from the channel are fully validated.
/// </summary>
public static class TeamsHost
{
    public const string AppId = "3a7c1f0e-5b2d-4c8e-9f10-2b3c4d5e6f70";
    public const string TenantId = "9c1d2e3f-0000-4000-8000-00000000abcd";

    // args: port, data directory, OpenID metadata URL
    public static async Task<int> Run(string[] args)
    {
        var port = int.Parse(args[0], CultureInfo.InvariantCulture);
        await using var factory = new WebApplicationFactory<Assistant.Bot.Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("Urls", $"http://127.0.0.1:{port}");
            host.UseSetting("ConnectionStrings:Marten", "");
            host.UseSetting("Database:Embedded:DataDirectory", args[1]);
            host.UseSetting("Teams:Enabled", "true");
            host.UseSetting("Teams:AppId", AppId);
            host.UseSetting("Teams:AppPassword", "unused: the token below stands in for Entra");
            host.UseSetting("Teams:TenantId", TenantId);
            host.UseSetting("Teams:OpenIdMetadataUrl", args[2]);
            host.UseSetting("Logging:LogLevel:Default", "Warning");
            host.ConfigureTestServices(services => services.AddSingleton<IConnectorTokenProvider, FixedToken>());
        });
        factory.UseKestrel();
        factory.StartServer();
        var stop = new TaskCompletionSource();
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.TrySetResult();
        });
        await stop.Task;
        return 0;
    }

    private sealed class FixedToken : IConnectorTokenProvider
    {
        public Task<string> GetToken(CancellationToken cancellation) => Task.FromResult("load-tool-connector-token");
    }
}
