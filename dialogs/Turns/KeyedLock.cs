namespace Assistant.Dialogs.Turns;

/// <summary>One async lock per key, released and forgotten when its last holder leaves.</summary>
internal sealed class KeyedLock
{
    private readonly Dictionary<string, Entry> _entries = [];

    public async Task<IDisposable> Acquire(string key, CancellationToken cancellation)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Gate.WaitAsync(cancellation);
        }
        catch
        {
            Leave(key, entry, release: false);
            throw;
        }

        return new Releaser(() => Leave(key, entry, release: true));
    }

    private void Leave(string key, Entry entry, bool release)
    {
        if (release)
        {
            entry.Gate.Release();
        }

        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(key);
                entry.Gate.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(Action release) : IDisposable
    {
        private Action? _release = release;

        public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
