using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;

namespace Assistant.Bot.Desk;

/// <summary>
/// The actions on one ticket, each an endpoint that issues one desk command. <see cref="Probe"/> builds the same
/// command with plausible content, so the console offers exactly the buttons the decisions would accept: there is one
/// source of truth for who may do what, and it is the domain.
/// </summary>
public static class TicketActions
{
    public sealed record Action(string Id, string Name, Func<Ticket, Actor, DeskRules, ITicketCommand> Probe);

    public static IReadOnlyList<Action> All { get; } =
    [
        new("sign-for", "签收", (t, by, _) => new SignForTicket(t.Id, by)),
        new("assign", "分派", (t, by, _) => new AssignTicket(t.Id, by, new Actor("probe", "probe", ActorRole.Staff, t.LeadDepartmentId))),
        new("contact", "联系企业", (t, by, _) => new ContactEnterprise(t.Id, by, "已电话联系企业联系人")),
        new("interim-reply", "阶段答复", (t, by, _) => new GiveInterimReply(t.Id, by, "正在协调相关单位办理")),
        new("request-information", "补充材料", (t, by, _) => new RequestInformation(t.Id, by, "请补充相关证明材料")),
        new("return", "退单", (t, by, _) => new ReturnTicket(t.Id, by, "不属于本部门职责范围")),
        new("return-decision", "审核退单", (t, by, _) => new DecideReturn(t.Id, by, Approve: true)),
        new("transfer", "转办", (t, by, rules) => new TransferTicket(t.Id, by, OtherDepartment(t, rules), null, "涉及其他部门职责")),
        new("extension", "申请延期", (t, by, _) => new RequestExtension(t.Id, by, 1, "需要协调多个部门办理")),
        new("extension-decision", "审批延期", (t, by, _) => new DecideExtension(t.Id, by, Approve: true)),
        new("resolve", "办结", (t, by, _) => new ResolveTicket(t.Id, by, "已办理完毕，并与企业确认了办理结果")),
        new("review-outcome", "审核办理结果", (t, by, _) => new ReviewOutcome(t.Id, by, Approve: true)),
        new("note", "内部备注", (t, by, _) => new AddInternalNote(t.Id, by, "内部备注")),
        new("redispatch", "重新派单", (t, by, rules) => new RedispatchTicket(t.Id, by, t.LeadDepartmentId ?? OtherDepartment(t, rules), null, null)),
        new("supervise", "督办", (t, by, _) => new SuperviseTicket(t.Id, by, "请加快办理")),
        new("answer-supervision", "答复督办", (t, by, _) => new AnswerSupervision(t.Id, by, "已加快办理，本周内答复企业")),
        new("reopen", "重办", (t, by, _) => new ReopenTicket(t.Id, by, "回访发现问题尚未解决")),
        new("close", "归档", (t, by, _) => new CloseTicket(t.Id, by, "已办结，归档")),
    ];

    /// <summary>The actions the person could take on the ticket now.</summary>
    public static IReadOnlyList<string> Available(Ticket ticket, StaffMember staff, DeskRules rules, DateTimeOffset now)
    {
        var by = Actor.Of(staff, staff.ActingRole);
        return All.Where(a => a.Probe(ticket, by, rules).Decide(ticket, rules, now).Rejection is null or { Code: RejectionCode.Invalid })
            .Select(a => a.Id)
            .ToList();
    }

    private static string OtherDepartment(Ticket ticket, DeskRules rules) =>
        rules.Departments.Select(d => d.Id).FirstOrDefault(id => id != ticket.LeadDepartmentId) ?? "";
}
