using Assistant.Bot.Database;
using Npgsql;

namespace Assistant.Bot.Channels.DirectLine;

/// <summary>
/// Listens for the pg_notify each committed Direct Line turn sends, so a WebSocket held by this host hears of
/// activities another host wrote. Reconnects after a lost connection; a missed notice only delays delivery until the
/// socket's next keep-alive, when it checks the transcript anyway.
/// </summary>
public sealed class TranscriptNotifications(DatabaseEndpoint database, SocketHub hub, ILogger<TranscriptNotifications> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => hub.Notified(e.Payload);
                await using (var listen = new NpgsqlCommand($"listen {DirectLineTransport.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

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
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }
}
