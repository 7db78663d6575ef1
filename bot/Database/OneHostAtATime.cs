using Npgsql;

namespace Assistant.Bot.Database;

/// <summary>
/// Work that only one host may do at a time (the sweeps): it runs while this host holds a PostgreSQL session advisory
/// lock on the key; another host skips that round. A host that dies loses the lock with its connection.
/// </summary>
public static class OneHostAtATime
{
    /// <summary>The work's result, or null when another host holds the lock.</summary>
    public static async Task<T?> Run<T>(NpgsqlConnection connection, string key, Func<Task<T>> work, CancellationToken cancellation)
        where T : class
    {
        await connection.OpenAsync(cancellation);
        await using (var take = new NpgsqlCommand("select pg_try_advisory_lock(hashtext(@key))", connection) { Parameters = { new("key", key) } })
        {
            if (await take.ExecuteScalarAsync(cancellation) is not true)
            {
                return null;
            }
        }

        try
        {
            return await work();
        }
        finally
        {
            await using var release = new NpgsqlCommand("select pg_advisory_unlock(hashtext(@key))", connection) { Parameters = { new("key", key) } };
            await release.ExecuteScalarAsync(CancellationToken.None);
        }
    }
}
