using System.Text.Json;
using System.Text.Unicode;

namespace Assistant.Bot.Edge;

/// <summary>
/// Reads a JSON request body that the edge has already limited in size, and refuses, with a reason, what would later
/// fail deep inside the host: bytes that are not UTF-8, escapes that decode to lone surrogates, NUL characters (which
/// PostgreSQL cannot store in text or jsonb), nesting beyond <see cref="MaxDepth"/>.
/// </summary>
public static class JsonBody
{
    public const int MaxDepth = 32;

    public static async Task<(JsonDocument? Document, string? Problem)> Read(HttpRequest request, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellation);
        return Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    public static (JsonDocument? Document, string? Problem) Parse(ReadOnlyMemory<byte> bytes)
    {
        if (!Utf8.IsValid(bytes.Span))
        {
            return (null, "The body is not valid UTF-8.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException)
        {
            return (null, "The body is not valid JSON.");
        }

        if (Problem(document.RootElement) is { } problem)
        {
            document.Dispose();
            return (null, problem);
        }

        return (document, null);
    }

    /// <summary>Why a value cannot be stored as it is, or null when every string in it is clean.</summary>
    public static string? Problem(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if ((StringProblem(() => property.Name) ?? Problem(property.Value)) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (Problem(item) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonValueKind.String:
                return StringProblem(element.GetString);
            default:
                return null;
        }
    }

    /// <summary>Text from outside that may be stored: no NUL, no lone surrogate.</summary>
    public static bool IsStorable(string? text) => text is null || StringProblem(() => text) is null;

    private static string? StringProblem(Func<string?> read)
    {
        string? text;
        try
        {
            text = read();
        }
        catch (InvalidOperationException)
        {
            return "The body contains a string that is not valid Unicode.";
        }

        if (text is null)
        {
            return null;
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return "The body contains a NUL character.";
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return "The body contains a string that is not valid Unicode.";
            }
        }

        return null;
    }
}
