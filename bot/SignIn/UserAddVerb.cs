using Assistant.Dialogs.Desk.Departments;

namespace Assistant.Bot.SignIn;

/// <summary>
/// <c>user-add --login wangfang --name 王芳 --department natural-resources --roles staff,head [--email …] [--phone …]</c>:
/// adds a console account from the command line (the first administrator, or when the console is not at hand) and
/// prints its one-time password.
/// </summary>
public static class UserAddVerb
{
    public const string Verb = "user-add";

    private static readonly Dictionary<string, StaffRole> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["staff"] = StaffRole.Staff, ["经办人"] = StaffRole.Staff,
        ["head"] = StaffRole.DepartmentHead, ["部门负责人"] = StaffRole.DepartmentHead,
        ["dispatcher"] = StaffRole.Dispatcher, ["调度员"] = StaffRole.Dispatcher,
        ["leader"] = StaffRole.Leader, ["领导"] = StaffRole.Leader,
        ["admin"] = StaffRole.Administrator, ["administrator"] = StaffRole.Administrator, ["管理员"] = StaffRole.Administrator,
    };

    public static async Task<int> Run(IServiceProvider services, string[] args, TextWriter output)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                await output.WriteLineAsync($"无法识别的参数“{args[i]}”。用法：user-add --login <账号> --name <姓名> --department <部门编号> --roles staff,head,dispatcher,leader,admin [--email <邮箱>] [--phone <电话>]");
                return 2;
            }

            options[args[i][2..]] = args[i + 1];
        }

        var roles = new List<StaffRole>();
        foreach (var word in options.GetValueOrDefault("roles", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!RoleWords.TryGetValue(word, out var role))
            {
                await output.WriteLineAsync($"无法识别的角色“{word}”，可用：staff（经办人）、head（部门负责人）、dispatcher（调度员）、leader（领导）、admin（系统管理员）。");
                return 2;
            }

            roles.Add(role);
        }

        var accounts = services.GetRequiredService<StaffAccounts>();
        var result = await accounts.Add(
            new StaffDraft(options.GetValueOrDefault("login"), options.GetValueOrDefault("name"), options.GetValueOrDefault("department"), roles,
                options.GetValueOrDefault("phone"), options.GetValueOrDefault("email")),
            Auditor.CommandLine,
            CancellationToken.None);
        if (result.Staff is not { } staff)
        {
            await output.WriteLineAsync(result.Problem);
            return 2;
        }

        await output.WriteLineAsync($"已添加 {staff.Name}（账号 {staff.Login}，{string.Join("、", staff.Roles.Select(StaffMember.RoleName))}）。一次性密码：{result.OneTimePassword}（首次登录 /console 时须修改）");
        return 0;
    }
}
