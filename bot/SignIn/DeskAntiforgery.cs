using Assistant.Bot.Edge;
using Microsoft.AspNetCore.Antiforgery;

namespace Assistant.Bot.SignIn;

/// <summary>
/// Every state-changing console request carries the antiforgery token the console got from GET /api/desk/session, in
/// the X-XSRF-TOKEN header; the matching cookie is HttpOnly and SameSite=Strict. Another site cannot make a
/// signed-in browser act.
/// </summary>
public static class DeskAntiforgery
{
    public const string Header = "X-XSRF-TOKEN";

    public static string Token(HttpContext context) =>
        context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken!;

    public static TBuilder RequireAntiforgery<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.AddEndpointFilter(async (invocation, next) =>
    {
        var context = invocation.HttpContext;
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        {
            return await next(invocation);
        }

        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Problem(title: "页面已过期，请刷新页面后重试。", statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["code"] = "antiforgery" });
        }

        return await next(invocation);
    });
}
