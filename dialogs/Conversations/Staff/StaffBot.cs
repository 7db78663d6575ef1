using System.Text;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;
using Assistant.Dialogs.Turns;
using Marten;

namespace Assistant.Dialogs.Conversations.Staff;

/// <summary>
/// Department staff in Teams: their to-do list, the tickets waiting to be signed for, and 签收, 办结 and 退单 typed or
/// pressed on a ticket's card. Every step is the desk's own decision with the staff member as actor, in the turn's
/// commit together with what the enterprise is told; a card pressed is replaced by the ticket as it now stands.
/// </summary>
public sealed class StaffBot(TicketDesk desk, IStaffChannel channel)
{
    private const int ListLength = 10;

    public async Task OnMessage(TurnContext turn, StaffMember staff, CancellationToken cancellation)
    {
        var session = turn.Get<IDocumentSession>() ?? throw new InvalidOperationException("A staff turn needs the turn's session.");
        var command = StaffCommand.Of(turn.Activity);
        switch (command.Verb)
        {
            case StaffVerb.MyWork:
                await MyWork(turn, session, staff, cancellation);
                return;
            case StaffVerb.AwaitingSignFor:
                await AwaitingSignFor(turn, session, staff, cancellation);
                return;
            case StaffVerb.Refresh:
                await RefreshOnView(turn, session, staff, command, cancellation);
                return;
            case StaffVerb.SignFor or StaffVerb.Resolve or StaffVerb.Return or StaffVerb.Contact or StaffVerb.RequestInformation or StaffVerb.Extension
                or StaffVerb.Supervise or StaffVerb.AnswerSupervision:
                await Act(turn, session, staff, command, cancellation);
                return;
            default:
                turn.SendActivity(Help(staff));
                return;
        }
    }

    public static string Help(StaffMember staff)
    {
        var supervises = staff.Has(StaffRole.Leader) || staff.Has(StaffRole.Dispatcher);
        var handles = staff.Has(StaffRole.Staff) || staff.Has(StaffRole.DepartmentHead);
        var lines = new List<string> { $"{staff.Name}您好，这里是有求必应的办理助手。可以发送：" };
        if (handles)
        {
            lines.Add("· 我的待办 —— 您签收、正在办理的诉求");
            lines.Add("· 待签收 —— 本部门尚未签收的诉求");
            lines.Add("· 签收 诉求编号 —— 例如：签收 YQ2026-000123");
            lines.Add("· 办结 诉求编号 处理结果 —— 例如：办结 YQ2026-000123 已协调园区预留二十亩工业用地");
            lines.Add("· 退单 诉求编号 理由");
            lines.Add("· 答复督办 诉求编号 答复内容");
        }

        if (supervises)
        {
            lines.Add("· 督办 诉求编号 督办意见 —— 例如：督办 YQ2026-000123 请于本周内给企业明确答复");
        }

        lines.Add(handles ? "新诉求到达、临近或超过时限时，我会在这里提醒您。" : "诉求超期、需要督办时，我会在这里提醒您。");
        return string.Join('\n', lines);
    }

    private async Task MyWork(TurnContext turn, IDocumentSession session, StaffMember staff, CancellationToken cancellation)
    {
        var mine = await session.Query<Ticket>()
            .Where(t => t.AssigneeId == staff.Id && t.Status.In(TicketStatusText.InDepartmentHands))
            .OrderBy(t => t.ResolveDue)
            .Take(ListLength + 1)
            .ToListAsync(cancellation);
        if (mine.Count == 0)
        {
            turn.SendActivity("您目前没有正在办理的诉求。发送“待签收”可查看本部门尚未签收的诉求。");
            return;
        }

        turn.SendActivity(List($"您正在办理的诉求（按办结时限排序）：", mine, t => t.ResolveDue));
    }

    private async Task AwaitingSignFor(TurnContext turn, IDocumentSession session, StaffMember staff, CancellationToken cancellation)
    {
        var waiting = await DepartmentQueue.AwaitingSignFor(session, staff.DepartmentId, cancellation);
        if (waiting.Count == 0)
        {
            turn.SendActivity($"{desk.Rules.DepartmentName(staff.DepartmentId)}目前没有待签收的诉求。");
            return;
        }

        var now = desk.Now();
        turn.SendActivity($"{desk.Rules.DepartmentName(staff.DepartmentId)}有 {waiting.Count} 件诉求待签收" + (waiting.Count > 3 ? "，最紧急的 3 件如下：" : "："));
        foreach (var ticket in waiting.Take(3))
        {
            turn.SendActivity(StaffCards.Ticket(ticket, desk.Rules, now, channel.ConsoleLink(ticket.Id)));
        }
    }

    private async Task Act(TurnContext turn, IDocumentSession session, StaffMember staff, StaffCommand command, CancellationToken cancellation)
    {
        if (command.Number is null)
        {
            turn.SendActivity("请写上诉求编号，例如：签收 YQ2026-000123。");
            return;
        }

        var ticket = await session.Query<Ticket>().SingleOrDefaultAsync(t => t.Number == command.Number, cancellation);
        if (ticket is null || !TicketScope.Sees(staff, ticket))
        {
            turn.SendActivity($"没有找到您可以办理的诉求 {command.Number}，请核对编号。");
            return;
        }

        var actor = Actor.Of(staff, staff.ActingRole);
        ITicketCommand? decision = command.Verb switch
        {
            StaffVerb.SignFor => new SignForTicket(ticket.Id, actor),
            StaffVerb.Resolve when command.Text is { } outcome => new ResolveTicket(ticket.Id, actor, outcome),
            StaffVerb.Return when command.Text is { } reason => new ReturnTicket(ticket.Id, actor, reason),
            StaffVerb.Contact when command.Text is { } contact => new ContactEnterprise(ticket.Id, actor, contact),
            StaffVerb.RequestInformation when command.Text is { } request => new RequestInformation(ticket.Id, actor, request),
            StaffVerb.Extension when command.Text is { } reason && command.Days is { } days => new RequestExtension(ticket.Id, actor, days, reason),
            StaffVerb.Supervise when command.Text is { } instruction => new SuperviseTicket(ticket.Id, Actor.Of(staff, staff.Has(StaffRole.Leader) ? StaffRole.Leader : staff.ActingRole), instruction),
            StaffVerb.AnswerSupervision when command.Text is { } answer => new AnswerSupervision(ticket.Id, actor, answer),
            _ => null,
        };
        if (decision is null)
        {
            turn.SendActivity(command.Verb switch
            {
                StaffVerb.Resolve => $"请写上处理结果，例如：办结 {ticket.Number} 已协调园区预留二十亩工业用地。处理结果会发送给企业。",
                StaffVerb.Return => $"请写上退单理由，例如：退单 {ticket.Number} 不属于本部门职责，应由某部门办理。",
                StaffVerb.Contact => "请在卡片上写明联系情况后再提交。",
                StaffVerb.RequestInformation => "请在卡片上写明需要企业补充的材料后再提交。",
                StaffVerb.Supervise => $"请写上督办意见，例如：督办 {ticket.Number} 请于本周内办结并报告。",
                StaffVerb.AnswerSupervision => $"请写上答复内容，例如：答复督办 {ticket.Number} 已约企业现场办公，本周五前办结。",
                _ => "请在卡片上填写延期的工作日数（1 到 30）和理由后再提交。",
            });
            return;
        }

        var result = await desk.Stage(decision, session, cancellation);
        if (result.Rejection is { } rejection)
        {
            // Someone was faster, or the step is not allowed now: the card shows the ticket as it stands.
            turn.SendActivity(rejection.Message);
            if (command.FromCard)
            {
                await Refresh(turn, session, staff, result.Ticket ?? ticket, null, cancellation);
            }

            return;
        }

        await channel.FollowUp(turn, session, result, cancellation);
        var done = result.Ticket!;
        var note = command.Verb switch
        {
            StaffVerb.SignFor => $"已由 {staff.Name} 于 {desk.Rules.Calendar.Describe(desk.Now())} 签收",
            StaffVerb.Resolve => $"已由 {staff.Name} 办结，办理结果已发送给企业",
            StaffVerb.Contact => $"已记录联系企业：{command.Text}",
            StaffVerb.RequestInformation => "补充材料要求已发送给企业" + (desk.Rules.PausesForInformation ? "；企业补充期间办结时限暂停计时" : ""),
            StaffVerb.Extension => $"已申请延期 {command.Days} 个工作日，待审批",
            StaffVerb.Supervise => $"已由 {staff.Name} 督办：{command.Text}",
            StaffVerb.AnswerSupervision => $"已答复督办：{command.Text}",
            _ => $"已由 {staff.Name} 退单：{command.Text}",
        };
        if (command.FromCard)
        {
            await Refresh(turn, session, staff, done, note, cancellation);
        }
        else
        {
            turn.SendActivity(StaffCards.Ticket(done, desk.Rules, desk.Now(), channel.ConsoleLink(done.Id), note, viewer: staff));
        }
    }

    /// <summary>Teams shows the card again (refresh.userIds): it becomes the ticket as it now stands, for this viewer.</summary>
    private async Task RefreshOnView(TurnContext turn, IDocumentSession session, StaffMember staff, StaffCommand command, CancellationToken cancellation)
    {
        var ticket = command.Number is null ? null : await session.Query<Ticket>().SingleOrDefaultAsync(t => t.Number == command.Number, cancellation);
        if (ticket is not null && TicketScope.Sees(staff, ticket) && turn.Activity.ReplyToId is { Length: > 0 })
        {
            await Refresh(turn, session, staff, ticket, null, cancellation);
        }
    }

    /// <summary>
    /// The pressed card becomes the ticket as it now stands: in a personal chat with what this person can do, in a
    /// department channel with the department's actions, and still refreshed for whoever sees it.
    /// </summary>
    private async Task Refresh(TurnContext turn, IDocumentSession session, StaffMember staff, Ticket ticket, string? note, CancellationToken cancellation)
    {
        var inChannel = turn.Activity.Conversation?.ConversationType == "channel";
        var viewers = await channel.Viewers(session, ticket, turn.Activity, cancellation);
        var card = StaffCards.Ticket(ticket, desk.Rules, desk.Now(), channel.ConsoleLink(ticket.Id), note, viewer: inChannel ? null : staff, refreshFor: viewers);
        if (turn.Activity.ReplyToId is { Length: > 0 } cardId)
        {
            turn.UpdateActivity(card with { Id = cardId });
        }
        else
        {
            turn.SendActivity(card);
        }
    }

    private string List(string title, IReadOnlyList<Ticket> tickets, Func<Ticket, DateTimeOffset?> due)
    {
        var text = new StringBuilder(title);
        foreach (var t in tickets.Take(ListLength))
        {
            text.Append($"\n· {t.Number}　{t.Enterprise.Name}　{desk.Rules.CategoryNames.GetValueOrDefault(t.Category, t.Category)}　{t.Status.ToChinese()}");
            if (due(t) is { } d)
            {
                text.Append($"　{desk.Rules.Calendar.Describe(d)}前");
            }
        }

        if (tickets.Count > ListLength)
        {
            text.Append("\n（仅列出前 10 件，完整列表请在工作台查看。）");
        }

        return text.ToString();
    }
}
