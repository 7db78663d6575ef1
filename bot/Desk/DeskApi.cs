using Assistant.Bot.Desk.Admin;
using Assistant.Bot.Edge;
using Assistant.Bot.SignIn;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Bot.Desk;

/// <summary>
/// /api/desk: the department desk as an API, which the console is a front end for. Every endpoint needs a signed-in
/// staff member (the cookie session; an enterprise's Direct Line token is not one), state changes need the
/// antiforgery token, and each names the roles it admits; the decisions in dialogs/Desk have the last word.
/// </summary>
public static class DeskApi
{
    public sealed record SignForBody;

    public sealed record AssignBody(string? StaffId);

    public sealed record ContactBody(string? How, string? Note);

    public sealed record ReplyBody(string? Reply);

    public sealed record RequestBody(string? Request);

    public sealed record ReasonBody(string? Reason);

    public sealed record TransferBody(string? ToDepartmentId, IReadOnlyList<string>? CoHandlingDepartmentIds, string? Reason);

    public sealed record ExtensionBody(int Days, string? Reason);

    public sealed record ExtensionDecisionBody(bool Approve, int? Days, string? Reason);

    public sealed record OutcomeBody(string? Outcome);

    public sealed record NoteBody(string? Text);

    public sealed record RedispatchBody(string? LeadDepartmentId, IReadOnlyList<string>? CoHandlingDepartmentIds, string? Note);

    public sealed record InstructionBody(string? Instruction);

    public sealed record AnswerBody(string? Answer);

    public sealed record DecisionBody(bool Approve, string? Reason);

    private static readonly StaffRole[] Department = [StaffRole.Staff, StaffRole.DepartmentHead];
    private static readonly StaffRole[] Anyone = [StaffRole.Staff, StaffRole.DepartmentHead, StaffRole.Dispatcher, StaffRole.Leader];
    private static readonly StaffRole[] AnyRole = [.. Anyone, StaffRole.Administrator];

    public static IServiceCollection AddDeskApi(this IServiceCollection services)
    {
        // Roles and statuses travel by name ("DepartmentHead"), readable and stable across versions.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddSingleton<DeskCommands>();
        services.AddHostedService<DeskRulesRefresh>();
        services.AddSingleton<EnterpriseNotices>();
        services.AddSingleton<Dialogs.Conversations.Staff.IStaffChannel, StaffChannel>();
        services.AddOpenApi("desk", openApi => openApi.ShouldInclude = description => description.RelativePath?.StartsWith("api/desk", StringComparison.Ordinal) == true);
        return services;
    }

    public static WebApplication MapDeskApi(this WebApplication app)
    {
        app.MapOpenApi("/api/desk/openapi/{documentName}.json");
        var desk = app.MapGroup("/api/desk").WithTags("Desk").Limited(RequestKind.Reads);
        desk.MapSessionApi();
        var tickets = desk.MapGroup("").RequireDeskUser().RequireAntiforgery();
        tickets.MapStaffAdminApi();
        tickets.MapTeamsLinkAdminApi();
        tickets.MapDeskSettingsAdminApi();
        tickets.MapGet("/queues", TicketQueues.Counts).ForRoles(Anyone).WithName("QueueCounts");
        tickets.MapGet("/tickets", TicketQueues.List).ForRoles(Anyone).WithName("ListTickets");
        tickets.MapGet("/tickets/{id:guid}", TicketPages.Get).ForRoles(Anyone).WithName("GetTicket");
        tickets.MapGet("/tickets/{id:guid}/files/{fileId}", TicketFiles.Get).ForRoles(Anyone).WithName("GetTicketFile");
        tickets.MapGet("/departments", DeskDirectory.Departments).ForRoles(AnyRole).WithName("Departments");
        tickets.MapGet("/categories", DeskDirectory.Categories).ForRoles(AnyRole).WithName("Categories");
        tickets.MapGet("/departments/{id}/staff", DeskDirectory.Staff).ForRoles(StaffRole.DepartmentHead, StaffRole.Dispatcher).WithName("DepartmentStaff");

        Act<SignForBody>(tickets, "sign-for", Department, (t, by, _, _) => Ready(new SignForTicket(t.Id, by)));
        Act<AssignBody>(tickets, "assign", [StaffRole.DepartmentHead], async (t, by, body, context) =>
        {
            await using var session = context.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
            return body.StaffId is { Length: > 0 and <= 100 } staffId && await session.LoadAsync<StaffMember>(staffId, context.RequestAborted) is { Active: true } assignee
                ? (new AssignTicket(t.Id, by, Actor.Of(assignee, assignee.Has(StaffRole.DepartmentHead) ? StaffRole.DepartmentHead : StaffRole.Staff)), null)
                : (null, DeskProblems.Invalid("请选择承办人。"));
        });
        Act<ContactBody>(tickets, "contact", Department, (t, by, body, _) =>
            Ready(new ContactEnterprise(t.Id, by, string.IsNullOrWhiteSpace(body.How) ? body.Note ?? "" : $"{body.How.Trim()}：{body.Note}")));
        Act<ReplyBody>(tickets, "interim-reply", Department, (t, by, body, _) => Ready(new GiveInterimReply(t.Id, by, body.Reply ?? "")));
        Act<RequestBody>(tickets, "request-information", Department, (t, by, body, _) => Ready(new RequestInformation(t.Id, by, body.Request ?? "")));
        Act<ReasonBody>(tickets, "return", Department, (t, by, body, _) => Ready(new ReturnTicket(t.Id, by, body.Reason ?? "")));
        Act<DecisionBody>(tickets, "return-decision", [StaffRole.DepartmentHead], (t, by, body, _) => Ready(new DecideReturn(t.Id, by, body.Approve, body.Reason)));
        Act<DecisionBody>(tickets, "review-outcome", [StaffRole.Dispatcher], (t, by, body, _) => Ready(new ReviewOutcome(t.Id, by, body.Approve, body.Reason)));
        Act<TransferBody>(tickets, "transfer", [StaffRole.DepartmentHead, StaffRole.Dispatcher], (t, by, body, _) =>
            Ready(new TransferTicket(t.Id, by, body.ToDepartmentId ?? "", body.CoHandlingDepartmentIds, body.Reason ?? "")));
        Act<ExtensionBody>(tickets, "extension", Department, (t, by, body, _) => Ready(new RequestExtension(t.Id, by, body.Days, body.Reason ?? "")));
        Act<ExtensionDecisionBody>(tickets, "extension-decision", [StaffRole.DepartmentHead, StaffRole.Dispatcher], (t, by, body, _) =>
            Ready(new DecideExtension(t.Id, by, body.Approve, body.Days, body.Reason)));
        Act<OutcomeBody>(tickets, "resolve", Department, (t, by, body, _) => Ready(new ResolveTicket(t.Id, by, body.Outcome ?? "")));
        Act<NoteBody>(tickets, "note", [StaffRole.Staff, StaffRole.DepartmentHead, StaffRole.Dispatcher], (t, by, body, _) => Ready(new AddInternalNote(t.Id, by, body.Text ?? "")));
        Act<RedispatchBody>(tickets, "redispatch", [StaffRole.Dispatcher], (t, by, body, _) =>
            Ready(new RedispatchTicket(t.Id, by, body.LeadDepartmentId ?? "", body.CoHandlingDepartmentIds, body.Note)));
        Act<InstructionBody>(tickets, "supervise", [StaffRole.Leader, StaffRole.Dispatcher], (t, by, body, _) => Ready(new SuperviseTicket(t.Id, by, body.Instruction ?? "")));
        Act<AnswerBody>(tickets, "answer-supervision", Department, (t, by, body, _) => Ready(new AnswerSupervision(t.Id, by, body.Answer ?? "")));
        Act<ReasonBody>(tickets, "reopen", [StaffRole.Dispatcher, StaffRole.Leader], (t, by, body, _) => Ready(new ReopenTicket(t.Id, by, body.Reason ?? "")));
        Act<ReasonBody>(tickets, "close", [StaffRole.Dispatcher], (t, by, body, _) => Ready(new CloseTicket(t.Id, by, body.Reason ?? "")));
        return app;
    }

    /// <summary>POST /api/desk/tickets/{id}/{action}: one command, run by <see cref="DeskCommands"/>.</summary>
    private static void Act<TBody>(
        RouteGroupBuilder tickets, string action, StaffRole[] roles,
        Func<Ticket, Actor, TBody, HttpContext, Task<(ITicketCommand? Command, ProblemHttpResult? Problem)>> make)
        where TBody : class =>
        tickets.MapPost($"/tickets/{{id:guid}}/{action}", (Guid id, TBody body, HttpContext context, DeskCommands commands) =>
                commands.Run(context, id, (ticket, actor) => make(ticket, actor, body, context)))
            .ForRoles(roles)
            .WithName("Ticket-" + action)
            .WithSummary(TicketActions.All.First(a => a.Id == action).Name);

    private static Task<(ITicketCommand? Command, ProblemHttpResult? Problem)> Ready(ITicketCommand command) =>
        Task.FromResult<(ITicketCommand?, ProblemHttpResult?)>((command, null));
}
