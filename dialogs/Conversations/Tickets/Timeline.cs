using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Tickets;

namespace Assistant.Dialogs.Conversations.Tickets;

/// <summary>
/// A ticket's history as the enterprise reads it. Internal steps (warnings, extension requests, staff names,
/// return reasons) stay inside government; the enterprise sees which department has it and what was decided.
/// </summary>
public static class Timeline
{
    public static IReadOnlyList<string> Lines(IEnumerable<object> events, DeskRules rules, Phrases p) =>
        events.Select(e => Line(e, rules, p)).Where(l => l is not null).Select(l => l!).ToList();

    private static string? Line(object e, DeskRules rules, Phrases p)
    {
        string When(DateTimeOffset at) => rules.Calendar.Describe(at, p.English);
        string Dept(string? id) => rules.DepartmentName(id, p.English);
        return (e, p.English) switch
        {
            (TicketSubmitted s, false) => $"{When(s.At)} 已受理，诉求编号 {s.Number}",
            (TicketSubmitted s, true) => $"{When(s.At)} received, number {s.Number}",
            (TicketRouted r, false) => $"{When(r.At)} 已派送{Dept(r.LeadDepartmentId)}办理" + (r.CoHandlingDepartmentIds.Count > 0 ? $"，{string.Join("、", r.CoHandlingDepartmentIds.Select(Dept))}协办" : ""),
            (TicketRouted r, true) => $"{When(r.At)} sent to {Dept(r.LeadDepartmentId)}",
            (TicketSignedFor s, false) => $"{When(s.At)} {Dept(s.By.DepartmentId)}已签收",
            (TicketSignedFor s, true) => $"{When(s.At)} accepted by {Dept(s.By.DepartmentId)}",
            (EnterpriseContacted c, false) => $"{When(c.At)} 承办人员已与贵企业联系",
            (EnterpriseContacted c, true) => $"{When(c.At)} the department contacted you",
            (InterimReplyGiven r, false) => $"{When(r.At)} 阶段答复：{r.Reply}",
            (InterimReplyGiven r, true) => $"{When(r.At)} interim reply: {r.Reply}",
            (InformationRequested r, false) => $"{When(r.At)} 承办部门请您补充：{r.Request}",
            (InformationRequested r, true) => $"{When(r.At)} the department asks for: {r.Request}",
            (InformationProvided i, false) => $"{When(i.At)} 您补充了材料",
            (InformationProvided i, true) => $"{When(i.At)} you added information",
            (TicketReturned r, false) => $"{When(r.At)} 正在重新确定承办部门",
            (TicketReturned r, true) => $"{When(r.At)} the responsible department is being re-determined",
            (TicketRedispatched r, false) => $"{When(r.At)} 已改派{Dept(r.LeadDepartmentId)}办理",
            (TicketRedispatched r, true) => $"{When(r.At)} sent to {Dept(r.LeadDepartmentId)}",
            (TicketTransferred t, false) => $"{When(t.At)} 已转{Dept(t.ToDepartmentId)}办理",
            (TicketTransferred t, true) => $"{When(t.At)} transferred to {Dept(t.ToDepartmentId)}",
            (ExtensionApproved x, false) => $"{When(x.At)} 经批准延期，办结时限调整为{When(x.ResolveDue)}",
            (ExtensionApproved x, true) => $"{When(x.At)} extended; now due {When(x.ResolveDue)}",
            (TicketSupervised s, false) => $"{When(s.At)} 领导已督办",
            (TicketSupervised s, true) => $"{When(s.At)} supervised by a leader",
            (TicketResolved r, false) => $"{When(r.At)} 已办结：{r.Outcome}",
            (TicketResolved r, true) => $"{When(r.At)} resolved: {r.Outcome}",
            (TicketRated r, false) => $"{When(r.At)} 您的评价：{r.Rating.ToChinese()}",
            (TicketRated r, true) => $"{When(r.At)} your rating: {r.Rating}",
            (TicketReopened r, false) => $"{When(r.At)} 已安排重新办理，办结时限{When(r.ResolveDue)}",
            (TicketReopened r, true) => $"{When(r.At)} reopened, due {When(r.ResolveDue)}",
            (TicketWithdrawn w, false) => $"{When(w.At)} 已撤回",
            (TicketWithdrawn w, true) => $"{When(w.At)} withdrawn",
            (TicketClosed c, false) => $"{When(c.At)} 已归档",
            (TicketClosed c, true) => $"{When(c.At)} closed",
            _ => null,
        };
    }
}
