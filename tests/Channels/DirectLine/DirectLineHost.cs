using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Assistant.Bot;
using Assistant.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Tests.Channels.DirectLine;

/// <summary>One host of the assistant with Direct Line, on the test server, in the given schema.</summary>
public sealed class DirectLineHost : IAsyncDisposable
{
    public const string Secret = "test-directline-secret";
    private readonly WebApplicationFactory<Program> _factory;

    public DirectLineHost(PostgresServer server, string schema, FakeTimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            // Named after its schema, so a test can find this host's own connections among all the suite's.
            host.UseSetting("ConnectionStrings:Marten", new Npgsql.NpgsqlConnectionStringBuilder(server.ConnectionString) { ApplicationName = schema }.ConnectionString);
            host.UseSetting("Database:Schema", schema);
            host.UseSetting("DirectLine:Secret", Secret);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                host.UseSetting(key, value);
            }

            if (clock is not null)
            {
                host.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
            }
        });
    }

    public HttpClient Client(string? bearer = null)
    {
        var client = _factory.CreateClient();
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    public IServiceProvider Services => _factory.Services;

    public Microsoft.AspNetCore.TestHost.WebSocketClient Sockets() => _factory.Server.CreateWebSocketClient();

    /// <summary>A started conversation for a new user: its id, conversation token and stream URL.</summary>
    public async Task<(string Id, string Token, string StreamUrl)> Start(string user = "dl_liuyang")
    {
        var generated = await Json(await Client(Secret).PostAsJsonAsync("/v3/directline/tokens/generate", new { user = new { id = user, name = "刘洋" } }));
        var token = generated.GetProperty("token").GetString()!;
        var started = await Json(await Client(token).PostAsJsonAsync("/v3/directline/conversations", new { user = new { id = user }, locale = "zh-CN" }));
        return (started.GetProperty("conversationId").GetString()!, started.GetProperty("token").GetString()!, started.GetProperty("streamUrl").GetString()!);
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static StringContent Message(string text, string clientActivityId) => new(
        JsonSerializer.Serialize(new
        {
            type = "message",
            text,
            from = new { id = "someone-else", name = "刘洋" },
            locale = "zh-CN",
            channelData = new { clientActivityID = clientActivityId },
        }),
        Encoding.UTF8,
        "application/json");

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
