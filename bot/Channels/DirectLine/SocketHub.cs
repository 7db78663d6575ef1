using System.Collections.Concurrent;

namespace Assistant.Bot.Channels.DirectLine;

/// <summary>
/// The WebSockets open on this host, by conversation. A wake (null) makes a socket send what is new in the transcript;
/// a frame (JSON) is sent as it is, for things never stored, such as the bot's typing indicator.
/// </summary>
public sealed class SocketHub
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Action<string?>>> _listeners = new();

    public IDisposable Listen(string conversationId, Action<string?> signal)
    {
        var id = Guid.NewGuid();
        _listeners.GetOrAdd(conversationId, _ => new()).TryAdd(id, signal);
        return new Subscription(() =>
        {
            if (_listeners.TryGetValue(conversationId, out var set))
            {
                set.TryRemove(id, out _);
            }
        });
    }

    public void Wake(string conversationId) => Signal(conversationId, null);

    public void Transient(string conversationId, string frame) => Signal(conversationId, frame);

    private void Signal(string conversationId, string? frame)
    {
        if (_listeners.TryGetValue(conversationId, out var set))
        {
            foreach (var signal in set.Values)
            {
                signal(frame);
            }
        }
    }

    public bool HasListeners(string conversationId) => _listeners.TryGetValue(conversationId, out var set) && !set.IsEmpty;

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
