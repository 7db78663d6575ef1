namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>Checks shared by several decisions; each returns a rejection or null when the command may go on.</summary>
internal static class Guards
{
    public const int MaxTextLength = 4000;

    public static Rejection? InStatus(Ticket ticket, string action, params TicketStatus[] allowed) =>
        allowed.Contains(ticket.Status)
            ? null
            : new Rejection(RejectionCode.WrongState, $"诉求 {ticket.Number} 当前状态为“{ticket.Status.ToChinese()}”，不能{action}。");

    /// <summary>Staff or the head of the lead department (主办部门).</summary>
    public static Rejection? OfLeadDepartment(Ticket ticket, Actor actor, DeskRules rules, string action)
    {
        if (!actor.IsDepartmentMember)
        {
            return new Rejection(RejectionCode.NotPermitted, $"只有主办部门的工作人员可以{action}。");
        }

        return actor.DepartmentId == ticket.LeadDepartmentId
            ? null
            : new Rejection(RejectionCode.WrongDepartment, $"诉求 {ticket.Number} 由{rules.DepartmentName(ticket.LeadDepartmentId)}主办，您所在的部门不能{action}。");
    }

    public static Rejection? Text(string? text, string what, int min = 1) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().Length < min
            ? new Rejection(RejectionCode.Invalid, min > 1 ? $"请填写{what}（至少{min}个字）。" : $"请填写{what}。")
            : text.Length > MaxTextLength
                ? new Rejection(RejectionCode.Invalid, $"{what}过长（{text.Length}字），请精简到{MaxTextLength}字以内。")
                : null;

    public static Rejection? Enterprise(Ticket ticket, Actor actor, string action) =>
        actor.Role == ActorRole.System || (actor.Role == ActorRole.Enterprise && actor.Id == ticket.SubmittedBy)
            ? null
            : new Rejection(RejectionCode.NotPermitted, $"只有提交诉求的企业可以{action}。");

    public static Decision ToDecision(this Rejection rejection) => new([], rejection);

    public static Rejection? FirstOf(params Func<Rejection?>[] checks)
    {
        foreach (var check in checks)
        {
            if (check() is { } rejection)
            {
                return rejection;
            }
        }

        return null;
    }
}
