using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Edge;

/// <summary>The kinds of request that are counted apart; an endpoint without one counts only towards Everything.</summary>
public enum RequestKind
{
    Sessions,
    Tokens,
    Messages,
    Uploads,
    Reads,

    /// <summary>Console sign-in and password changes.</summary>
    SignIn,

    /// <summary>
    /// Activities from the Bot Framework channel (Teams through the Bot Connector), each with a token the channel
    /// signed: a whole region's users come from a few Microsoft addresses, so they are counted apart from Everything,
    /// under a ceiling only a flood reaches.
    /// </summary>
    Channel,
}

/// <summary>Endpoint metadata: which kind of request an endpoint serves.</summary>
public sealed record RateLimited(RequestKind Kind);

/// <summary>
/// ASP.NET Core's rate limiter, one chain for every request: the endpoint's kind per client address, the kind per
/// conversation (the route's conversation id), and everything per address. A refused request is 429 with
/// Retry-After and a polite message; the first refusal of a client in a window is logged.
/// </summary>
public static class RateLimits
{
    public static TBuilder Limited<TBuilder>(this TBuilder builder, RequestKind kind)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new RateLimited(kind));

    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, ILoggerFactory>((limiter, configured, loggers) =>
        {
            var limits = configured.Value;
            if (!limits.Enabled)
            {
                return;
            }

            var logger = loggers.CreateLogger(typeof(RateLimits));
            var logged = new ConcurrentDictionary<string, DateTimeOffset>();
            // Partitions are keyed by value (kind, address, conversation), so no key string is built per request.
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, Partition>(context => Kind(context) is { } kind
                    ? Window(new Partition(kind, AddressKey(context), null), LimitOf(limits, kind).PerAddress, LimitOf(limits, kind))
                    : RateLimitPartition.GetNoLimiter(default(Partition))),
                PartitionedRateLimiter.Create<HttpContext, Partition>(context => Kind(context) is { } kind && LimitOf(limits, kind).PerConversation > 0 && Conversation(context) is { } conversation
                    ? Window(new Partition(kind, default, conversation), LimitOf(limits, kind).PerConversation, LimitOf(limits, kind))
                    : RateLimitPartition.GetNoLimiter(default(Partition))),
                PartitionedRateLimiter.Create<HttpContext, Partition>(context => Kind(context) is RequestKind.Channel
                    ? RateLimitPartition.GetNoLimiter(default(Partition))
                    : Window(new Partition(null, AddressKey(context), null), limits.Everything.PerAddress, limits.Everything)));
            limiter.OnRejected = async (rejected, cancellation) =>
            {
                var context = rejected.HttpContext;
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var who = $"{Kind(context)?.ToString() ?? "Everything"} {Address(context)}";
                var now = DateTimeOffset.UtcNow;
                if (!logged.TryGetValue(who, out var last) || now - last > TimeSpan.FromMinutes(1))
                {
                    logged[who] = now;
                    logger.LogWarning("Rate limit reached: {Kind} requests from {Address} are refused for {Seconds} s.", Kind(context)?.ToString() ?? "all", Address(context), seconds);
                }

                await EdgeProblems.Write(context, StatusCodes.Status429TooManyRequests, "您的操作过于频繁，请稍候片刻再试。");
            };
        });
        return services;
    }

    private static RequestKind? Kind(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<RateLimited>()?.Kind;

    private static RateLimit LimitOf(RateLimitOptions limits, RequestKind kind) => kind switch
    {
        RequestKind.Sessions => limits.Sessions,
        RequestKind.Tokens => limits.Tokens,
        RequestKind.Messages => limits.Messages,
        RequestKind.Uploads => limits.Uploads,
        RequestKind.SignIn => limits.SignIn,
        RequestKind.Channel => limits.Channel,
        _ => limits.Reads,
    };

    private static RateLimitPartition<Partition> Window(Partition key, int permits, RateLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static string? Conversation(HttpContext context) =>
        context.Request.RouteValues.TryGetValue("conversationId", out var id) && id is string { Length: > 0 and <= 128 } conversation ? conversation : null;

    /// <summary>
    /// The client's address as a number, the same one <see cref="Address"/> names: IPv4 in the low 32 bits (marked
    /// apart from IPv6), an IPv6 client by its /64 network.
    /// </summary>
    private static UInt128 AddressKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return UInt128.MaxValue;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            address.TryWriteBytes(bytes[..4], out _);
            return new UInt128(1, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes));
        }

        address.TryWriteBytes(bytes, out _);
        return new UInt128(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes), 0);
    }

    /// <summary>One counted partition: a kind (null for Everything) with a client address or a conversation.</summary>
    private readonly record struct Partition(RequestKind? Kind, UInt128 Address, string? Conversation);

    /// <summary>The client's address; an IPv6 client by its /64 network.</summary>
    public static string Address(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }
}
