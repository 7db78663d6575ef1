using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Tickets;

namespace Assistant.Tests.Infrastructure;

/// <summary>
/// A ticket's life told without a database: each step runs a pure decision at the story's current time and folds
/// the accepted events into the ticket, so a test reads as what happened, in order.
/// </summary>
public sealed class Story
{
    private readonly List<object> _events = [];

    public Story(DeskRules? rules = null, SubmitTicket? request = null, DateTimeOffset? filedAt = null)
    {
        Rules = rules ?? Shipped.Rules();
        Now = filedAt ?? DeskContext.Monday10;
        var decision = (request ?? Requests.Land()).Decide(Rules, new TicketIdentity(Guid.NewGuid(), "YQ2026-000001", "K7M4QX"), Now);
        Assert.True(decision.IsAccepted, decision.Rejection?.Message);
        _events.AddRange(decision.Events);
        Ticket = Ticket.From(decision.Events);
    }

    public DeskRules Rules { get; }

    public DateTimeOffset Now { get; private set; }

    public Ticket Ticket { get; }

    public IReadOnlyList<object> Events => _events;

    public Story At(DateTimeOffset now)
    {
        Now = now;
        return this;
    }

    /// <summary>A step that must be accepted.</summary>
    public Story Then(Func<Ticket, DateTimeOffset, Decision> step)
    {
        var decision = step(Ticket, Now);
        Assert.True(decision.IsAccepted, decision.Rejection?.Message);
        foreach (var e in decision.Events)
        {
            Ticket.Fold(e);
        }

        _events.AddRange(decision.Events);
        return this;
    }

    /// <summary>A step whose decision the test inspects; nothing is applied.</summary>
    public Decision Try(Func<Ticket, DateTimeOffset, Decision> step) => step(Ticket, Now);

    public Story SignedFor(Actor? by = null) =>
        Then((t, now) => new SignForTicket(t.Id, by ?? People.LandClerk).Decide(t, Rules, now));

    public Story Resolved() =>
        SignedFor().Then((t, now) => new ResolveTicket(t.Id, People.LandClerk, "已协调园区管委会，在新材料产业园为贵公司预留二十亩工业用地，下周一现场踏勘。").Decide(t, Rules, now));
}
