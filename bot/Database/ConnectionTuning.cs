using Npgsql;

namespace Assistant.Bot.Database;

/// <summary>
/// Npgsql settings for a service whose every turn is a few short statements, applied only where the connection
/// string does not say otherwise: pooled connections are not reset with DISCARD ALL on each use (nothing here sets
/// session state), and statements used often are prepared once per connection.
/// </summary>
public static class ConnectionTuning
{
    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!Mentions(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!Mentions(connectionString, "Auto Prepare Min Usages", "AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = 3;
        }

        return builder.ConnectionString;
    }

    private static bool Mentions(string connectionString, params string[] keys) =>
        keys.Any(key => connectionString.Contains(key, StringComparison.OrdinalIgnoreCase));
}
