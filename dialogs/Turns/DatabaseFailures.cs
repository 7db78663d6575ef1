using Npgsql;

namespace Assistant.Dialogs.Turns;

/// <summary>
/// Whether a failure means "the database cannot serve this now, try again" (unreachable, shutting down, out of
/// resources, a serialization or lock conflict, a timeout) or something a retry would only repeat, such as a value
/// PostgreSQL refuses to store. Only the first is answered 503 with Retry-After.
/// </summary>
public static class DatabaseFailures
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException server => IsTransientState(server.SqlState),
        NpgsqlException or TimeoutException or TurnContentionException => true,
        _ when exception.InnerException is { } inner => IsUnavailable(inner),
        _ => false,
    };

    private static bool IsTransientState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) // connection exception
        || state.StartsWith("53", StringComparison.Ordinal) // insufficient resources
        || state is "57P01" or "57P02" or "57P03" // admin shutdown, crash shutdown, cannot connect now
            or "57014" // statement timeout
            or "40001" or "40P01" // serialization failure, deadlock
            or "55P03"; // lock not available
}
