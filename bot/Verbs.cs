using Assistant.Bot.Database;
using JasperFx;
using Microsoft.Extensions.Options;

namespace Assistant.Bot;

/// <summary>
/// Command-line verbs. No verb runs the web host; <c>help</c> is answered here, before anything is built, so the list
/// comes first and alone; the database verbs (db-apply, db-assert, db-patch …) go to the JasperFx command runner that
/// Marten brings.
/// </summary>
public static class Verbs
{
    private const string Help = """
        有求必应 — the enterprise service assistant / 企业服务助手

        Usage / 用法:  dotnet run --project bot -- [verb] [options]
                       dotnet Assistant.Bot.dll [verb] [options]        (published build / 发布版)

          (no verb)        Run the assistant on http://localhost:5080 (choose with --urls); Ctrl+C or SIGTERM stops it
                           运行助手，默认地址 http://localhost:5080（用 --urls 指定）；按 Ctrl+C 或发送 SIGTERM 停止
          understand       Try the understanding rules: JSON lines in, one JSON line out each; needs no database
                           试用理解规则：逐行输入 JSON，逐行输出分类、承办部门和识别出的信息；无需数据库
          demo             Fill the database with demo accounts (printed with their password) and 300 requests in every state
                           填充演示数据：各部门账号（显示密码）和300件处于各种状态的诉求，仅供试用
          user-add         Add a console account: --login --name --department --roles staff,head,dispatcher,leader,admin
                           [--email] [--phone]; prints its one-time password
                           添加控制台账号，并显示一次性密码（首次登录须修改）
          db-apply         Create or update the tables
                           创建或更新数据库表
          db-assert        Check that the tables match this version; exits non-zero when they do not
                           检查数据库表是否与本版本一致，不一致时以非零状态退出
          db-patch <file>  Write the SQL that db-apply would run, and a drop file that undoes it
                           写出 db-apply 将要执行的 SQL，以及撤销它的 SQL 文件
          db-dump <file>   Write the whole database schema as SQL
                           将完整的数据库结构写成 SQL 文件
          db-list          Show which database is used
                           显示所用的数据库
          check-env        Check that the database can be reached
                           检查能否连接数据库
          projections      Rebuild the ticket views from the stored events: projections rebuild
                           由已存储的事件重建工单视图：projections rebuild
          stream-query     List the ticket event streams, as JSON
                           以 JSON 列出工单事件流
          event-query      List the stored events, as JSON
                           以 JSON 列出已存储的事件
          help [verb]      This list, or the options of a db-… verb; help --all lists Marten's other verbs
                           显示本列表或某个数据库命令的选项；help --all 列出 Marten 的其他命令
        """;

    private static readonly string[] HelpWords = ["help", "--help", "-h", "?", "-?", "/?"];

    /// <summary>A bare help; <c>help db-patch</c> and <c>help --all</c> are JasperFx's.</summary>
    public static bool IsHelp(string[] args) => args.Length == 1 && HelpWords.Contains(args[0]);

    public static async Task<int> WriteHelp(TextWriter output)
    {
        await output.WriteLineAsync(Help);
        return 0;
    }

    public static async Task<int> Run(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            await Preflight(app.Services);
            await app.RunAsync();
            return 0;
        }

        if (args[0] == Demo.DemoVerb.Verb)
        {
            await Preflight(app.Services);
            return await Demo.DemoVerb.Run(app.Services, Console.Out);
        }

        if (args[0] == SignIn.UserAddVerb.Verb)
        {
            await Preflight(app.Services);
            return await SignIn.UserAddVerb.Run(app.Services, args[1..], Console.Out);
        }

        return await app.RunJasperFxCommands(args is ["help", "--all"] ? ["help"] : args);
    }

    /// <summary>
    /// What the host would do first anyway, done before it starts so that a mistake an operator can fix (settings,
    /// missing PostgreSQL, an unprepared database) ends in one clear message instead of a start-up stack trace.
    /// </summary>
    private static async Task Preflight(IServiceProvider services)
    {
        services.GetService<IStartupValidator>()?.Validate();
        await services.GetRequiredService<DatabaseEndpoint>().StartAsync(CancellationToken.None);
        await services.GetRequiredService<DatabaseOnStart>().Prepare(CancellationToken.None);
    }
}
