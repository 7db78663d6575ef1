using Assistant.Dialogs.Turns;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

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

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        NpgsqlException or TimeoutException or TurnContentionException => true,
        _ when exception.InnerException is { } inner => IsUnavailable(inner),
        _ => false,
    };
}
