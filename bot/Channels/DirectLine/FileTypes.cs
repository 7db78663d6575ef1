using System.IO.Compression;
using System.Text;
using System.Text.Unicode;

namespace Assistant.Bot.Channels.DirectLine;

/// <summary>A kind of file the assistant accepts: what it is served as, and the file name endings it may have.</summary>
public sealed record FileType(string ContentType, string[] Extensions);

/// <summary>
/// The files an enterprise may send: images, PDF, OFD, Office documents and plain text, recognised by their first
/// bytes, never by the name or the type the client claims. Anything else (HTML, SVG, scripts, programs, archives)
/// is refused, so nothing uploaded can run in a browser.
/// </summary>
public static class FileTypes
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly FileType Png = new("image/png", [".png"]);
    private static readonly FileType Jpeg = new("image/jpeg", [".jpg", ".jpeg"]);
    private static readonly FileType Gif = new("image/gif", [".gif"]);
    private static readonly FileType Webp = new("image/webp", [".webp"]);
    private static readonly FileType Bmp = new("image/bmp", [".bmp"]);
    private static readonly FileType Pdf = new("application/pdf", [".pdf"]);
    private static readonly FileType Ofd = new("application/ofd", [".ofd"]);
    private static readonly FileType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    private static readonly FileType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    private static readonly FileType Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]);
    private static readonly FileType Doc = new("application/msword", [".doc", ".wps"]);
    private static readonly FileType Xls = new("application/vnd.ms-excel", [".xls", ".et"]);
    private static readonly FileType Ppt = new("application/vnd.ms-powerpoint", [".ppt", ".dps"]);
    private static readonly FileType Text = new("text/plain; charset=utf-8", [".txt"]);
    private static readonly FileType Csv = new("text/csv; charset=utf-8", [".csv"]);
    private static readonly FileType ChineseText = new("text/plain; charset=gb18030", [".txt"]);
    private static readonly FileType ChineseCsv = new("text/csv; charset=gb18030", [".csv"]);

    /// <summary>What the file is, from its content (and, for text and Office's older formats, its name); null when it is not accepted.</summary>
    public static FileType? Identify(string name, ReadOnlySpan<byte> content)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (content.StartsWith(PngSignature))
        {
            return Png;
        }

        if (content.StartsWith(JpegSignature))
        {
            return Jpeg;
        }

        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return Webp;
        }

        if (content.Length >= 26 && content.StartsWith("BM"u8) && BitConverter.ToUInt32(content[2..6]) == content.Length)
        {
            return Bmp;
        }

        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (content.StartsWith(CompoundFileSignature))
        {
            // The compound file format says nothing about which Office program wrote it; the name does.
            return new[] { Doc, Xls, Ppt }.FirstOrDefault(t => t.Extensions.Contains(extension));
        }

        if (content.StartsWith("PK\x03\x04"u8))
        {
            return Package(content);
        }

        if (extension is not (".txt" or ".csv") || !HasOnlyTextBytes(content))
        {
            return null;
        }

        // Older Chinese Windows programs (Excel's CSV export among them) write GB18030 rather than UTF-8.
        return Utf8.IsValid(content) ? (extension == ".csv" ? Csv : Text)
            : IsGb18030(content) ? (extension == ".csv" ? ChineseCsv : ChineseText)
            : null;
    }

    /// <summary>The name to offer for download: its own when it fits the type, else with the type's ending.</summary>
    public static string NameFor(FileType type, string name) =>
        type.Extensions.Contains(Path.GetExtension(name).ToLowerInvariant()) ? name : Path.GetFileNameWithoutExtension(name) + type.Extensions[0];

    /// <summary>
    /// A file name safe to store and to show: the last path segment (either slash), no control, NUL or
    /// direction-changing characters, no leading or trailing dots and spaces, at most 100 characters.
    /// </summary>
    public static string SafeName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault(s => s.Trim().Length > 0) ?? "";
        var clean = new StringBuilder();
        foreach (var rune in last.EnumerateRunes())
        {
            if (!Rune.IsControl(rune) && Rune.GetUnicodeCategory(rune) != System.Globalization.UnicodeCategory.Format && rune.Value is not ('"' or '<' or '>' or '|' or '*' or '?' or ':'))
            {
                clean.Append(rune.ToString());
            }
        }

        var trimmed = clean.ToString().Trim().Trim('.').Trim();
        if (trimmed.Length > 100)
        {
            var extension = Path.GetExtension(trimmed);
            trimmed = trimmed[..(100 - (extension.Length is > 0 and <= 10 ? extension.Length : 0))] + (extension.Length is > 0 and <= 10 ? extension : "");
        }

        return trimmed.Length > 0 ? trimmed : "附件";
    }

    /// <summary>Office Open XML and OFD are ZIP packages; which one is told by the entries inside, not the name.</summary>
    private static FileType? Package(ReadOnlySpan<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray()), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Contains("OFD.xml"))
            {
                return Ofd;
            }

            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            return names.Any(n => n.StartsWith("word/", StringComparison.OrdinalIgnoreCase)) ? Docx
                : names.Any(n => n.StartsWith("xl/", StringComparison.OrdinalIgnoreCase)) ? Xlsx
                : names.Any(n => n.StartsWith("ppt/", StringComparison.OrdinalIgnoreCase)) ? Pptx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>No NUL or other control characters than tab and line breaks.</summary>
    private static bool HasOnlyTextBytes(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return false;
        }

        foreach (var b in content)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsGb18030(ReadOnlySpan<byte> content)
    {
        try
        {
            Gb18030.Value.GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });
}
