using Assistant.Dialogs.Conversations.Staff;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Marten;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Channels.Teams;

/// <summary>
/// Brings the desk to staff who live in Teams, in the same commit as the step: a new, re-dispatched or transferred
/// ticket is a card with 签收 and 退单 for each active staff member of the department; 黄牌 goes to the assignee (the
/// department's staff while nobody has signed for it); 红牌 to the assignee, the department's heads and the dispatchers;
/// 督办, automatic or a leader's, to the assignee and the heads, the automatic one to the leaders too. Only people whose
/// Teams identity is linked (人员管理) and who have a personal chat with the assistant are reached. Outside office hours
/// the cards wait for the next working start (Teams:StaffQuietHours).
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
    }

    public async Task Staged(IDocumentSession session, DeskResult result, CancellationToken cancellation)
    {
        if (!options.Value.IsConfigured || !options.Value.StaffNotices || result.Ticket is not { } ticket)
        {
            return;
        }

        var topic = $"ticket:{ticket.Id}";
        if (result.Events.Select(e => Changed(e, ticket)).OfType<string>().LastOrDefault() is { } note)
        {
            // The ticket's cards in other staff chats show it as it now stands, without buttons that no longer apply.
            await teams.StageUpdates(session, topic, StaffCards.Ticket(ticket, rules.Current, clock.GetUtcNow(), channel.ConsoleLink(ticket.Id), note), cancellation);
        }

        var notices = result.Events.Select(e => Notice(e, ticket)).OfType<(string Headline, bool Urgent, Audience[] To, string? Department)>().ToList();
        if (notices.Count == 0)
        {
            return;
        }

        var linked = await session.Query<StaffMember>().Where(s => s.TeamsUserId != null && s.Active).ToListAsync(cancellation);
        if (linked.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var desk = rules.Current;
        var notBefore = options.Value.StaffQuietHours ? desk.Calendar.AddWorkingMinutes(now, 1).AddMinutes(-1) : now;
        foreach (var (headline, urgent, to, department) in notices)
        {
            var people = linked.Where(s => to.Any(a => Reaches(a, s, ticket, department))).DistinctBy(s => s.TeamsUserId).ToList();
            if (people.Count == 0)
            {
                continue;
            }

            var aads = people.Select(p => p.TeamsUserId!).ToList();
            var chats = (await session.Query<TeamsConversation>()
                    .Where(c => c.UserAadObjectId!.IsOneOf(aads) && c.ConversationType == "personal")
                    .ToListAsync(cancellation))
                .GroupBy(c => c.UserAadObjectId)
                .Select(g => g.MaxBy(c => c.LastActivityAt)!)
                .ToList();
            var card = StaffCards.Ticket(ticket, desk, now, channel.ConsoleLink(ticket.Id), headline: headline, urgent: urgent);
            foreach (var chat in chats)
            {
                await teams.Stage(session, chat.ToReference(), [card], cancellation, notBefore, topic);
            }

            if (chats.Count < people.Count)
            {
                logger.LogInformation(
                    "{Missing} of {People} staff to be told about {Number} have never opened a chat with the assistant in Teams.",
                    people.Count - chats.Count, people.Count, ticket.Number);
            }
        }
    }

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
            _ => null,
        };
    }

    private (string Headline, bool Urgent, Audience[] To, string? Department)? Notice(object e, Ticket ticket)
    {
        var desk = rules.Current;
        string Due(DateTimeOffset due) => desk.Calendar.Describe(due);
        var signed = ticket.AssigneeId is not null;
        return e switch
        {
            TicketRouted r => ("新诉求，请及时签收", false, [Audience.Department], r.LeadDepartmentId),
            TicketRedispatched r => ("调度员重新派单，请及时签收", false, [Audience.Department], r.LeadDepartmentId),
            TicketTransferred t => ($"由{desk.DepartmentName(t.FromDepartmentId)}转办至本部门，请及时签收", false, [Audience.Department], t.ToDepartmentId),
            TicketWarned { Level: WarningLevel.Yellow } w =>
                ($"黄牌：临近{StaffCards.StageName(w.Stage)}（{Due(w.Due)}前）", false, [signed ? Audience.Assignee : Audience.Department], ticket.LeadDepartmentId),
            TicketWarned { Level: WarningLevel.Red } w =>
                ($"红牌：已超过{StaffCards.StageName(w.Stage)}（{Due(w.Due)}）", true, [signed ? Audience.Assignee : Audience.Department, Audience.Heads, Audience.Dispatchers], ticket.LeadDepartmentId),
            TicketWarned { Level: WarningLevel.Supervised } w =>
                ($"自动督办：{StaffCards.StageName(w.Stage)}（{Due(w.Due)}）已过，仍未完成，请抓紧办理", true, [signed ? Audience.Assignee : Audience.Department, Audience.Heads, Audience.Leaders], ticket.LeadDepartmentId),
            TicketSupervised s => ($"督办（{s.By.Name}）：{s.Instruction}", true, [signed ? Audience.Assignee : Audience.Department, Audience.Heads], ticket.LeadDepartmentId),
            _ => null,
        };
    }

    private static bool Reaches(Audience audience, StaffMember staff, Ticket ticket, string? department) => audience switch
    {
        Audience.Department => staff.DepartmentId == department && (staff.Has(StaffRole.Staff) || staff.Has(StaffRole.DepartmentHead)),
        Audience.Assignee => staff.Id == ticket.AssigneeId,
        Audience.Heads => staff.DepartmentId == department && staff.Has(StaffRole.DepartmentHead),
        Audience.Dispatchers => staff.Has(StaffRole.Dispatcher),
        _ => staff.Has(StaffRole.Leader),
    };
}
