using System.Text;
using Assistant.Bot.Database;
using Npgsql;

namespace Assistant.Bot.Channels.DirectLine;

/// <summary>
/// Tells the other hosts' WebSockets that a transcript grew, and hears the same from them, through PostgreSQL
/// LISTEN/NOTIFY on one connection of its own. Notices are sent after the turn's commit, many at a time, never inside
/// the turn's transaction: PostgreSQL serialises the commits of transactions that notify, which would make every turn
/// wait for the others' disk flushes. A lost notice (a crash between commit and notice, a dropped connection) only
/// delays delivery until the socket's next keep-alive, when it reads the transcript anyway.
/// </summary>
public sealed class TranscriptNotifications(DatabaseEndpoint database, SocketHub hub, ILogger<TranscriptNotifications> logger) : BackgroundService
{
    public const string Channel = "yq_directline";

    // NOTIFY payloads must stay under 8000 bytes.
    private const int MaxPayload = 7000;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(Listen(stoppingToken), Announce(stoppingToken));

    /// <summary>Hears the other hosts' notices on a connection that does nothing else.</summary>
    private async Task Listen(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => hub.Notified(e.Payload);
                await using (var listen = new NpgsqlCommand($"listen {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever was announced while this host was not listening is read from the transcripts now.
                hub.RecheckAll();

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Lost the Direct Line notification connection; listening again in 2 s.");
                await Delay(stoppingToken);
            }
        }
    }

    /// <summary>Sends this host's notices as they come, as many as are waiting in one NOTIFY.</summary>
    private async Task Announce(CancellationToken stoppingToken)
    {
        var batch = new StringBuilder();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await hub.Notices.WaitToReadAsync(stoppingToken))
                {
                    return;
                }

                batch.Clear();
                while (batch.Length < MaxPayload && hub.Notices.TryRead(out var notice))
                {
                    batch.Append(notice).Append('\n');
                }

                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                await using var notify = new NpgsqlCommand("select pg_notify(@channel, @payload)", connection);
                notify.Parameters.AddWithValue("channel", Channel);
                notify.Parameters.AddWithValue("payload", batch.ToString());
                await notify.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not announce new Direct Line activities to the other hosts; their sockets catch up at the next keep-alive.");
                await Delay(stoppingToken);
            }
        }
    }

    private static async Task Delay(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
