using Assistant.Bot.SignIn;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Marten;

namespace Assistant.Bot.Demo;

/// <summary>
/// <c>demo</c>: fills the database with an account for a clerk and a head of every department, a dispatcher and a
/// leader (printed with their password), and a few hundred requests of the last four months in every state, so a
/// newcomer sees a living console. Each request goes through the real desk decisions on a clock that walks
/// through those months. For trying out only: never on a production database.
/// </summary>
public static class DemoVerb
{
    public const string Verb = "demo";
    private const int Tickets = 300;

    private static readonly string[] Names = ["王芳", "李强", "赵敏", "陈静", "孙丽", "周军", "吴斌", "郑洁", "冯涛", "蒋红", "沈雷", "韩梅", "杨光", "朱琳", "秦川", "许诺", "何平", "吕岩", "施琪", "张磊"];

    public static async Task<int> Run(IServiceProvider services, TextWriter output)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var rules = services.GetRequiredService<DeskRules>();
        await using (var query = store.QuerySession())
        {
            if (await query.Query<StaffMember>().AnyAsync(s => s.Id == "leader"))
            {
                await output.WriteLineAsync("演示数据已经存在，未重复添加。如忘记密码，请用 admin 账号在控制台重置，或用 user-add 添加新账号。");
                return 0;
            }
        }

        var password = Passwords.Generate();
        var people = await AddPeople(store, rules, password);
        var random = new Random(20261202);
        var clock = new WalkingClock(DateTimeOffset.UtcNow);
        var desk = new TicketDesk(store, rules, clock);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Tickets; i++)
        {
            var filedAt = WorkingMoment(rules, now.AddDays(-random.Next(0, 120)), random);
            await Live(desk, rules, clock, people, random, filedAt, now, i);
        }

        await output.WriteLineAsync($"已添加演示数据：{Tickets} 件诉求、{people.Count} 个账号。打开 /console，用以下账号登录，统一密码：{password}");
        foreach (var person in people.Values.OrderBy(p => p.DepartmentId))
        {
            await output.WriteLineAsync($"  {person.Login,-34} {person.Name}  {rules.DepartmentName(person.DepartmentId)} {string.Join("、", person.Roles.Select(StaffMember.RoleName))}");
        }

        return 0;
    }

    private static async Task<Dictionary<string, StaffMember>> AddPeople(IDocumentStore store, DeskRules rules, string password)
    {
        var people = new Dictionary<string, StaffMember>();
        var name = 0;
        foreach (var department in rules.Departments.Where(d => d.Active))
        {
            if (department.Kind == DepartmentKind.ServiceCenter)
            {
                people["dispatcher"] = new StaffMember("dispatcher", Names[name++ % Names.Length], department.Id, [StaffRole.Dispatcher], Login: "dispatcher");
                people["leader"] = new StaffMember("leader", Names[name++ % Names.Length], department.Id, [StaffRole.Leader], Login: "leader");
                continue;
            }

            people[department.Id + ".clerk"] = new StaffMember(department.Id + ".clerk", Names[name++ % Names.Length], department.Id, [StaffRole.Staff], Login: department.Id + ".clerk");
            people[department.Id + ".head"] = new StaffMember(department.Id + ".head", Names[name++ % Names.Length], department.Id, [StaffRole.DepartmentHead], Login: department.Id + ".head");
        }

        await using var session = store.LightweightSession();
        var hash = Passwords.Hash(password);
        foreach (var person in people.Values)
        {
            session.Store(person);
            session.Store(new StaffCredential { Id = person.Id, PasswordHash = hash, ChangedAt = DateTimeOffset.UtcNow });
        }

        await session.SaveChangesAsync();
        return people;
    }

    /// <summary>One request from filing to wherever it would be by now, each step on the desk at its own moment.</summary>
    private static async Task Live(TicketDesk desk, DeskRules rules, WalkingClock clock, Dictionary<string, StaffMember> people, Random random, DateTimeOffset at, DateTimeOffset now, int index)
    {
        var category = rules.Options.Categories[random.Next(rules.Options.Categories.Count)].Id;
        var texts = DemoRequests.ByCategory.GetValueOrDefault(category) ?? DemoRequests.ByCategory["other"];
        var enterprise = random.Next(DemoRequests.Enterprises.Length);
        var contact = DemoRequests.Contacts[random.Next(DemoRequests.Contacts.Length)];
        var submittedBy = $"demo:enterprise-{enterprise}";
        clock.Now = at;
        var filed = await desk.Submit(new SubmitTicket(
            new EnterpriseRef(null, DemoRequests.Enterprises[enterprise], null), new ContactPerson(contact, $"139{random.Next(10_000_000, 99_999_999)}"),
            "webchat", texts[random.Next(texts.Length)], category, 0.9, new Dictionary<string, string>(), null, submittedBy, $"demo-{index}"), CancellationToken.None);
        if (filed.Ticket is not { LeadDepartmentId: { } lead } ticket)
        {
            return;
        }

        var clerk = people.GetValueOrDefault(lead + ".clerk") ?? people["dispatcher"];
        var head = people.GetValueOrDefault(lead + ".head") ?? people["dispatcher"];
        var enterpriseActor = Actor.Enterprise(submittedBy, contact);
        var ageDays = (now - at).TotalDays;
        var fate = random.NextDouble();
        async Task<bool> Step(int workingMinutes, Func<Ticket, ITicketCommand> command)
        {
            var next = rules.Calendar.AddWorkingMinutes(clock.Now, workingMinutes);
            if (next >= now)
            {
                return false;
            }

            clock.Now = next;
            var result = await desk.Run(command(ticket), CancellationToken.None);
            ticket = result.Ticket ?? ticket;
            return result.IsAccepted;
        }

        if (fate < 0.06 && ageDays > 3)
        {
            await Step(random.Next(30, 400), t => new WithdrawTicket(t.Id, enterpriseActor, "问题已自行解决"));
            return;
        }

        if (fate < 0.1 && ageDays < 6)
        {
            return; // still waiting to be signed for
        }

        var by = Actor.Of(clerk, StaffRole.Staff);
        if (!await Step(random.Next(20, fate < 0.15 ? 900 : 300), t => new SignForTicket(t.Id, by))
            || !await Step(random.Next(60, 600), t => new ContactEnterprise(t.Id, by, "电话联系企业负责人，了解了具体情况")))
        {
            return;
        }

        if (fate < 0.2)
        {
            if (!await Step(random.Next(60, 600), t => new RequestInformation(t.Id, by, "请补充项目备案文件和相关证明材料")) || ageDays < 8)
            {
                return; // waiting for the enterprise's material
            }

            await Step(random.Next(60, 900), t => new ProvideInformation(t.Id, enterpriseActor, "相关材料已整理好，明天送到服务中心"));
        }

        if (fate is > 0.9 and < 0.95)
        {
            await Step(random.Next(60, 600), t => new SuperviseTicket(t.Id, Actor.Of(people["leader"], StaffRole.Leader), "请加快办理，本周内给企业明确答复"));
        }

        if (fate is > 0.8 and < 0.9 && await Step(random.Next(120, 900), t => new RequestExtension(t.Id, by, random.Next(3, 10), "涉及多个部门会商，需要更多时间")))
        {
            await Step(random.Next(60, 480), t => new DecideExtension(t.Id, Actor.Of(head, StaffRole.DepartmentHead), Approve: true));
        }

        var late = random.NextDouble() < 0.15;
        if (!await Step(random.Next(240, late ? 4800 : 1800), t => new ResolveTicket(t.Id, by, DemoRequests.Outcomes[random.Next(DemoRequests.Outcomes.Length)])))
        {
            return;
        }

        var rating = random.NextDouble() switch { < 0.75 => Satisfaction.Satisfied, < 0.92 => Satisfaction.BasicallySatisfied, _ => Satisfaction.Dissatisfied };
        if (await Step(random.Next(60, 1200), t => new RateTicket(t.Id, enterpriseActor, rating, rating == Satisfaction.Dissatisfied ? "问题还没有完全解决" : null))
            && rating == Satisfaction.Dissatisfied
            && await Step(random.Next(240, 1800), t => new ResolveTicket(t.Id, by, "再次协调后已全部落实，并与企业当面确认。")))
        {
            await Step(random.Next(60, 600), t => new RateTicket(t.Id, enterpriseActor, Satisfaction.BasicallySatisfied, null));
        }
    }

    private static DateTimeOffset WorkingMoment(DeskRules rules, DateTimeOffset day, Random random) =>
        rules.Calendar.AddWorkingMinutes(rules.Calendar.At(rules.Calendar.LocalDay(day), new TimeOnly(8, 30)), random.Next(0, rules.Calendar.MinutesPerDay));

    /// <summary>A clock the demo moves forward through the months, step by step.</summary>
    private sealed class WalkingClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    }
}
