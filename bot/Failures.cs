using Assistant.Bot.Edge;
using Assistant.Dialogs.Turns;
using Microsoft.AspNetCore.Diagnostics;

namespace Assistant.Bot;

/// <summary>
/// The last word on an exception no endpoint handled: a ProblemDetails body (Direct Line's error body for Direct Line
/// clients), never a stack trace. A request the server could not read is the caller's 4xx. When the database cannot
/// be reached or is too busy, the answer is 503 with Retry-After (clients and Azure Bot Service retry it); nothing
/// else is known to be safe to retry, so the rest is a plain 500 that is logged with its details here.
/// </summary>
public sealed class Failures(ILogger<Failures> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;
        if (BadRequest(exception) is { } bad)
        {
            logger.LogInformation("{Method} {Path} was refused: {Reason}", context.Request.Method, context.Request.Path, bad.Message);
            await EdgeProblems.Write(context, bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "抱歉，提交的内容过大。" : "抱歉，无法读取这个请求。");
            return true;
        }

        var unavailable = IsUnavailable(exception);
        if (unavailable)
        {
            logger.LogWarning("{Method} {Path} could not be served now, the database is unavailable or busy: {Reason}", context.Request.Method, context.Request.Path, exception.Message);
            context.Response.Headers.RetryAfter = "5";
        }
        else
        {
            logger.LogError(exception, "{Method} {Path} failed.", context.Request.Method, context.Request.Path);
        }

        await EdgeProblems.Write(
            context,
            unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
            unavailable ? "抱歉，服务暂时繁忙，请稍后重试。" : "抱歉，服务出现问题，我们已记录下来，请稍后重试。");
        return true;
    }

    public static bool IsUnavailable(Exception exception) => DatabaseFailures.IsUnavailable(exception);

    /// <summary>A request the server could not read (a body over Kestrel's own limit, a broken upload): the caller's fault.</summary>
    private static BadHttpRequestException? BadRequest(Exception exception) =>
        exception as BadHttpRequestException ?? (exception.InnerException is { } inner ? BadRequest(inner) : null);
}
