using System.Text.RegularExpressions;
using Assistant.Bot.SignIn;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Departments;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Bot.Desk.Admin;

/// <summary>
/// /api/desk/admin/departments and /routing-rules: administrators add, rename and stop departments and keep the
/// keyword rules that route requests. Every change is audited in its commit and takes effect at once on this host,
/// within half a minute on the others.
/// </summary>
public static partial class DeskSettingsAdminApi
{
    /// <param name="TeamsChannelId">Null keeps the department's Teams channel as it is; empty removes it.</param>
    public sealed record DepartmentBody(string? Id, string? Name, DepartmentKind Kind = DepartmentKind.Department, bool Active = true, string? TeamsChannelId = null);

    public sealed record RuleBody(string? Name, string? Category, IReadOnlyList<string>? Keywords, string? Department, IReadOnlyList<string>? CoHandling);

    public static RouteGroupBuilder MapDeskSettingsAdminApi(this RouteGroupBuilder desk)
    {
        var admin = desk.MapGroup("/admin").WithTags("Administration").ForRoles(StaffRole.Administrator);
        admin.MapGet("/departments", Departments).WithName("AdminDepartments");
        admin.MapPost("/departments", AddDepartment).WithName("AddDepartment");
        admin.MapPut("/departments/{id}", ChangeDepartment).WithName("ChangeDepartment");
        admin.MapGet("/routing-rules", Rules).WithName("RoutingRules");
        admin.MapPut("/routing-rules", ReplaceRules).WithName("ReplaceRoutingRules");
        return desk;
    }

    private static Ok<IReadOnlyList<Department>> Departments(DeskRules rules) => TypedResults.Ok(rules.Departments);

    private static Ok<IReadOnlyList<RoutingRule>> Rules(DeskRules rules) => TypedResults.Ok(rules.Settings.RoutingRules);

    private static async Task<Results<Ok<Department>, ProblemHttpResult>> AddDepartment(DepartmentBody body, HttpContext context, IDocumentStore store, DeskRulesSource source, TimeProvider clock)
    {
        var id = body.Id?.Trim().ToLowerInvariant() ?? "";
        if (!DepartmentId().IsMatch(id))
        {
            return Refused("部门编号须为2至40位小写字母、数字或“-”，例如 ecology-environment。");
        }

        if (source.Current.FindDepartment(id) is not null)
        {
            return Refused($"部门编号“{id}”已存在。");
        }

        if (Name(body) is not { } name)
        {
            return Refused("请填写部门名称（不超过30个字）。");
        }

        if (!Channel(body, null, out var channel))
        {
            return Refused(ChannelProblem);
        }

        var department = new Department(id, name, body.Kind, body.Active, TeamsChannelId: channel);
        return await Save(context, store, source, clock, department, "添加部门", $"{name}（{id}）{(channel is null ? "" : "，Teams 频道 " + channel)}");
    }

    private static async Task<Results<Ok<Department>, ProblemHttpResult>> ChangeDepartment(string id, DepartmentBody body, HttpContext context, IDocumentStore store, DeskRulesSource source, TimeProvider clock)
    {
        var rules = source.Current;
        if (rules.FindDepartment(id) is not { } current)
        {
            return TypedResults.Problem(title: "没有找到这个部门。", statusCode: StatusCodes.Status404NotFound);
        }

        if (Name(body) is not { } name)
        {
            return Refused("请填写部门名称（不超过30个字）。");
        }

        if (!body.Active && Uses(rules, id) is { } use)
        {
            return Refused($"“{current.Name}”是{use}，停用前请先调整。");
        }

        if (current.Kind == DepartmentKind.ServiceCenter && (body.Kind != DepartmentKind.ServiceCenter || !body.Active)
            && !rules.Departments.Any(d => d.Id != id && d.Kind == DepartmentKind.ServiceCenter && d.Active))
        {
            return Refused("至少要保留一个在用的服务中心（调度员在此分派诉求）。");
        }

        if (!Channel(body, current.TeamsChannelId, out var channel))
        {
            return Refused(ChannelProblem);
        }

        var changed = current with { Name = name, Kind = body.Kind, Active = body.Active, TeamsChannelId = channel };
        var channelChange = channel == current.TeamsChannelId ? "" : channel is null ? "，不再使用 Teams 频道" : "，Teams 频道 " + channel;
        return await Save(context, store, source, clock, changed, "修改部门", $"{current.Name}（{id}）→ {name}，{(changed.Active ? "在用" : "已停用")}{channelChange}");
    }

    private static async Task<Results<Ok<IReadOnlyList<RoutingRule>>, ProblemHttpResult>> ReplaceRules(
        IReadOnlyList<RuleBody> body, HttpContext context, IDocumentStore store, DeskRulesSource source, TimeProvider clock)
    {
        var rules = source.Current;
        var replaced = new List<RoutingRule>();
        foreach (var (rule, index) in body.Select((r, i) => (r, i + 1)))
        {
            var keywords = (rule.Keywords ?? []).Select(k => k.Trim()).Where(k => k.Length > 0).Distinct().ToList();
            var coHandling = (rule.CoHandling ?? []).Where(d => d != rule.Department).Distinct().ToList();
            var problem = rule.Name?.Trim() is not { Length: >= 1 and <= 40 } ? "请填写规则名称（不超过40个字）。"
                : rule.Category is { Length: > 0 } category && !rules.IsCategory(category) ? $"类别“{category}”不存在。"
                : keywords.Count == 0 && rule.Category is null ? "规则须有关键词或类别，否则会拦下所有诉求。"
                : keywords.Any(k => k.Length > 20) || keywords.Count > 50 ? "关键词每个不超过20个字，一条规则最多50个。"
                : coHandling.Prepend(rule.Department ?? "").FirstOrDefault(d => rules.FindDepartment(d) is not { Active: true }) is { } unknown ? $"部门“{unknown}”不存在或已停用。"
                : null;
            if (problem is not null)
            {
                return Refused($"第{index}条规则：{problem}");
            }

            replaced.Add(new RoutingRule(rule.Name!.Trim(), string.IsNullOrEmpty(rule.Category) ? null : rule.Category, keywords, rule.Department!, coHandling));
        }

        if (replaced.Count > 200)
        {
            return Refused("分派规则最多200条。");
        }

        var by = DeskUser.Of(context);
        await using (var session = store.LightweightSession())
        {
            session.Store(new RoutingRuleSet(replaced));
            session.Insert(Audit(by, clock, "修改分派规则", "routing",
                $"{rules.Settings.RoutingRules.Count}条 → {replaced.Count}条：{string.Join("；", replaced.Select(r => $"{r.Name}（{string.Join("、", r.Keywords)}）→{rules.DepartmentName(r.Department)}"))}"));
            await session.SaveChangesAsync(context.RequestAborted);
        }

        await source.Reload(store, context.RequestAborted);
        return TypedResults.Ok(source.Current.Settings.RoutingRules);
    }

    private static async Task<Results<Ok<Department>, ProblemHttpResult>> Save(
        HttpContext context, IDocumentStore store, DeskRulesSource source, TimeProvider clock, Department department, string action, string details)
    {
        await using (var session = store.LightweightSession())
        {
            session.Store(department);
            session.Insert(Audit(DeskUser.Of(context), clock, action, department.Id, details));
            await session.SaveChangesAsync(context.RequestAborted);
        }

        await source.Reload(store, context.RequestAborted);
        return TypedResults.Ok(department);
    }

    /// <summary>What a department is needed for, that stopping it would break.</summary>
    private static string? Uses(DeskRules rules, string id) =>
        rules.Options.Categories.FirstOrDefault(c => c.Department == id) is { } category ? $"类别“{category.Name}”的默认承办部门"
        : rules.Settings.RoutingRules.FirstOrDefault(r => r.Department == id || r.CoHandling.Contains(id)) is { } rule ? $"分派规则“{rule.Name}”中的部门"
        : null;

    private const string ChannelProblem = "Teams 频道编号应形如 19:…@thread.tacv2（在 Teams 中“获取频道链接”，链接里 /channel/ 后的那一段）。";

    /// <summary>The channel the body asks for: unchanged when it names none, removed when empty, else a channel id.</summary>
    private static bool Channel(DepartmentBody body, string? current, out string? channel)
    {
        channel = body.TeamsChannelId is null ? current : Uri.UnescapeDataString(body.TeamsChannelId.Trim()) is { Length: > 0 } given ? given : null;
        return channel is null || TeamsChannel().IsMatch(channel);
    }

    private static string? Name(DepartmentBody body) => body.Name?.Trim() is { Length: >= 1 and <= 30 } name ? name : null;

    private static AuditEntry Audit(StaffMember by, TimeProvider clock, string action, string target, string details) =>
        new(Guid.CreateVersion7(clock.GetUtcNow()), clock.GetUtcNow(), by.Id, by.Name, action, target, details);

    private static ProblemHttpResult Refused(string message) => TypedResults.Problem(title: message, statusCode: StatusCodes.Status422UnprocessableEntity);

    [GeneratedRegex("^[a-z0-9-]{2,40}$")]
    private static partial Regex DepartmentId();

    [GeneratedRegex(@"^19:[A-Za-z0-9_\-.=]{1,200}@thread\.[a-z0-9]{2,10}$")]
    private static partial Regex TeamsChannel();
}
