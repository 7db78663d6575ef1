using Assistant.Bot.SignIn;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Departments;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Bot.Desk;

/// <summary>
/// What the console's forms choose from: the departments a ticket can go to (转办, 重新派单), the categories a queue
/// can be filtered by, and the people of a department a head can assign a ticket to (分派). The departments and
/// categories are the ones the decisions accept: those of Desk:Departments and Desk:Categories.
/// </summary>
public static class DeskDirectory
{
    /// <param name="Kind">"Department" or "ServiceCenter".</param>
    public sealed record DepartmentItem(string Id, string Name, string Kind);

    public sealed record CategoryItem(string Id, string Name);

    public sealed record StaffItem(string Id, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> RoleNames);

    public static Ok<IReadOnlyList<DepartmentItem>> Departments(DeskRules rules) =>
        TypedResults.Ok<IReadOnlyList<DepartmentItem>>(rules.Departments.Where(d => d.Active).Select(d => new DepartmentItem(d.Id, d.Name, d.Kind.ToString())).ToList());

    public static Ok<IReadOnlyList<CategoryItem>> Categories(DeskRules rules) =>
        TypedResults.Ok<IReadOnlyList<CategoryItem>>(rules.Options.Categories.Select(c => new CategoryItem(c.Id, c.Name)).ToList());

    /// <summary>The active staff and heads of a department: for its own heads, and for dispatchers.</summary>
    public static async Task<Results<Ok<IReadOnlyList<StaffItem>>, ProblemHttpResult>> Staff(string id, HttpContext context, IDocumentStore store, DeskRules rules)
    {
        var me = DeskUser.Of(context);
        if (!me.Has(StaffRole.Dispatcher) && !(me.Has(StaffRole.DepartmentHead) && me.DepartmentId == id))
        {
            return TypedResults.Problem(title: "您只能查看本部门的工作人员。", statusCode: StatusCodes.Status403Forbidden);
        }

        if (rules.FindDepartment(id) is null)
        {
            return TypedResults.Problem(title: "没有这个部门。", statusCode: StatusCodes.Status404NotFound);
        }

        await using var session = store.QuerySession();
        var people = await session.Query<StaffMember>()
            .Where(s => s.DepartmentId == id && s.Active && (s.Roles.Contains(StaffRole.Staff) || s.Roles.Contains(StaffRole.DepartmentHead)))
            .OrderBy(s => s.Name)
            .ToListAsync(context.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<StaffItem>>(people.Select(s => new StaffItem(s.Id, s.Name, s.Roles.Select(r => r.ToString()).ToList(), s.Roles.Select(StaffMember.RoleName).ToList())).ToList());
    }
}
