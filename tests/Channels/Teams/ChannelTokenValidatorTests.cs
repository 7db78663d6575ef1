using Assistant.Bot.Channels.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Tests.Channels.Teams;

/// <summary>
/// The channel token is checked in full once and then remembered, so the checks that depend on time must still hold
/// for a remembered token: it is refused once its lifetime and the allowed skew have passed, on the host's clock.
/// </summary>
public sealed class ChannelTokenValidatorTests : IAsyncLifetime
{
    private FakeBotService? _fake;
    private ServiceProvider? _services;

    private FakeBotService Fake => _fake ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeBotService.Start();
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await Fake.DisposeAsync();
        await (_services?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    [Fact]
    public async Task A_token_that_passed_is_refused_once_it_has_expired_even_though_it_was_remembered()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var validator = Validator(clock);
        var token = "Bearer " + Fake.Token(expires: clock.GetUtcNow().UtcDateTime.AddMinutes(10));

        var first = await validator.Authenticate(token, TestContext.Current.CancellationToken);
        var again = await validator.Authenticate(token, TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMinutes(14));
        var withinSkew = await validator.Authenticate(token, TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await validator.Authenticate(token, TestContext.Current.CancellationToken);

        Assert.Equal(Fake.ServiceUrl, first?.ServiceUrl);
        Assert.Contains("msteams", first!.Endorsements);
        Assert.Same(first, again);
        Assert.NotNull(withinSkew);
        Assert.Null(expired);
    }

    [Fact]
    public async Task A_remembered_token_does_not_let_another_token_through()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var validator = Validator(clock);
        var good = Fake.Token();
        Assert.NotNull(await validator.Authenticate("Bearer " + good, TestContext.Current.CancellationToken));

        var tampered = good[..^4] + (good[^4] == 'A' ? 'B' : 'A') + good[^3..];
        var otherAudience = Fake.Token(audience: "some-other-bot");

        Assert.Null(await validator.Authenticate("Bearer " + tampered, TestContext.Current.CancellationToken));
        Assert.Null(await validator.Authenticate("Bearer " + otherAudience, TestContext.Current.CancellationToken));
        Assert.NotNull(await validator.Authenticate("Bearer " + good, TestContext.Current.CancellationToken));
    }

    private ChannelTokenValidator Validator(TimeProvider clock) => new(
        Options.Create(new TeamsOptions { Enabled = true, AppId = FakeBotService.AppId, OpenIdMetadataUrl = Fake.MetadataUrl }),
        _services!.GetRequiredService<IHttpClientFactory>(),
        clock,
        NullLogger<ChannelTokenValidator>.Instance);
}
