using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Assistant.Tests.Infrastructure;

/// <summary>What came back from a raw request: the status (0 when the connection closed without one), the head and the start of the body.</summary>
public sealed record RawResponse(int Status, string Head, string Body);

/// <summary>
/// HTTP/1.1 over a plain socket, one request per connection, for requests HttpClient will not send (invalid header
/// bytes, bodies that lie about their length) and for answers that come before the body is all sent: the request is
/// written while the answer is read, and a connection the server closes mid-body still yields its answer.
/// </summary>
public static class RawHttp
{
    public static async Task<RawResponse> Send(int port, string method, string target, IEnumerable<(string Name, string Value)> headers, byte[]? body, bool chunked, CancellationToken cancellation)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port, cancellation);
        var stream = tcp.GetStream();
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (body is not null)
        {
            head.Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {body.Length}\r\n");
        }

        head.Append("\r\n");
        var reading = Read(stream, cancellation);
        try
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), cancellation);
            if (body is not null)
            {
                await WriteBody(stream, body, chunked, reading, cancellation);
            }
        }
        catch (IOException)
        {
            // The server answered and closed before taking the whole body; its answer is still read below.
        }

        var answer = await reading.WaitAsync(TimeSpan.FromSeconds(60), cancellation);
        var end = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var statusLine = answer.Split("\r\n", 2)[0];
        var status = statusLine.Split(' ') is [_, var code, ..] && int.TryParse(code, out var parsed) ? parsed : 0;
        return new RawResponse(status, end < 0 ? answer : answer[..end], end < 0 ? "" : answer[(end + 4)..]);
    }

    private static async Task WriteBody(NetworkStream stream, byte[] body, bool chunked, Task reading, CancellationToken cancellation)
    {
        const int Piece = 64 * 1024;
        for (var offset = 0; offset < body.Length && !reading.IsCompleted; offset += Piece)
        {
            var part = body.AsMemory(offset, Math.Min(Piece, body.Length - offset));
            if (chunked)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{part.Length:x}\r\n"), cancellation);
            }

            await stream.WriteAsync(part, cancellation);
            if (chunked)
            {
                await stream.WriteAsync("\r\n"u8.ToArray(), cancellation);
            }
        }

        if (chunked && !reading.IsCompleted)
        {
            await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellation);
        }
    }

    /// <summary>Everything the server sends until it closes, keeping the first 64 KB.</summary>
    private static async Task<string> Read(NetworkStream stream, CancellationToken cancellation)
    {
        var kept = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellation)) > 0)
            {
                if (kept.Length < 64 * 1024)
                {
                    kept.Write(buffer, 0, read);
                }
            }
        }
        catch (IOException)
        {
            // Reset after the answer: what arrived is the answer.
        }

        return Encoding.UTF8.GetString(kept.ToArray());
    }
}
