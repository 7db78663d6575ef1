using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Conversations.Staff;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Marten;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Channels.Teams;

/// <summary>
/// Brings the desk to staff who live in Teams, in the same commit as the step: a new, re-dispatched or transferred
/// ticket is a card with 签收 and 退单 for each active staff member of the department, or one post in the department's
/// Teams channel when it has one; 黄牌 goes to the assignee (the department's staff while nobody has signed for it);
/// 红牌 to the assignee, the department's heads and the dispatchers; 督办, automatic or a leader's, to the assignee and
/// the heads, the automatic one to the leaders too; the answer to a 督办 to whoever gave it. Each card is made for its
/// reader (leaders and dispatchers get 督办 on it, the department its steps). People whose Teams identity is linked
/// (人员管理) are reached in their personal chat with the assistant, which is opened for them if they never wrote.
/// Who gets which notice can be changed (Teams:StaffNoticeTo). Outside office hours the cards wait for the next working
/// start (Teams:StaffQuietHours).
/// </summary>
public sealed class StaffNotices(
    ProactiveMessenger teams, DeskRulesSource rules, IStaffChannel channel, IOptions<TeamsOptions> options, TimeProvider clock, ILogger<StaffNotices> logger)
    : ITicketObserver
{
    private enum Audience
    {
        Department,
        Assignee,
        Heads,
        Dispatchers,
        Leaders,
        Supervisor,
    }

    /// <param name="Arrival">A ticket arriving at the department: posted in its channel instead, when it has one.</param>
    private sealed record Notice(string Headline, bool Urgent, Audience[] To, string? Department, bool Arrival = false);

    public async Task Staged(IDocumentSession session, DeskResult result, CancellationToken cancellation)
    {
        if (!options.Value.IsConfigured || !options.Value.StaffNotices || result.Ticket is not { } ticket)
        {
            return;
        }

        var desk = rules.Current;
        var now = clock.GetUtcNow();
        var topic = $"ticket:{ticket.Id}";
        var link = channel.ConsoleLink(ticket.Id);
        var notices = result.Events.Select(e => NoticeOf(e, ticket)).OfType<Notice>().ToList();
        var note = result.Events.Select(e => Changed(e, ticket)).OfType<string>().LastOrDefault();
        if (note is null && notices.Count == 0)
        {
            return;
        }

        var linked = await session.Query<StaffMember>().Where(s => s.TeamsUserId != null && s.Active).ToListAsync(cancellation);
        if (note is not null)
        {
            WakeAfterCommit.On(session, teams);
            // The ticket's cards in other chats show it as it now stands, without buttons that no longer apply.
            var byId = linked.ToDictionary(s => s.Id);
            // Only a post in the department's channel refreshes for the department's staff; personal cards for their reader.
            var departmentViewers = desk.FindDepartment(ticket.LeadDepartmentId ?? "")?.TeamsChannelId is null
                ? []
                : await CardViewers.OfDepartment(session, ticket.LeadDepartmentId, cancellation);
            await teams.StageUpdates(session, topic, sent => StaffCards.Ticket(ticket, desk, now, link, note,
                viewer: sent.StaffId is { } id ? byId.GetValueOrDefault(id) : null,
                refreshFor: sent.StaffId is null ? departmentViewers : Reader(sent)), cancellation);
        }

        if (notices.Count == 0 || linked.Count == 0)
        {
            return;
        }

        var notBefore = options.Value.StaffQuietHours ? desk.Calendar.AddWorkingMinutes(now, 1).AddMinutes(-1) : now;
        WakeAfterCommit.On(session, teams);
        string? openAt = null;
        foreach (var notice in notices)
        {
            if (notice.Arrival && desk.FindDepartment(notice.Department ?? "")?.TeamsChannelId is { } channelId)
            {
                var post = StaffCards.Ticket(ticket, desk, now, link, headline: notice.Headline, urgent: notice.Urgent,
                    refreshFor: await CardViewers.OfDepartment(session, notice.Department, cancellation));
                await teams.StageOpening(session, TeamsOpening.Channel(channelId), post, cancellation, notBefore, topic);
                continue;
            }

            var people = linked.Where(s => notice.To.Any(a => Reaches(a, s, ticket, notice.Department))).DistinctBy(s => s.TeamsUserId).ToList();
            if (people.Count == 0)
            {
                continue;
            }

            var aads = people.Select(p => p.TeamsUserId!).ToArray();
            var chats = (await session.Query<TeamsConversation>()
                    .Where(c => c.UserAadObjectId!.IsOneOf(aads) && c.ConversationType == "personal")
                    .ToListAsync(cancellation))
                .GroupBy(c => c.UserAadObjectId!)
                .ToDictionary(g => g.Key, g => g.MaxBy(c => c.LastActivityAt)!);
            var opened = 0;
            foreach (var person in people)
            {
                var chat = chats.GetValueOrDefault(person.TeamsUserId!);
                var card = StaffCards.Ticket(ticket, desk, now, link, headline: notice.Headline, urgent: notice.Urgent, viewer: person,
                    refreshFor: chat is not null && CardViewers.IsTeamsUserId(chat.UserId) ? [chat.UserId] : null);
                var message = chat is not null
                    ? (await teams.Stage(session, chat.ToReference(), [card], cancellation, notBefore, topic))[0]
                    : await teams.StageOpening(session, TeamsOpening.Person(person.TeamsUserId!, person.Name), card, cancellation, notBefore, topic,
                        openAt ??= await teams.OpeningServiceUrl(session, cancellation));
                message.StaffId = person.Id;
                opened += chat is null ? 1 : 0;
            }

            if (opened > 0)
            {
                logger.LogInformation("{Opened} of {People} staff to be told about {Number} never wrote to the assistant in Teams; their personal chats are opened.",
                    opened, people.Count, ticket.Number);
            }
        }
    }

    /// <summary>Whoever's commit the cards are in (a chat turn, the console, the sweep), the outbox sends them right after it.</summary>
    private sealed class WakeAfterCommit(ProactiveMessenger teams) : DocumentSessionListenerBase
    {
        public static void On(IDocumentSession session, ProactiveMessenger teams)
        {
            if (!session.Listeners.OfType<WakeAfterCommit>().Any())
            {
                session.Listeners.Add(new WakeAfterCommit(teams));
            }
        }

        public override Task AfterCommitAsync(IDocumentSession session, Marten.Services.IChangeSet commit, CancellationToken token)
        {
            teams.Wake();
            return Task.CompletedTask;
        }
    }

    /// <summary>The Teams user a personal card went to, for its refresh; none when we only know their Entra object id.</summary>
    private static IReadOnlyList<string>? Reader(OutboxMessage sent) =>
        ActivityJson.Deserialize(sent.Activity)?.Recipient?.Id is { } id && CardViewers.IsTeamsUserId(id) ? [id] : null;

    /// <summary>The line a ticket's earlier cards get when it has moved on.</summary>
    private string? Changed(object e, Ticket ticket)
    {
        var desk = rules.Current;
        return e switch
        {
            TicketSignedFor s => $"已由 {s.By.Name} 于 {desk.Calendar.Describe(s.At)} 签收",
            TicketAssigned a => $"已分派给 {a.Assignee.Name}",
            TicketResolved r => $"已由 {r.By.Name} 于 {desk.Calendar.Describe(r.At)} 办结",
            TicketReturned r => $"已由 {r.By.Name} 退单：{r.Reason}",
            ReturnRequested r => $"{r.By.Name} 申请退单，待部门负责人审核",
            TicketTransferred t => $"已转由{desk.DepartmentName(t.ToDepartmentId)}办理",
            TicketRedispatched r => $"已改派{desk.DepartmentName(r.LeadDepartmentId)}办理",
            TicketWithdrawn => "企业已撤回这件诉求",
            SupervisionAnswered a => $"{a.By.Name} 已于 {desk.Calendar.Describe(a.At)} 答复督办",
            _ => null,
        };
    }

    private Notice? NoticeOf(object e, Ticket ticket)
    {
        var desk = rules.Current;
        string Due(DateTimeOffset due) => desk.Calendar.Describe(due);
        var (notice, headline, urgent) = e switch
        {
            TicketRouted => ("NewTicket", "新诉求，请及时签收", false),
            TicketRedispatched => ("NewTicket", "调度员重新派单，请及时签收", false),
            TicketTransferred t => ("NewTicket", $"由{desk.DepartmentName(t.FromDepartmentId)}转办至本部门，请及时签收", false),
            TicketWarned { Level: WarningLevel.Yellow } w => ("Yellow", $"黄牌：临近{StaffCards.StageName(w.Stage)}（{Due(w.Due)}前）", false),
            TicketWarned { Level: WarningLevel.Red } w => ("Red", $"红牌：已超过{StaffCards.StageName(w.Stage)}（{Due(w.Due)}）", true),
            TicketWarned { Level: WarningLevel.Supervised } w =>
                ("Supervised", $"自动督办：{StaffCards.StageName(w.Stage)}（{Due(w.Due)}）已过，仍未完成，请抓紧办理并答复", true),
            TicketSupervised s => ("Supervision", $"督办（{s.By.Name}）：{s.Instruction}", true),
            SupervisionAnswered a => ("SupervisionAnswer", $"督办答复（{a.By.Name}）：{a.Answer}", false),
            _ => (null, "", false),
        };
        if (notice is null)
        {
            return null;
        }

        // A ticket arriving at a department is for the department it arrives at.
        var department = e switch
        {
            TicketRouted r => r.LeadDepartmentId,
            TicketRedispatched r => r.LeadDepartmentId,
            TicketTransferred t => t.ToDepartmentId,
            _ => ticket.LeadDepartmentId,
        };
        var handler = ticket.AssigneeId is not null ? Audience.Assignee : Audience.Department;
        var to = options.Value.NoticeTo(notice).Where(a => a != "None").Select(a => a == "Handler" ? handler : Enum.Parse<Audience>(a)).Distinct().ToArray();
        return to.Length == 0 ? null : new Notice(headline, urgent, to, department, Arrival: notice == "NewTicket");
    }

    private static bool Reaches(Audience audience, StaffMember staff, Ticket ticket, string? department) => audience switch
    {
        Audience.Department => staff.DepartmentId == department && (staff.Has(StaffRole.Staff) || staff.Has(StaffRole.DepartmentHead)),
        Audience.Assignee => staff.Id == ticket.AssigneeId,
        Audience.Heads => staff.DepartmentId == department && staff.Has(StaffRole.DepartmentHead),
        Audience.Dispatchers => staff.Has(StaffRole.Dispatcher),
        // Whoever gave the 督办 that was answered; for the automatic one, the leaders it went to.
        Audience.Supervisor => ticket.LastSupervisorId is { } by ? staff.Id == by : staff.Has(StaffRole.Leader),
        _ => staff.Has(StaffRole.Leader),
    };
}
