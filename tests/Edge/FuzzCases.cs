using System.Text;

namespace Assistant.Tests.Edge;

/// <summary>One request of the fuzz run.</summary>
public sealed record FuzzCase(string Kind, string Method, string Target, IReadOnlyList<(string Name, string Value)> Headers, byte[]? Body, bool Chunked)
{
    public override string ToString() => $"{Kind}: {Method} {(Target.Length > 120 ? Target[..120] + "…" : Target)} ({Body?.Length ?? 0} bytes{(Chunked ? ", chunked" : "")})";
}

/// <summary>What the generator may aim at: a live conversation with its tokens, another one, the Direct Line secret.</summary>
public sealed record FuzzTargets(string ConversationId, string Token, string StreamToken, string OtherConversationId, string OtherToken, string Secret, string FileId);

/// <summary>
/// A seeded generator of bad requests against every public endpoint: JSON that is malformed, truncated, deeply
/// nested, not UTF-8, full of lone surrogates and NULs, of the wrong types; bodies that are huge or chunked;
/// multipart that is odd; tokens that are forged, expired, of the wrong kind or someone else's; ids with traversal.
/// The same seed gives the same cases.
/// </summary>
public sealed class FuzzCases(int seed, FuzzTargets targets)
{
    private static readonly string[] Endpoints =
    [
        "session", "generate", "refresh", "start", "reconnect", "post", "history", "stream", "upload", "file", "teams", "health", "page",
        "desk-session", "desk-read", "desk-act",
    ];

    private static readonly byte[][] BadBytes =
    [
        [0xFF], [0xC0, 0xAF], [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x00], [0xEF, 0xBB, 0xBF],
    ];

    private static readonly string[] BadEscapes = ["\\ud800", "\\udc00", "\\u0000", "\\ud83d", "\\uffff", "\\u202e", "\\x41", "\\", "\\u12"];

    private readonly Random _random = new(seed);

    public IEnumerable<FuzzCase> Take(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Next();
        }
    }

    private FuzzCase Next()
    {
        var endpoint = Pick(Endpoints);
        return endpoint switch
        {
            "session" => Post(endpoint, "/api/webchat/session", Json(SessionBody()), bearer: null),
            "generate" => Post(endpoint, "/v3/directline/tokens/generate", Json(TokenBody()), bearer: Chance(0.5) ? targets.Secret : Token()),
            "refresh" => Post(endpoint, "/v3/directline/tokens/refresh", Chance(0.7) ? ([], null) : Json(TokenBody()), bearer: Token()),
            "start" => Post(endpoint, "/v3/directline/conversations", Json(TokenBody()), bearer: Token()),
            "reconnect" => Get(endpoint, $"/v3/directline/conversations/{Id()}?watermark={Watermark()}", Token()),
            "post" => Post(endpoint, $"/v3/directline/conversations/{Id()}/activities", Json(ActivityBody()), bearer: Token()),
            "history" => Get(endpoint, $"/v3/directline/conversations/{Id()}/activities?watermark={Watermark()}", Token()),
            "stream" => Get(endpoint, $"/v3/directline/conversations/{Id()}/stream?watermark={Watermark()}&t={Uri.EscapeDataString(Token() ?? "")}", bearer: null),
            "upload" => Upload(),
            "file" => Get(endpoint, $"/v3/directline/conversations/{Id()}/files/{FileId()}?e={Pick(["", "1", "99999999999", "-5", "abc"])}&s={Pick(["", "x", new string('A', 43), Garbage(20)])}", Chance(0.5) ? Token() : null),
            "teams" => Post(endpoint, "/api/messages", Json(ActivityBody()), bearer: Token()),
            "desk-session" => Post(endpoint, Pick(["/api/desk/session", "/api/desk/session/password", "/api/desk/session/sign-out"]), Json(DeskBody()), bearer: Chance(0.2) ? Token() : null),
            "desk-read" => Get(endpoint, Pick([
                "/api/desk/queues", "/api/desk/tickets?queue=" + Pick(["all", "nope", "", "%00", new string('q', 300)]) + "&page=" + Pick(["1", "-1", "abc", "99999999999"]) + "&from=" + Pick(["2026-01-01", "yesterday", ""]),
                $"/api/desk/tickets/{Guid.NewGuid()}", "/api/desk/tickets/not-a-guid", $"/api/desk/tickets/{Guid.NewGuid()}/files/..%2F..%2Fx", "/api/desk/admin/staff", "/api/desk/admin/teams-links", "/api/desk/session/oidc?returnUrl=//evil.example",
                "/api/desk/openapi/desk.json"]), Chance(0.2) ? Token() : null),
            "desk-act" => Post(endpoint, $"/api/desk/tickets/{Guid.NewGuid()}/" + Pick(["sign-for", "resolve", "assign", "nope", "../admin/staff"]), Json(DeskBody()), bearer: Chance(0.3) ? Token() : null),
            "health" => Get(endpoint, Pick(["/health/live", "/health/ready", "/health/ready?x=" + Garbage(10), "/health/%2e%2e/ready"]), null),
            _ => Get(endpoint, Pick(["/", "/index.html", "/chat.js", "/lib/webchat.js?" + Garbage(5), "/../appsettings.json", "/%2e%2e/%2e%2e/etc/passwd", "/" + new string('a', 3000), "/api/%00"]), null),
        };
    }

    private FuzzCase Post(string kind, string target, (byte[] Body, string? ContentType) content, string? bearer)
    {
        var headers = new List<(string, string)>();
        if (content.ContentType is { } type)
        {
            headers.Add(("Content-Type", type));
        }

        if (bearer is not null)
        {
            headers.Add(("Authorization", Chance(0.1) ? Pick(["Bearer", "Basic " + bearer, "bearer  " + bearer, "Bearer " + bearer + "\t"]) : "Bearer " + bearer));
        }

        AddOddHeaders(headers);
        return new FuzzCase(kind, "POST", target, headers, Chance(0.03) ? null : content.Body, Chance(0.3));
    }

    private FuzzCase Get(string kind, string target, string? bearer)
    {
        var headers = new List<(string, string)>();
        if (bearer is not null)
        {
            headers.Add(("Authorization", "Bearer " + bearer));
        }

        AddOddHeaders(headers);
        var withBody = Chance(0.05);
        return new FuzzCase(kind, Chance(0.05) ? Pick(["DELETE", "PUT", "PATCH", "OPTIONS", "HEAD"]) : "GET", target, headers, withBody ? Encoding.UTF8.GetBytes("{\"type\":\"message\"}") : null, withBody && Chance(0.5));
    }

    private void AddOddHeaders(List<(string, string)> headers)
    {
        if (Chance(0.1))
        {
            headers.Add(("X-Forwarded-For", Pick(["203.0.113.9", "::1", "not-an-address", "1.2.3.4, 5.6.7.8", new string('9', 500)])));
        }

        if (Chance(0.05))
        {
            headers.Add(("X-Forwarded-Host", Pick(["evil.example", "127.0.0.1", ""])));
        }

        if (Chance(0.05))
        {
            headers.Add(("Origin", Pick(["https://evil.example", "null", "http://127.0.0.1"])));
        }
    }

    private FuzzCase Upload()
    {
        var boundary = Pick(["b0undary", "x", new string('-', 70), "日本"]);
        var body = new StringBuilder();
        var parts = _random.Next(0, 6);
        for (var i = 0; i < parts; i++)
        {
            var name = Pick(["activity", "file", "file", "", "activity\"; x=\"y"]);
            var fileName = Pick(["a/", "..\\..\\boot.ini", "../../etc/passwd", "报告.pdf", "a\u0000b.pdf", "\u202egnp.exe", "x.svg", new string('长', 300), ""]);
            body.Append($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{fileName}\"\r\nContent-Type: {Pick(["text/html", "application/pdf", "image/png", "", "multipart/mixed; boundary=inner"])}\r\n\r\n");
            body.Append(name == "activity" ? Encoding.UTF8.GetString(Json(ActivityBody()).Body) : Pick(["%PDF-1.4 x", "<script>alert(1)</script>", "\u0089PNG\r\n", "PK\u0003\u0004garbage", new string('z', _random.Next(0, 5000))]));
            body.Append("\r\n");
        }

        if (Chance(0.8))
        {
            body.Append($"--{boundary}--\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(body.ToString());
        if (Chance(0.2))
        {
            bytes = Mutate(bytes);
        }

        var type = Pick([$"multipart/form-data; boundary={boundary}", "multipart/form-data", "multipart/form-data; boundary=", "multipart/mixed; boundary=" + boundary, "application/json"]);
        return Post("upload", $"/v3/directline/conversations/{Id()}/upload", (bytes, type), Token());
    }

    private (byte[] Body, string? ContentType) Json(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        if (Chance(0.6))
        {
            bytes = Mutate(bytes);
        }

        if (Chance(0.03))
        {
            // Huge: well over every JSON endpoint's limit.
            bytes = [.. bytes, .. Encoding.ASCII.GetBytes(new string(' ', _random.Next(300_000, 3_000_000)))];
        }

        return (bytes, Pick(["application/json", "application/json", "application/json; charset=utf-8", "application/json; charset=latin1", "text/plain", "application/x-www-form-urlencoded", null]));
    }

    private byte[] Mutate(byte[] bytes)
    {
        var text = new List<byte>(bytes);
        switch (_random.Next(7))
        {
            case 0 when text.Count > 1:
                return [.. text.Take(_random.Next(1, text.Count))]; // truncated
            case 1:
                text.InsertRange(_random.Next(text.Count + 1), Pick(BadBytes));
                return [.. text];
            case 2:
                var quote = text.LastIndexOf((byte)'"');
                text.InsertRange(quote < 0 ? 0 : quote, Encoding.ASCII.GetBytes(Pick(BadEscapes)));
                return [.. text];
            case 3:
                var depth = _random.Next(20, 5000);
                return Encoding.UTF8.GetBytes("{\"type\":\"message\",\"value\":" + new string('[', depth) + new string(']', depth) + "}");
            case 4:
                return Encoding.UTF8.GetBytes(Pick(["", "null", "[]", "\"text\"", "42", "{", "}", "{\"type\":\"message\",\"type\":\"event\"}", "\uFEFF{\"type\":\"message\"}"]));
            case 5:
                text.Insert(_random.Next(text.Count + 1), (byte)_random.Next(0, 256));
                return [.. text];
            default:
                return Encoding.UTF8.GetBytes(Garbage(_random.Next(1, 400)));
        }
    }

    private string ActivityBody()
    {
        var type = Pick(["\"message\"", "\"event\"", "\"typing\"", "\"conversationUpdate\"", "\"invoke\"", "\"\"", "5", "null", "[\"message\"]", "{}"]);
        var text = Pick(["\"招20个普工\"", "\"\"", "null", "5", "{\"a\":1}", "\"" + new string('地', _random.Next(0, 6000)) + "\"", "\"YQ2026-000001 AAAAAA\"", "\"查询 YQ2026-000001\""]);
        var fields = new List<string> { $"\"type\":{type}", $"\"text\":{text}" };
        if (Chance(0.5))
        {
            fields.Add($"\"from\":{Pick(["{\"id\":\"dl_x\",\"name\":\"营商环境服务中心\"}", "null", "\"x\"", "{\"id\":5}", "{}"])}");
        }

        if (Chance(0.5))
        {
            fields.Add($"\"channelData\":{Pick(["{\"clientActivityID\":\"" + Guid.NewGuid() + "\"}", "{\"clientActivityID\":5}", "null", "[]", "{\"clientActivityID\":\"" + new string('c', 2000) + "\"}"])}");
        }

        if (Chance(0.3))
        {
            fields.Add($"\"entities\":{Pick(["[null]", "[{\"type\":42}]", "[\"x\"]", "{}", "[{\"type\":\"youqiubiying/refusedFile\",\"name\":\"x\",\"reason\":\"Quota\"}]", "[{\"type\":\"ClientCapabilities\"}]"])}");
        }

        if (Chance(0.3))
        {
            fields.Add($"\"membersAdded\":{Pick(["[null]", "[{}]", "\"x\"", "[{\"id\":null}]"])}");
        }

        if (Chance(0.3))
        {
            fields.Add($"\"value\":{Pick(["{\"action\":\"rate\",\"ticket\":5}", "{\"action\":\"rate\",\"ticket\":\"YQ2026-000001\",\"rating\":\"Satisfied\"}", "[]", "\"\"", "{\"action\":null}"])}");
        }

        if (Chance(0.2))
        {
            fields.Add($"\"attachments\":{Pick(["[null]", "[{\"contentType\":5}]", "[{\"contentType\":\"text/html\",\"contentUrl\":\"javascript:alert(1)\"}]", "{}"])}");
        }

        if (Chance(0.1))
        {
            fields.Add($"\"timestamp\":{Pick(["\"not a date\"", "5", "\"9999-99-99\""])}");
        }

        return "{" + string.Join(",", fields.OrderBy(_ => _random.Next())) + "}";
    }

    private string DeskBody() => Pick(
    [
        "{}",
        "{\"login\":\"admin\",\"password\":\"" + Garbage(20) + "\"}",
        "{\"login\":5,\"password\":[]}",
        "{\"login\":\"a\\u0000b\",\"password\":\"\\ud800\"}",
        "{\"outcome\":\"" + new string('结', 5000) + "\",\"days\":\"many\"}",
        "{\"current\":null,\"next\":\"" + Garbage(200) + "\"}",
    ]);

    private string SessionBody() => Pick(
    [
        "{}",
        $"{{\"userId\":\"dl_{Garbage(10)}\",\"userKey\":\"{Garbage(43)}\",\"conversationId\":\"{targets.ConversationId}\"}}",
        "{\"userId\":5,\"conversationId\":[]}",
        "{\"conversationId\":\"../../x\"}",
        $"{{\"userId\":\"{new string('u', 5000)}\"}}",
        "{\"userId\":\"dl_a\\u0000\",\"userKey\":\"\\ud800\"}",
    ]);

    private string TokenBody() => Pick(
    [
        "{}",
        "{\"user\":{\"id\":\"dl_fuzz\",\"name\":\"营商环境服务中心\"},\"locale\":\"zh-CN\"}",
        "{\"user\":{\"id\":\"dl_a\",\"name\":\"a\\u0000b\"}}",
        "{\"user\":\"x\",\"locale\":5}",
        "{\"user\":{\"id\":\"../../etc\",\"name\":\"" + new string('名', 3000) + "\"},\"locale\":\"" + Garbage(50) + "\"}",
    ]);

    private string Id() => Pick(
    [
        targets.ConversationId, targets.ConversationId, targets.OtherConversationId, "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "x%00y", new string('c', 3000), Uri.EscapeDataString("会话"), "'; drop table x; --",
    ]);

    private string FileId() => Pick([targets.FileId, "..%2F..%2Fappsettings.json", new string('0', 32), new string('F', 32), "x", new string('a', 400), "%00"]);

    private string Watermark() => Pick(["", "-", "0", "1", "-1", "99999999999999999999", "1e9", "abc", "%00", new string('9', 300)]);

    private string? Token() => Pick<string?>(
    [
        targets.Token, targets.Token, targets.OtherToken, targets.StreamToken, null, "", "garbage", Garbage(200),
        // alg "none" with our claims, and a token signed with a key that is not ours.
        "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"conv\":\"{targets.ConversationId}\",\"user\":\"dl_x\",\"kind\":\"conversation\",\"auth\":1}}")).TrimEnd('=') + ".",
        targets.Token[..(targets.Token.LastIndexOf('.') + 1)] + Convert.ToBase64String(new byte[32]).TrimEnd('='),
        targets.Token[..^5],
        new string('t', 5000),
    ]);

    private string Garbage(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)Pick([_random.Next(0x20, 0x7F), _random.Next(0x4E00, 0x9FFF), _random.Next(0x20, 0x7F)]);
        }

        return new string(chars);
    }

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
