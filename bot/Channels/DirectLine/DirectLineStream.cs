using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Marten;

namespace Assistant.Bot.Channels.DirectLine;

/// <summary>
/// The WebSocket of a conversation: first everything after the watermark in the stream URL, then each new activity
/// as it is committed (here or on another host), an empty frame every 15 s to keep proxies open. Frames from the
/// client (DLJS pings with "") are read and ignored.
/// </summary>
public static class DirectLineStream
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static async Task<IResult> Accept(
        string conversationId, string? watermark, string? t, HttpContext context, DirectLineTokens tokens, IDocumentStore store, SocketHub hub, CancellationToken cancellation)
    {
        if (await tokens.Validate(t, TokenKind.Stream, cancellation) is not { } claims || claims.ConversationId != conversationId)
        {
            return DirectLineErrors.BadToken();
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineErrors.BadActivity("Open this URL as a WebSocket.");
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var signals = Channel.CreateUnbounded<SocketSignal>();
        using var subscription = hub.Listen(conversationId, signal => signals.Writer.TryWrite(signal));
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var reading = Drain(socket, closed);
        var sent = DirectLineApi.Watermark(watermark);
        try
        {
            sent = await SendNew(socket, store, conversationId, sent, closed.Token);
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
                    sent = await SendNew(socket, store, conversationId, sent, closed.Token);
                    continue;
                }

                switch (signal)
                {
                    case SocketSignal.Committed { Entries: [var first, ..] entries } when first.Seq == sent + 1:
                        // Committed on this host right after what the socket has: send it without reading it back.
                        await Send(socket, Transcript.ActivitySet(entries, sent), closed.Token);
                        sent = entries[^1].Seq;
                        break;
                    case SocketSignal.Committed { Entries: [.., var last] } when last.Seq > sent:
                    case SocketSignal.Grew grew when grew.LastSeq > sent:
                        sent = await SendNew(socket, store, conversationId, sent, closed.Token);
                        break;
                    case SocketSignal.Frame frame:
                        await Send(socket, frame.Json, closed.Token);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away; Web Chat reconnects with its last watermark.
        }
        finally
        {
            await closed.CancelAsync();
            await reading;
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }

        return Results.Empty;
    }

    private static async Task<long> SendNew(WebSocket socket, IDocumentStore store, string conversationId, long after, CancellationToken cancellation)
    {
        while (true)
        {
            await using var session = store.QuerySession();
            var entries = await Transcript.After(session, conversationId, after, cancellation);
            if (entries.Count == 0)
            {
                return after;
            }

            await Send(socket, Transcript.ActivitySet(entries, after), cancellation);
            after = entries[^1].Seq;
            if (entries.Count < Transcript.Page)
            {
                return after;
            }
        }
    }

    private static Task Send(WebSocket socket, string text, CancellationToken cancellation) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellation);

    private static async Task Drain(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[4096];
        try
        {
            while (socket.State == WebSocketState.Open && !closed.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token);
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
