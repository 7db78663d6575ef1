using Microsoft.AspNetCore.Http.Features;

namespace Assistant.Bot.Edge;

/// <summary>The most bytes an endpoint reads from a request body; endpoints without one get <see cref="BodyLimits.Default"/>.</summary>
public sealed record BodyLimit(long Bytes);

/// <summary>
/// Request bodies are limited by the bytes actually read, not by what Content-Length claims, so a chunked body is
/// held to the same limit. Small bodies (every JSON endpoint) are read whole before the endpoint runs, so an
/// endpoint never sees more than its limit; large ones (uploads) are read through a stream that stops at the limit.
/// Either way the caller gets 413.
/// </summary>
public static class BodyLimits
{
    public const long Default = 16 * 1024;

    /// <summary>Bodies up to this size are read whole up front; above it they are streamed with the limit enforced.</summary>
    public const long BufferedUpTo = 1024 * 1024;

    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new BodyLimit(bytes));

    /// <summary>After routing: the endpoint's limit is known.</summary>
    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!MayHaveBody(context.Request))
        {
            await next(context);
            return;
        }

        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? Default;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            await EdgeProblems.Write(context, StatusCodes.Status413PayloadTooLarge, TooLarge(limit));
            return;
        }

        if (limit > BufferedUpTo)
        {
            context.Request.Body = new LimitedStream(context.Request.Body, limit);
            await next(context);
            return;
        }

        var buffered = await ReadWhole(context, limit);
        if (buffered is null)
        {
            await EdgeProblems.Write(context, StatusCodes.Status413PayloadTooLarge, TooLarge(limit));
            return;
        }

        context.Request.Body = buffered;
        context.Request.ContentLength = buffered.Length;
        await next(context);
    });

    public static string TooLarge(long limit) =>
        limit >= 1024 * 1024 ? $"抱歉，提交的内容过大（不能超过 {limit / (1024 * 1024)} MB）。" : $"抱歉，提交的内容过大（不能超过 {Math.Max(1, limit / 1024)} KB）。";

    private static bool MayHaveBody(HttpRequest request) =>
        request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
        ?? (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0);

    /// <summary>The whole body, or null when it is longer than the limit. A body that stops early is what the client sent.</summary>
    private static async Task<MemoryStream?> ReadWhole(HttpContext context, long limit)
    {
        var buffer = new MemoryStream(context.Request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        buffer.Position = 0;
        return buffer;
    }

    /// <summary>A request body that fails with 413 once more than the limit has been read.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw new BadHttpRequestException(TooLarge(limit), StatusCodes.Status413PayloadTooLarge) : read;
        }
    }
}
