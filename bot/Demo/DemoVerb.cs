using Assistant.Bot.SignIn;
using Assistant.Dialogs.Conversations.Submit;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Marten;

namespace Assistant.Bot.Demo;

/// <summary>
/// <c>demo</c>: fills the database with an account for a clerk and a head of every department, a dispatcher and a
/// leader (printed with their password), and a few hundred requests of the last four months in every state, so a
/// newcomer sees a living console. Each request lives through the real desk decisions, each step at its own moment
/// of those months (<see cref="DemoLife"/>). For trying out only: never on a production database.
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
        await Fill(store, rules, people, Tickets, DemoRequests.Enterprises, DateTimeOffset.UtcNow, seed: 20261202);
        await output.WriteLineAsync($"已添加演示数据：{Tickets} 件诉求、{people.Count} 个账号。打开 /console，用以下账号登录，统一密码：{password}");
        foreach (var person in people.Values.OrderBy(p => p.DepartmentId))
        {
            await output.WriteLineAsync($"  {person.Login,-34} {person.Name}  {rules.DepartmentName(person.DepartmentId)} {string.Join("、", person.Roles.Select(StaffMember.RoleName))}");
        }

        return 0;
    }

    /// <summary>A clerk and a head for every department, a dispatcher and a leader, all with the given password.</summary>
    public static async Task<Dictionary<string, StaffMember>> AddPeople(IDocumentStore store, DeskRules rules, string password)
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

    /// <summary>
    /// Files <paramref name="count"/> requests of the last <paramref name="days"/> days, each lived through by
    /// <see cref="DemoLife"/>, a thousand streams per transaction; ticket numbers come from the store's own sequence.
    /// </summary>
    public static async Task Fill(
        IDocumentStore store, DeskRules rules, IReadOnlyDictionary<string, StaffMember> people, int count,
        IReadOnlyList<string> enterprises, DateTimeOffset now, int seed, Action<int>? progress = null, int days = 120)
    {
        var random = new Random(seed);
        var life = new DemoLife(rules, people, random, now);
        const int Batch = 1000;
        for (var done = 0; done < count; done += Batch)
        {
            var size = Math.Min(Batch, count - done);
            await using var session = store.LightweightSession();
            foreach (var sequence in await TicketNumbers.Next(session, size, CancellationToken.None))
            {
                var at = life.WorkingMoment(now.AddDays(-random.Next(0, days)));
                if (at >= now)
                {
                    at = now.AddMinutes(-random.Next(1, 600));
                }

                var identity = new TicketIdentity(Guid.CreateVersion7(at), TicketNumbers.Format(rules, at, sequence), TicketNumbers.NewQueryCode());
                var events = life.Live(identity, enterprises[random.Next(enterprises.Count)], at);
                if (events.Count > 0)
                {
                    session.Events.StartStream<Ticket>(identity.Id, events);
                }
            }

            await session.SaveChangesAsync();
            progress?.Invoke(done + size);
        }
    }

}
