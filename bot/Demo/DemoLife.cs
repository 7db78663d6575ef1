using Assistant.Dialogs.Conversations.Submit;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Tickets;

namespace Assistant.Bot.Demo;

/// <summary>
/// One request's life from filing to wherever it would be by now, as the desk's own pure decisions would make it, each
/// step at its own moment: the events of one ticket stream, written by the caller in one go. Used by the demo verb and
/// by the desk benchmark, which needs a hundred thousand of them.
/// </summary>
public sealed class DemoLife(DeskRules rules, IReadOnlyDictionary<string, StaffMember> people, Random random, DateTimeOffset now)
{
    /// <summary>The events of one ticket filed at <paramref name="at"/> by the given enterprise, or empty if it was refused.</summary>
    public IReadOnlyList<object> Live(TicketIdentity identity, string enterprise, DateTimeOffset at)
    {
        var category = rules.Options.Categories[random.Next(rules.Options.Categories.Count)].Id;
        var texts = DemoRequests.ByCategory.GetValueOrDefault(category) ?? DemoRequests.ByCategory["other"];
        var contact = DemoRequests.Contacts[random.Next(DemoRequests.Contacts.Length)];
        var submittedBy = "demo:" + enterprise;
        var text = texts[random.Next(texts.Length)];
        var urgency = Urgency.In(text);
        var filed = new SubmitTicket(
            new EnterpriseRef(null, enterprise, null), new ContactPerson(contact, $"139{random.Next(10_000_000, 99_999_999)}"),
            "webchat", text, category, 0.9, urgency is null ? [] : new Dictionary<string, string> { [Slots.Urgency.Key] = urgency.Words },
            null, submittedBy, null, urgency is not null).Decide(rules, identity, at);
        if (!filed.IsAccepted)
        {
            return [];
        }

        var events = filed.Events.ToList();
        var ticket = Ticket.From(events);
        if (ticket.LeadDepartmentId is not { } lead)
        {
            return events;
        }

        var clerk = people.GetValueOrDefault(lead + ".clerk") ?? people["dispatcher"];
        var head = people.GetValueOrDefault(lead + ".head") ?? people["dispatcher"];
        var enterpriseActor = Actor.Enterprise(submittedBy, contact);
        var moment = at;
        var ageDays = (now - at).TotalDays;
        var fate = random.NextDouble();
        bool Step(int workingMinutes, ITicketCommand command)
        {
            var next = rules.Calendar.AddWorkingMinutes(moment, workingMinutes).ToUniversalTime();
            if (next >= now)
            {
                return false;
            }

            moment = next;
            var decision = command.Decide(ticket, rules, next);
            if (!decision.IsAccepted)
            {
                return false;
            }

            foreach (var e in decision.Events)
            {
                events.Add(e);
                ticket.Fold(e);
            }

            return true;
        }

        var id = ticket.Id;
        if (fate < 0.06 && ageDays > 3)
        {
            Step(random.Next(30, 400), new WithdrawTicket(id, enterpriseActor, "问题已自行解决"));
            return events;
        }

        if (fate < 0.1 && ageDays < 6)
        {
            return events; // still waiting to be signed for
        }

        var by = Actor.Of(clerk, StaffRole.Staff);
        if (!Step(random.Next(20, fate < 0.15 ? 900 : 300), new SignForTicket(id, by))
            || !Step(random.Next(60, 600), new ContactEnterprise(id, by, "电话联系企业负责人，了解了具体情况")))
        {
            return events;
        }

        if (fate < 0.2)
        {
            if (!Step(random.Next(60, 600), new RequestInformation(id, by, "请补充项目备案文件和相关证明材料")) || ageDays < 8)
            {
                return events; // waiting for the enterprise's material
            }

            Step(random.Next(60, 900), new ProvideInformation(id, enterpriseActor, "相关材料已整理好，明天送到服务中心"));
        }

        if (fate is > 0.9 and < 0.95)
        {
            Step(random.Next(60, 600), new SuperviseTicket(id, Actor.Of(people["leader"], StaffRole.Leader), "请加快办理，本周内给企业明确答复"));
        }

        if (fate is > 0.8 and < 0.9 && Step(random.Next(120, 900), new RequestExtension(id, by, random.Next(3, 10), "涉及多个部门会商，需要更多时间")))
        {
            Step(random.Next(60, 480), new DecideExtension(id, Actor.Of(head, StaffRole.DepartmentHead), Approve: true));
        }

        var late = random.NextDouble() < 0.15;
        if (!Step(random.Next(240, late ? 4800 : 1800), new ResolveTicket(id, by, DemoRequests.Outcomes[random.Next(DemoRequests.Outcomes.Length)])))
        {
            return events;
        }

        var rating = random.NextDouble() switch { < 0.75 => Satisfaction.Satisfied, < 0.92 => Satisfaction.BasicallySatisfied, _ => Satisfaction.Dissatisfied };
        if (Step(random.Next(60, 1200), new RateTicket(id, enterpriseActor, rating, rating == Satisfaction.Dissatisfied ? "问题还没有完全解决" : null))
            && rating == Satisfaction.Dissatisfied
            && Step(random.Next(240, 1800), new ResolveTicket(id, by, "再次协调后已全部落实，并与企业当面确认。")))
        {
            Step(random.Next(60, 600), new RateTicket(id, enterpriseActor, Satisfaction.BasicallySatisfied, null));
        }

        return events;
    }

    /// <summary>A moment within the working hours of the given day (or the next working day), in UTC as the store keeps it.</summary>
    public DateTimeOffset WorkingMoment(DateTimeOffset day) =>
        rules.Calendar.AddWorkingMinutes(rules.Calendar.At(rules.Calendar.LocalDay(day), new TimeOnly(8, 30)), random.Next(0, rules.Calendar.MinutesPerDay)).ToUniversalTime();
}
