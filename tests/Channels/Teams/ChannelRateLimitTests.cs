using System.Net;
using Assistant.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Assistant.Tests.Channels.Teams;

/// <summary>
/// Every Teams user of a region reaches the assistant through the same few Bot Connector addresses, so the channel's
/// activities are not held to what one address may ask of everything else, only to the channel's own, far higher,
/// ceiling; beyond that they get 429 with Retry-After, which the Bot Connector honours.
/// </summary>
public sealed class ChannelRateLimitTests(PostgresServer server) : TeamsContext(server)
{
    private const int ChannelCeiling = 12;

    protected override void Configure(IWebHostBuilder host)
    {
        host.UseSetting("RateLimits:Everything:PerAddress", "5");
        host.UseSetting("RateLimits:Channel:PerAddress", ChannelCeiling.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Many_users_through_one_connector_address_are_all_served_up_to_the_channels_own_ceiling()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < ChannelCeiling; i++)
        {
            statuses.Add((await Post(Message(NewConversation(), "你好"))).StatusCode);
        }

        var beyond = await Post(Message(NewConversation(), "你好"));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, beyond.StatusCode);
        Assert.NotNull(beyond.Headers.RetryAfter);
    }
}
