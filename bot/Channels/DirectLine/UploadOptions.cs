using System.ComponentModel.DataAnnotations;

namespace Assistant.Bot.Channels.DirectLine;

/// <summary>Section <c>Uploads</c>: how much an enterprise may send as files through the web chat.</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    [Range(1, 100, ErrorMessage = "Uploads:MaxFileMegabytes 须在 1 到 100 之间。")]
    public int MaxFileMegabytes { get; set; } = 10;

    [Range(1, 20, ErrorMessage = "Uploads:MaxFilesPerMessage 须在 1 到 20 之间。")]
    public int MaxFilesPerMessage { get; set; } = 5;

    /// <summary>Files one conversation may send in 24 hours.</summary>
    [Range(1, 1000, ErrorMessage = "Uploads:MaxFilesPerDay 须在 1 到 1000 之间。")]
    public int MaxFilesPerDay { get; set; } = 20;

    /// <summary>Megabytes one conversation may send in 24 hours.</summary>
    [Range(1, 10_000, ErrorMessage = "Uploads:MaxMegabytesPerDay 须在 1 到 10000 之间。")]
    public int MaxMegabytesPerDay { get; set; } = 50;

    /// <summary>Megabytes one conversation may keep in all.</summary>
    [Range(1, 100_000, ErrorMessage = "Uploads:MaxMegabytesPerConversation 须在 1 到 100000 之间。")]
    public int MaxMegabytesPerConversation { get; set; } = 100;

    /// <summary>How long a download link handed to the chat works.</summary>
    [Range(1, 24 * 60, ErrorMessage = "Uploads:LinkMinutes 须在 1 到 1440 之间。")]
    public int LinkMinutes { get; set; } = 60;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024;

    /// <summary>The largest upload body: every file at its largest, and room for the multipart framing and the activity.</summary>
    public long MaxRequestBytes => MaxFilesPerMessage * MaxFileBytes + 512 * 1024;
}
