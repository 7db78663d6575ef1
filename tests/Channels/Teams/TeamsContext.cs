using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Assistant.Bot;
using Assistant.Bot.Channels.Teams;
using Assistant.Dialogs.Activities;
using Assistant.Tests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Channels.Teams;

/// <summary>The host with the Teams channel on, pointed at a fake Azure Bot Service on loopback; a schema per class.</summary>
public abstract class TeamsContext(PostgresServer server) : IAsyncLifetime
{
    public const string TenantId = "9c1d2e3f-0000-4000-8000-00000000abcd";

    private readonly string _schema = PostgresServer.NewSchema("teams");
    private FakeBotService? _fake;
    private WebApplicationFactory<Program>? _factory;

    protected FakeBotService Fake => _fake ?? throw new InvalidOperationException("Not initialised.");

    protected WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    protected IDocumentStore Store => Factory.Services.GetRequiredService<IDocumentStore>();

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Where the host reads the channel's OpenID metadata; the fake service's unless a test class says otherwise.</summary>
    protected virtual string MetadataUrl(FakeBotService fake) => fake.MetadataUrl;

    /// <summary>How often the outbox looks for due messages by itself; short here unless a test class says otherwise.</summary>
    protected virtual string OutboxPollInterval => "00:00:00.100";

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeBotService.Start();
        _factory = NewHost();
        using var client = _factory.CreateClient();
        await client.GetAsync("/health/ready", Cancel);
    }

    /// <summary>A host on the same database schema and the same fake service: another instance of the bot.</summary>
    protected WebApplicationFactory<Program> NewHost() => new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
    {
        host.UseSetting("ConnectionStrings:Marten", server.ConnectionString);
        host.UseSetting("Database:Schema", _schema);
        host.UseSetting("Teams:Enabled", "true");
        host.UseSetting("Teams:AppId", FakeBotService.AppId);
        host.UseSetting("Teams:AppPassword", "not-used-by-the-fake-token-provider");
        host.UseSetting("Teams:TenantId", TenantId);
        host.UseSetting("Teams:ServiceUrl", Fake.ServiceUrl);
        host.UseSetting("Teams:OpenIdMetadataUrl", MetadataUrl(Fake));
        host.UseSetting("Teams:RetryBaseDelay", "00:00:00.010");
        host.UseSetting("Teams:OutboxRetryDelay", "00:00:00.050");
        host.UseSetting("Teams:OutboxMaxRetryDelay", "00:00:00.200");
        host.UseSetting("Teams:OutboxPollInterval", OutboxPollInterval);
        // The tests run at any hour; quiet hours have their own test.
        host.UseSetting("Teams:StaffQuietHours", "false");
        host.ConfigureTestServices(services => services.AddSingleton<IConnectorTokenProvider, FixedConnectorToken>());
        Configure(host);
    });

    /// <summary>What a test class sets beyond the defaults above.</summary>
    protected virtual void Configure(IWebHostBuilder host)
    {
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_fake is not null)
        {
            await _fake.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected static string NewConversation() => $"a:1{Guid.NewGuid():N};messageid=17{Random.Shared.Next(100000, 999999)}";

    /// <summary>A personal-chat message as Teams sends it: the bot @mentioned in the text and in the entities.</summary>
    protected Activity Message(string conversationId, string text, string channelId = "msteams") => new()
    {
        Type = ActivityTypes.Message,
        Id = "1712" + Random.Shared.Next(100000000, 999999999),
        ChannelId = channelId,
        ServiceUrl = Fake.ServiceUrl,
        Timestamp = DateTimeOffset.UtcNow,
        From = new ChannelAccount { Id = "29:1user-" + conversationId.GetHashCode(StringComparison.Ordinal), Name = "刘洋", AadObjectId = "0b7c3f6e-aad0-4e1a-9d5b-6f1a2b3c4d5e" },
        Recipient = new ChannelAccount { Id = "28:" + FakeBotService.AppId, Name = "有求必应" },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = TenantId },
        Locale = "zh-CN",
        Text = "<at>有求必应</at> " + text,
        Entities = [JsonSerializer.SerializeToElement(new { type = "mention", text = "<at>有求必应</at>", mentioned = new { id = "28:" + FakeBotService.AppId, name = "有求必应" } })],
    };

    protected Task<HttpResponseMessage> Post(Activity activity, string? token = null) =>
        PostRaw(ActivityJson.Serialize(activity), "application/json", token ?? Fake.Token());

    protected async Task<HttpResponseMessage> PostRaw(string body, string contentType, string? token)
    {
        using var client = Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request, Cancel);
    }

    protected async Task<IReadOnlyList<OutboxMessage>> Outbox(string conversationId)
    {
        await using var session = Store.QuerySession();
        return await session.Query<OutboxMessage>().Where(m => m.ConversationId == conversationId).OrderBy(m => m.CreatedAt).ThenBy(m => m.Sequence).ToListAsync(Cancel);
    }

    protected async Task<TeamsConversation?> Reference(string conversationId)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<TeamsConversation>(conversationId, Cancel);
    }
}
