using Assistant.Dialogs.Turns;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Bot;

/// <summary>
/// The last word on an exception no endpoint handled: a ProblemDetails body, never a stack trace. When the database
/// cannot be reached or is too busy, the answer is 503 with Retry-After (clients and Azure Bot Service retry it);
/// nothing else is known to be safe to retry, so the rest is a plain 500 that is logged with its details here.
/// </summary>
public sealed class Failures(IProblemDetailsService problems, ILogger<Failures> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;
        if (BadRequest(exception) is { } bad)
        {
            logger.LogInformation("{Method} {Path} was refused: {Reason}", context.Request.Method, context.Request.Path, bad.Message);
            context.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "抱歉，提交的内容过大。" : "抱歉，无法读取这个请求。",
                },
            });
        }

        var unavailable = IsUnavailable(exception);
        if (unavailable)
        {
            logger.LogWarning(exception, "{Method} {Path} could not be served now: the database is unavailable or busy.", context.Request.Method, context.Request.Path);
            context.Response.Headers.RetryAfter = "5";
        }
        else
        {
            logger.LogError(exception, "{Method} {Path} failed.", context.Request.Method, context.Request.Path);
        }

        context.Response.StatusCode = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = context.Response.StatusCode,
                Title = unavailable ? "抱歉，服务暂时繁忙，请稍后重试。" : "抱歉，服务出现问题，我们已记录下来，请稍后重试。",
            },
        });
    }

    public static bool IsUnavailable(Exception exception) => DatabaseFailures.IsUnavailable(exception);

    /// <summary>A request the server could not read (a body over Kestrel's own limit, a broken upload): the caller's fault.</summary>
    private static BadHttpRequestException? BadRequest(Exception exception) =>
        exception as BadHttpRequestException ?? (exception.InnerException is { } inner ? BadRequest(inner) : null);
}
