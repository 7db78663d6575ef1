using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Assistant.Bot.Channels.DirectLine;

/// <summary>
/// What a conversation's WebSocket is told: activities this host just committed (sent as they are when they follow
/// what the socket has sent), that the transcript grew to a sequence number (another host wrote it: read it from the
/// database), or a frame never stored, such as the bot's typing indicator.
/// </summary>
public abstract record SocketSignal
{
    public sealed record Committed(IReadOnlyList<TranscriptActivity> Entries) : SocketSignal;

    public sealed record Grew(long LastSeq) : SocketSignal;

    public sealed record Frame(string Json) : SocketSignal;

    /// <summary>More sockets of the conversation opened than a host keeps: this, the oldest, closes.</summary>
    public sealed record Superseded : SocketSignal;
}

/// <summary>
/// The WebSockets open on this host, by conversation, and the notices for the other hosts' sockets, which
/// <see cref="TranscriptNotifications"/> sends after the commit.
/// </summary>
public sealed class SocketHub
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<long, Action<SocketSignal>>> _listeners = new();
    private readonly Channel<string> _notices = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private long _nextListener;
    private int _unhealthy;

    /// <summary>"{conversationId} {lastSeq}" for each committed change, waiting to be announced to the other hosts.</summary>
    public ChannelReader<string> Notices => _notices.Reader;

    /// <summary>A socket listening; beyond <paramref name="most"/> sockets of one conversation, the oldest is told to close.</summary>
    public IDisposable Listen(string conversationId, Action<SocketSignal> signal, int most = int.MaxValue)
    {
        var id = Interlocked.Increment(ref _nextListener);
        ConcurrentDictionary<long, Action<SocketSignal>> set;
        do
        {
            set = _listeners.GetOrAdd(conversationId, _ => new());
            set.TryAdd(id, signal);
        }
        while (!_listeners.TryGetValue(conversationId, out var current) || current != set); // the set was dropped as empty meanwhile

        if (set.Count > most && set.Keys.Min() is var oldest && oldest != id && set.TryRemove(oldest, out var superseded))
        {
            superseded(new SocketSignal.Superseded());
        }

        return new Subscription(() =>
        {
            set.TryRemove(id, out _);
            if (set.IsEmpty)
            {
                _listeners.TryRemove(KeyValuePair.Create(conversationId, set));
            }
        });
    }

    /// <summary>Every socket here looks at its transcript again: after notices may have been missed.</summary>
    public void RecheckAll()
    {
        foreach (var conversation in _listeners.Keys)
        {
            Grew(conversation, long.MaxValue);
        }
    }

    /// <summary>A socket could not read the transcript: logged once until one can again.</summary>
    public void Unhealthy(ILogger logger, Exception exception)
    {
        if (Interlocked.Exchange(ref _unhealthy, 1) == 0)
        {
            logger.LogWarning("WebSockets are closed with 1013 (try again later): the database cannot be read ({Reason}). Clients reconnect by themselves.", exception.Message);
        }
    }

    public void Healthy() => Interlocked.Exchange(ref _unhealthy, 0);

    /// <summary>Activities of the conversation were committed: sockets here send them, other hosts are told.</summary>
    public void Committed(string conversationId, IReadOnlyList<TranscriptActivity> entries)
    {
        Signal(conversationId, new SocketSignal.Committed(entries));
        _notices.Writer.TryWrite(Notice(conversationId, entries[^1].Seq));
    }

    public void Grew(string conversationId, long lastSeq) => Signal(conversationId, new SocketSignal.Grew(lastSeq));

    public void Transient(string conversationId, string frame) => Signal(conversationId, new SocketSignal.Frame(frame));

    /// <summary>The notice a committing turn sends to every host: "{conversationId} {lastSeq}".</summary>
    public static string Notice(string conversationId, long lastSeq) =>
        conversationId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? $"{conversationId} {lastSeq}"
            : throw new ArgumentException("Direct Line conversation ids are URL-safe base64.", nameof(conversationId));

    /// <summary>Hands notices from another host (or this one), one per line, to the sockets of their conversations.</summary>
    public void Notified(string payload)
    {
        foreach (var notice in payload.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = notice.LastIndexOf(' ');
            if (space > 0 && HasListeners(notice[..space])
                && long.TryParse(notice.AsSpan(space + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seq))
            {
                Grew(notice[..space], seq);
            }
        }
    }

    public bool HasListeners(string conversationId) => _listeners.TryGetValue(conversationId, out var set) && !set.IsEmpty;

    private void Signal(string conversationId, SocketSignal signal)
    {
        if (_listeners.TryGetValue(conversationId, out var set))
        {
            foreach (var listener in set.Values)
            {
                listener(signal);
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
