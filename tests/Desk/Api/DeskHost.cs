using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Bot;
using Assistant.Bot.SignIn;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Tests.Desk.Api;

/// <summary>The host with its desk API on the test server, in a schema of its own, and the people who use it.</summary>
public sealed class DeskHost : IAsyncDisposable
{
    public const string Password = "Desk2026ok";
    private readonly WebApplicationFactory<Program> _factory;
    private Uri? _address;

    public DeskHost(PostgresServer server, string schema, FakeTimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.ConfigureLogging(logging => logging.AddProvider(Logs));
            host.UseSetting("ConnectionStrings:Marten", server.ConnectionString);
            host.UseSetting("Database:Schema", schema);
            host.UseSetting("DirectLine:Secret", Channels.DirectLine.DirectLineHost.Secret);
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

    /// <summary>What the host logged, for a failing test to show.</summary>
    public CapturedLogs Logs { get; } = new();

    public IServiceProvider Services => _factory.Services;

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public TicketDesk Desk => Services.GetRequiredService<TicketDesk>();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A client without a session: in memory, or over the real port once <see cref="Listen"/> has opened one.</summary>
    public HttpClient Anonymous(bool followRedirects = true) =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = followRedirects, BaseAddress = _address ?? new Uri("http://localhost") });

    /// <summary>A staff member with a local account whose password is <see cref="Password"/>, already changed.</summary>
    public async Task<StaffMember> AddStaff(string login, string name, string department, params StaffRole[] roles)
    {
        var staff = new StaffMember(login, name, department, roles, Login: login, Email: $"{login}@gov.example");
        await using var session = Store.LightweightSession();
        session.Store(staff);
        session.Store(new StaffCredential { Id = login, PasswordHash = Passwords.Hash(Password), ChangedAt = DateTimeOffset.UtcNow });
        await session.SaveChangesAsync(Cancel);
        return staff;
    }

    /// <summary>Serves the host on a real port as well (Kestrel), for a browser; call before anything else uses the host.</summary>
    public Uri Listen()
    {
        // Port 0: Kestrel takes a free port itself, so no other process can take it between a probe and the bind.
        _factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _address = new Uri($"http://127.0.0.1:{new Uri(address).Port}/");
        return _address;
    }

    public async Task<DeskClient> SignIn(string login, string password = Password)
    {
        var client = new DeskClient(Anonymous()) { Failures = () => string.Join(Environment.NewLine, Logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message + " " + e.Exception)) };
        await client.Refresh();
        var response = await client.Post("/api/desk/session", new { login, password });
        Assert.True(response.IsSuccessStatusCode, $"{login}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        client.UseToken(JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("antiforgeryToken").GetString()!);
        return client;
    }

    public async Task<Ticket> File(SubmitTicket request)
    {
        var result = await Desk.Submit(request, Cancel);
        Assert.True(result.IsAccepted, result.Rejection?.Message);
        return result.Ticket!;
    }

    public async Task<long> Events(Guid ticket)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamAsync(ticket, token: Cancel)).Count;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}

/// <summary>A browser's view of the console API: its cookies, and the antiforgery token it sends with every change.</summary>
public sealed class DeskClient(HttpClient http)
{
    private string? _token;

    /// <summary>The host's logged errors, shown when a call fails.</summary>
    public Func<string>? Failures { get; set; }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public HttpClient Http => http;

    public string? Token => _token;

    public void UseToken(string token) => _token = token;

    /// <summary>As the console does on load: GET /api/desk/session gives the current token.</summary>
    public async Task<JsonElement> Refresh()
    {
        var session = JsonDocument.Parse(await http.GetStringAsync("/api/desk/session", Cancel)).RootElement.Clone();
        _token = session.GetProperty("antiforgeryToken").GetString();
        return session;
    }

    public Task<HttpResponseMessage> Get(string path) => http.GetAsync(path, Cancel);

    public Task<HttpResponseMessage> Post(string path, object? body, string? ifMatch = null, bool withToken = true) =>
        Send(HttpMethod.Post, path, body, ifMatch, withToken);

    public async Task<HttpResponseMessage> Send(HttpMethod method, string path, object? body, string? ifMatch = null, bool withToken = true)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body ?? new { }) };
        if (withToken && _token is not null)
        {
            request.Headers.Add(DeskAntiforgery.Header, _token);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await http.SendAsync(request, Cancel);
    }

    public async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}{Environment.NewLine}{Failures?.Invoke()}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
