using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Assistant.Bot.Edge;
using Assistant.Dialogs.Turns;
using Marten;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Channels.DirectLine;

/// <summary>
/// The WebSocket of a conversation: first everything after the watermark in the stream URL, then each new activity
/// as it is committed (here or on another host), an empty frame every 15 s to keep proxies open. Frames from the
/// client (DLJS pings with "") are read and ignored. A stream token opens one socket, once; a conversation keeps at
/// most DirectLine:MaxSocketsPerConversation here, the oldest closing ("collision") when another opens. Sockets are
/// closed properly when the host stops (1001) or the database cannot be read (1013, try again later).
/// </summary>
public static class DirectLineStream
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    private const WebSocketCloseStatus TryAgainLater = (WebSocketCloseStatus)1013;

    public static async Task<IResult> Accept(
        string conversationId, string? watermark, string? t, HttpContext context, DirectLineTokens tokens, IDocumentStore store, SocketHub hub, FileLinks links,
        IOptions<DirectLineOptions> options, IHostApplicationLifetime lifetime, ILoggerFactory loggers, TimeProvider clock, CancellationToken cancellation)
    {
        if (await tokens.Validate(t, TokenKind.Stream, cancellation) is not { } claims || claims.ConversationId != conversationId)
        {
            return DirectLineErrors.BadToken();
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineErrors.BadActivity("Open this URL as a WebSocket.");
        }

        if (!await Spend(store, claims, clock.GetUtcNow().AddSeconds(tokens.ExpiresIn(TokenKind.Stream) + 60), cancellation))
        {
            return DirectLineErrors.BadToken();
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var signals = Channel.CreateUnbounded<SocketSignal>();
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(cancellation, lifetime.ApplicationStopping);
        using var subscription = hub.Listen(conversationId, signal => signals.Writer.TryWrite(signal), options.Value.MaxSocketsPerConversation);
        using var stopReading = new CancellationTokenSource();
        var reading = Drain(socket, closed, stopReading.Token);
        var address = PublicAddress.Of(context.Request);
        var sent = DirectLineApi.Watermark(watermark);
        (WebSocketCloseStatus Status, string Reason) farewell = (WebSocketCloseStatus.NormalClosure, "");
        try
        {
            sent = await SendNew(socket, store, conversationId, sent, links, address, closed.Token);
            hub.Healthy();
            while (!closed.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(closed.Token);
                wait.CancelAfter(KeepAlive);
                SocketSignal signal;
                try
                {
                    signal = await signals.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!closed.IsCancellationRequested)
                {
                    // Keep-alive: an empty frame, and a look at the transcript in case a notice was missed.
                    await Send(socket, "", closed.Token);
                    sent = await SendNew(socket, store, conversationId, sent, links, address, closed.Token);
                    continue;
                }

                switch (signal)
                {
                    case SocketSignal.Committed { Entries: [var first, ..] entries } when first.Seq == sent + 1:
                        // Committed on this host right after what the socket has: send it without reading it back.
                        await Send(socket, await Transcript.ActivitySet(entries, sent, links, address, closed.Token), closed.Token);
                        sent = entries[^1].Seq;
                        break;
                    case SocketSignal.Committed { Entries: [.., var last] } when last.Seq > sent:
                    case SocketSignal.Grew grew when grew.LastSeq > sent:
                        sent = await SendNew(socket, store, conversationId, sent, links, address, closed.Token);
                        break;
                    case SocketSignal.Frame frame:
                        await Send(socket, frame.Json, closed.Token);
                        break;
                    case SocketSignal.Superseded:
                        farewell = (WebSocketCloseStatus.PolicyViolation, "collision");
                        await closed.CancelAsync();
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away (Web Chat reconnects with its last watermark), or the host is stopping.
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            hub.Unhealthy(loggers.CreateLogger(typeof(DirectLineStream)), ex);
            farewell = (TryAgainLater, "database unavailable");
        }
        finally
        {
            await closed.CancelAsync();
            if (lifetime.ApplicationStopping.IsCancellationRequested && farewell.Status == WebSocketCloseStatus.NormalClosure)
            {
                farewell = (WebSocketCloseStatus.EndpointUnavailable, "server stopping");
            }

            // Say goodbye while still reading, so the client's answering close frame is taken; give up after 2 s.
            await Close(socket, farewell);
            if (await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)) != reading)
            {
                await stopReading.CancelAsync();
            }

            await reading;
        }

        return Results.Empty;
    }

    /// <summary>Records the stream token as used; false when it was used before (here or on another host).</summary>
    private static async Task<bool> Spend(IDocumentStore store, TokenClaims claims, DateTimeOffset keepUntil, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        session.Insert(new SpentStreamToken { Id = claims.Id!, ExpiresAt = keepUntil });
        try
        {
            await session.SaveChangesAsync(cancellation);
            return true;
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            return false;
        }
    }

    private static async Task Close(WebSocket socket, (WebSocketCloseStatus Status, string Reason) farewell)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseOutputAsync(farewell.Status, farewell.Reason, timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The other side is gone already.
        }
    }

    private static async Task<long> SendNew(WebSocket socket, IDocumentStore store, string conversationId, long after, FileLinks links, string address, CancellationToken cancellation)
    {
        while (true)
        {
            await using var session = store.QuerySession();
            var entries = await Transcript.After(session, conversationId, after, cancellation);
            if (entries.Count == 0)
            {
                return after;
            }

            await Send(socket, await Transcript.ActivitySet(entries, after, links, address, cancellation), cancellation);
            after = entries[^1].Seq;
            if (!Transcript.MayContinue(entries))
            {
                return after;
            }
        }
    }

    private static Task Send(WebSocket socket, string text, CancellationToken cancellation) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellation);

    /// <summary>Reads what the client sends until it closes; tells the sender loop when it has.</summary>
    private static async Task Drain(WebSocket socket, CancellationTokenSource closed, CancellationToken stop)
    {
        var buffer = new byte[4096];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, stop);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closed either way.
        }

        await closed.CancelAsync();
    }
}
