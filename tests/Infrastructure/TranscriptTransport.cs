using System.Globalization;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Turns;
using Marten;

namespace Assistant.Tests.Infrastructure;

/// <summary>A channel for tests: ids like Direct Line's, every delivered activity kept in order.</summary>
public sealed class TranscriptTransport : ITurnTransport
{
    private readonly List<Activity> _delivered = [];
    private int _sequence;

    public IReadOnlyList<Activity> Delivered
    {
        get
        {
            lock (_delivered)
            {
                return _delivered.ToList();
            }
        }
    }

    public IReadOnlyList<Activity> Stage(IDocumentSession session, Activity inbound, IReadOnlyList<OutboundActivity> outbound) =>
        outbound.Where(o => o.Kind == OutboundKind.Send)
            .Select(o => o.Activity with { Id = $"{inbound.Conversation!.Id}|{Interlocked.Increment(ref _sequence).ToString("0000000", CultureInfo.InvariantCulture)}", ReplyToId = inbound.Id })
            .ToList();

    public Task Deliver(IReadOnlyList<Activity> staged, CancellationToken cancellation)
    {
        lock (_delivered)
        {
            _delivered.AddRange(staged);
        }

        return Task.CompletedTask;
    }
}
