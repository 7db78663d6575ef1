using Assistant.Dialogs.Desk.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Bot.Desk;

/// <summary>The one map from a decision's rejection to an HTTP problem; the title is the decision's own Chinese message.</summary>
public static class DeskProblems
{
    public static ProblemHttpResult For(Rejection rejection) => TypedResults.Problem(
        title: rejection.Message,
        statusCode: rejection.Code switch
        {
            RejectionCode.NotFound => StatusCodes.Status404NotFound,
            RejectionCode.NotPermitted or RejectionCode.WrongDepartment => StatusCodes.Status403Forbidden,
            RejectionCode.WrongState or RejectionCode.AlreadySignedFor => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        },
        extensions: new Dictionary<string, object?> { ["code"] = rejection.Code.ToString() });

    public static ProblemHttpResult NotFound() => TypedResults.Problem(title: "没有找到这件诉求。", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult OutOfScope() => TypedResults.Problem(title: "这件诉求不由您所在的部门办理，您不能查看或办理。", statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult Stale() => TypedResults.Problem(
        title: "这件诉求在您打开页面后已有新的进展，请查看最新情况后再操作。",
        statusCode: StatusCodes.Status412PreconditionFailed,
        extensions: new Dictionary<string, object?> { ["code"] = "Stale" });

    public static ProblemHttpResult Invalid(string message) => TypedResults.Problem(title: message, statusCode: StatusCodes.Status422UnprocessableEntity);
}
