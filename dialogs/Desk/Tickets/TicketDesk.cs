using JasperFx.Events;
using Marten;
using JasperFx;

namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>What a command did: the ticket after it, the events written, or why nothing was written.</summary>
public sealed record DeskResult(Ticket? Ticket, IReadOnlyList<object> Events, Rejection? Rejection)
{
    public bool IsAccepted => Rejection is null;

    public static DeskResult NotFound { get; } =
        new(null, [], new Rejection(RejectionCode.NotFound, "没有找到这件诉求，请核对诉求编号。"));
}

/// <summary>
/// Runs ticket commands: fetch the stream, decide (pure), append, save. A concurrent writer makes the save fail on
/// the stream version; the command is then decided again on the fresh state, so of two staff signing for the same
/// ticket at once exactly one succeeds and the other learns who was first.
/// </summary>
/// <summary>
/// Something that must be written in the same commit as a ticket's step, whoever took it (a chat, the console, the
/// deadline sweep): the staff's notices. Implemented by the host, which knows the channels.
/// </summary>
public interface ITicketObserver
{
    Task Staged(IDocumentSession session, DeskResult result, CancellationToken cancellation);
}

public sealed class TicketDesk(IDocumentStore store, DeskRulesSource source, TimeProvider clock, IEnumerable<ITicketObserver>? observers = null)
{
    private readonly IReadOnlyList<ITicketObserver> _observers = observers?.ToList() ?? [];

    private const int Attempts = 5;

    /// <summary>A desk whose rules never change (tests, tools).</summary>
    public TicketDesk(IDocumentStore store, DeskRules rules, TimeProvider clock)
        : this(store, DeskRulesSource.Fixed(rules), clock)
    {
    }

    /// <summary>The rules in force now; administrators' changes to departments and routing show here.</summary>
    public DeskRules Rules => source.Current;

    public TimeProvider Clock => clock;

    public IDocumentStore Store => store;

    /// <summary>Decides the command on the ticket as stored and, when it is accepted, commits its events.</summary>
    public async Task<DeskResult> Run(ITicketCommand command, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var result = await Stage(command, session, cancellation);
            if (!result.IsAccepted)
            {
                return result;
            }

            try
            {
                await session.SaveChangesAsync(cancellation);
            }
            catch (Exception ex) when (attempt < Attempts && StoreConflicts.IsRetryable(ex))
            {
                continue;
            }

            return result;
        }
    }

    /// <summary>
    /// Decides the command and appends its events to the given session without saving: the caller's commit (a turn's,
    /// with its replies) writes them, and a conflict there makes the caller run the whole thing again.
    /// </summary>
    public async Task<DeskResult> Stage(ITicketCommand command, IDocumentSession session, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Ticket>(command.TicketId, cancellation);
        if (stream.Aggregate is not { } ticket)
        {
            return DeskResult.NotFound;
        }

        var decision = command.Decide(ticket, Rules, Now());
        if (decision.Rejection is { } rejection)
        {
            return new DeskResult(ticket, [], rejection);
        }

        stream.AppendMany(decision.Events);
        foreach (var e in decision.Events)
        {
            ticket.Fold(e);
        }

        var result = new DeskResult(ticket, decision.Events, null);
        await Observe(session, result, cancellation);
        return result;
    }

    /// <summary>Lets the observers write what the step brings into the step's own session.</summary>
    public async Task Observe(IDocumentSession session, DeskResult result, CancellationToken cancellation)
    {
        if (result.Events.Count == 0)
        {
            return;
        }

        foreach (var observer in _observers)
        {
            await observer.Staged(session, result, cancellation);
        }
    }

    /// <summary>The current instant in UTC, whatever offset the clock reports.</summary>
    public DateTimeOffset Now() => clock.GetUtcNow().ToUniversalTime();

    public async Task<Ticket?> Find(Guid ticketId, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Ticket>(ticketId, cancellation);
    }

}
