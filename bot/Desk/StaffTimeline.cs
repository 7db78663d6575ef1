using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Tickets;

namespace Assistant.Bot.Desk;

/// <summary>A ticket's whole history as colleagues read it, in plain Chinese, with who did what; internal notes marked.</summary>
public static class StaffTimeline
{
    /// <summary>The history of the ticket; the enterprise is named by the contact person it gave.</summary>
    public static IReadOnlyList<TimelineEntry> Of(Ticket ticket, IEnumerable<object> events, DeskRules rules) =>
        events.Select(e => Entry(ticket, e, rules)).Where(e => e is not null).Select(e => e!).ToList();

    /// <summary>Where staff open a file: web chat files through the desk (which checks the ticket), others at their own link.</summary>
    public static FileLink Link(Guid ticketId, TicketFile file) =>
        new(file.Name, file.ContentType, TicketFiles.FileId(file) is { } id ? $"/api/desk/tickets/{ticketId}/files/{id}" : file.Location);

    private static TimelineEntry? Entry(Ticket ticket, object e, DeskRules rules)
    {
        var ticketId = ticket.Id;
        string Dept(string? id) => rules.DepartmentName(id);
        string Who(Actor a) => a.Role switch
        {
            ActorRole.Enterprise => $"企业（{ticket.Contact.Name}）",
            ActorRole.System => "系统",
            _ => a.DepartmentId is { } d ? $"{Dept(d)} {a.Name}" : a.Name,
        };
        string When(DateTimeOffset at) => rules.Calendar.Describe(at);
        TimelineEntry Line(DateTimeOffset at, string who, string what, bool isInternal = false) => new(at, When(at), who, what, isInternal);
        return e switch
        {
            TicketSubmitted s => Line(s.At, $"企业（{s.Contact.Name}）", $"提交诉求，受理编号 {s.Number}（{(s.Channel == "msteams" ? "Teams" : "网页对话")}）"),
            TicketRouted r => Line(r.At, "系统", $"按“{r.Rule}”派单：{Dept(r.LeadDepartmentId)}主办" + CoHandling(r.CoHandlingDepartmentIds, rules)),
            TicketRedispatched r => Line(r.At, Who(r.By), $"重新派单：{Dept(r.LeadDepartmentId)}主办" + CoHandling(r.CoHandlingDepartmentIds, rules) + (r.Note is { Length: > 0 } n ? $"。说明：{n}" : "")),
            TicketTransferred t => Line(t.At, Who(t.By), $"转办：由{Dept(t.FromDepartmentId)}转{Dept(t.ToDepartmentId)}。理由：{t.Reason}"),
            TicketSignedFor s => Line(s.At, Who(s.By), "签收"),
            TicketAssigned a => Line(a.At, Who(a.By), $"分派给{a.Assignee.Name}承办"),
            EnterpriseContacted c => Line(c.At, Who(c.By), $"联系企业：{c.Note}"),
            InterimReplyGiven r => Line(r.At, Who(r.By), $"阶段答复：{r.Reply}"),
            InformationRequested r => Line(r.At, Who(r.By), $"请企业补充材料：{r.Request}"),
            InformationProvided i => Line(i.At, Who(i.By), $"补充材料：{i.Information}" + (i.Files is { Count: > 0 } files ? $"（附件{files.Count}个）" : ""))
                with { Files = i.Files?.Select(f => Link(ticketId, f)).ToList() },
            TicketReturned r => Line(r.At, Who(r.By), $"退单。理由：{r.Reason}"),
            ReturnRequested r => Line(r.At, Who(r.By), $"申请退单，待部门负责人审核。理由：{r.Reason}"),
            ReturnApproved r => Line(r.At, Who(r.By), "同意退单"),
            ReturnRejected r => Line(r.At, Who(r.By), $"不同意退单：{r.Reason}"),
            OutcomeProposed o => Line(o.At, Who(o.By), $"提交办理结果，待调度员审核：{o.Outcome}"),
            OutcomeApproved o => Line(o.At, Who(o.By), "审核通过办理结果"),
            OutcomeRejected o => Line(o.At, Who(o.By), $"退回办理结果：{o.Comment}"),
            ExtensionRequested x => Line(x.At, Who(x.By), $"申请延期{x.Days}个工作日（至{When(x.ProposedResolveDue)}）。理由：{x.Reason}"),
            ExtensionApproved x => Line(x.At, Who(x.By), $"批准延期{x.Days}个工作日，办结时限调整为{When(x.ResolveDue)}"),
            ExtensionRejected x => Line(x.At, Who(x.By), $"不同意延期。理由：{x.Reason}"),
            TicketSupervised s => Line(s.At, Who(s.By), $"督办：{s.Instruction}"),
            SupervisionAnswered a => Line(a.At, Who(a.By), $"答复督办：{a.Answer}"),
            ResolveClockPaused p => Line(p.At, "系统", "办结时限暂停计时：等待企业补充材料"),
            ResolveClockResumed r => Line(r.At, "系统", $"企业已补充材料，办结时限恢复计时（暂停{rules.Calendar.DescribeWorkingTime(r.PausedMinutes)}），顺延至{When(r.ResolveDue)}"),
            TicketWarned w => Line(w.At, "系统", w.Level switch
            {
                WarningLevel.Supervised => $"自动督办：{DeskViewText.StageName(w.Stage)}时限（{When(w.Due)}）已过，仍未完成",
                WarningLevel.Red => $"红牌：已超过{DeskViewText.StageName(w.Stage)}时限（{When(w.Due)}）",
                _ => $"黄牌：临近{DeskViewText.StageName(w.Stage)}时限（{When(w.Due)}）",
            }),
            TicketResolved r => Line(r.At, Who(r.By), $"办结：{r.Outcome}"),
            OutcomeDelivered d => Line(d.At, "系统", "办理结果已发送给企业"),
            TicketRated r => Line(r.At, Who(r.By), $"评价：{r.Rating.ToChinese()}" + (r.Comment is { Length: > 0 } c ? $"。意见：{c}" : "")),
            TicketReopened r => Line(r.At, Who(r.By), $"重办：{r.Reason}，办结时限{When(r.ResolveDue)}"),
            TicketWithdrawn w => Line(w.At, Who(w.By), "撤回诉求" + (w.Reason is { Length: > 0 } reason ? $"：{reason}" : "")),
            TicketClosed c => Line(c.At, Who(c.By), $"归档：{c.Reason}"),
            InternalNoteAdded n => Line(n.At, Who(n.By), $"内部备注：{n.Text}", isInternal: true),
            _ => null,
        };
    }

    private static string CoHandling(IReadOnlyList<string> ids, DeskRules rules) =>
        ids.Count > 0 ? $"，{string.Join("、", ids.Select(rules.DepartmentName))}协办" : "";
}
