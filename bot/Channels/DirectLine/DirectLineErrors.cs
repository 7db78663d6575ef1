namespace Assistant.Bot.Channels.DirectLine;

/// <summary>Direct Line's own error body, {"error":{"code","message"}}, which its clients expect instead of ProblemDetails.</summary>
public static class DirectLineErrors
{
    public static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);

    public static IResult BadToken() => Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token is invalid or has expired.");

    public static IResult NotFound() => Error(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found.");

    public static IResult BadActivity(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    /// <summary>The conversation was too busy to take the activity; nothing was stored, the client may send it again.</summary>
    public static IResult Busy(HttpResponse response)
    {
        response.Headers.RetryAfter = "1";
        return Error(StatusCodes.Status503ServiceUnavailable, "ServiceError", "The conversation is busy; please send the activity again.");
    }
}
