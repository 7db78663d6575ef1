using Microsoft.AspNetCore.Mvc;

namespace Assistant.Bot.Edge;

/// <summary>Marks endpoints whose clients expect Direct Line's error body instead of ProblemDetails.</summary>
public sealed class DirectLineErrorBody
{
    public static DirectLineErrorBody Instance { get; } = new();
}

/// <summary>
/// Refusals written by the edge (body limits, rate limits) before an endpoint runs: Direct Line's
/// {"error":{"code","message"}} for Direct Line clients, ProblemDetails for everything else; the message is polite Chinese.
/// </summary>
public static class EdgeProblems
{
    public static async Task Write(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        if (context.GetEndpoint()?.Metadata.GetMetadata<DirectLineErrorBody>() is not null)
        {
            await context.Response.WriteAsJsonAsync(new { error = new { code = Code(status), message } }, context.RequestAborted);
            return;
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = message },
        });
    }

    private static string Code(int status) => status switch
    {
        StatusCodes.Status429TooManyRequests => "TooManyRequests",
        StatusCodes.Status413PayloadTooLarge => "MessageSizeTooBig",
        >= 500 => "ServiceError",
        _ => "BadArgument",
    };
}
