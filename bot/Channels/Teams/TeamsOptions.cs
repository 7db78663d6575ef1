using System.ComponentModel.DataAnnotations;

namespace Assistant.Bot.Channels.Teams;

/// <summary>
/// Section <c>Teams</c>: the single-tenant Azure Bot registration that connects the assistant to Microsoft Teams.
/// The client secret comes from the environment (<c>Teams__AppPassword</c>), never from appsettings.json.
/// </summary>
public sealed class TeamsOptions : IValidatableObject
{
    public const string Section = "Teams";

    /// <summary>Off by default; while off, /api/messages answers 404.</summary>
    public bool Enabled { get; set; }

    /// <summary>The bot's Microsoft App ID (the Entra application's client id); the audience of inbound tokens.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The client secret of that application.</summary>
    public string AppPassword { get; set; } = "";

    /// <summary>The Entra tenant of the single-tenant registration.</summary>
    public string TenantId { get; set; } = "";

    [Required]
    [Url]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Where client-credential tokens come from; empty means https://login.microsoftonline.com/{TenantId}.</summary>
    public string Authority { get; set; } = "";

    [Required]
    public string Scope { get; set; } = "https://api.botframework.com/.default";

    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    [Range(1024, 4 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>HTTP attempts per delivery round before a message waits in the outbox for the next round.</summary>
    [Range(1, 10)]
    public int RetryAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A longer Retry-After ends the round; the outbox tries again after it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00", "00:02:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the outbox is checked for messages that are due, besides right after each turn.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Wait after the first failed round; doubles per round up to <see cref="OutboxMaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan OutboxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan OutboxMaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one host owns a message it is sending; must outlast a whole round of attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Where personal chats and channel posts are opened for people and channels that never wrote to the assistant
    /// (POST /v3/conversations). The service URL Teams last gave any conversation in the tenant is used first, since
    /// it points at the tenant's region; this is the fallback for a bot nobody has talked to yet.
    /// </summary>
    [Required]
    [Url]
    public string ServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";

    /// <summary>Staff linked to Teams get a card for each new ticket of their department and for each 黄牌, 红牌 and 督办.</summary>
    public bool StaffNotices { get; set; } = true;

    /// <summary>Staff cards that fall outside office hours (the desk's working calendar) wait for the next working start.</summary>
    public bool StaffQuietHours { get; set; } = true;

    /// <summary>
    /// Who gets which staff card, by notice (NewTicket, Yellow, Red, Supervised — the automatic 督办 —, Supervision — a
    /// person's 督办 —, SupervisionAnswer): a list of Handler (the assignee, or the department's staff while nobody has
    /// signed for it), Department, Assignee, Heads, Dispatchers, Leaders, Supervisor (who gave the 督办), or None. A
    /// notice not named keeps its default; None turns it off.
    /// </summary>
    public Dictionary<string, List<string>> StaffNoticeTo { get; set; } = [];

    public static IReadOnlyDictionary<string, string[]> DefaultStaffNoticeTo { get; } = new Dictionary<string, string[]>
    {
        ["NewTicket"] = ["Department"],
        ["Yellow"] = ["Handler"],
        ["Red"] = ["Handler", "Heads", "Dispatchers"],
        ["Supervised"] = ["Handler", "Heads", "Leaders"],
        ["Supervision"] = ["Handler", "Heads"],
        ["SupervisionAnswer"] = ["Supervisor"],
    };

    public static IReadOnlySet<string> StaffAudiences { get; } = new HashSet<string> { "Handler", "Department", "Assignee", "Heads", "Dispatchers", "Leaders", "Supervisor", "None" };

    /// <summary>Who gets the notice: as configured, else the default.</summary>
    public IReadOnlyList<string> NoticeTo(string notice) =>
        StaffNoticeTo.TryGetValue(notice, out var configured) ? configured : DefaultStaffNoticeTo[notice];

    public bool IsConfigured => Enabled && AppId.Length > 0;

    public string AuthorityUrl => Authority.Length > 0 ? Authority : $"https://login.microsoftonline.com/{TenantId}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (notice, audiences) in StaffNoticeTo)
        {
            if (!DefaultStaffNoticeTo.ContainsKey(notice))
            {
                yield return new ValidationResult(
                    $"Teams:StaffNoticeTo:{notice} is not a notice; the notices are {string.Join(", ", DefaultStaffNoticeTo.Keys)}.", [nameof(StaffNoticeTo)]);
            }
            else if (audiences.FirstOrDefault(a => !StaffAudiences.Contains(a)) is { } unknown)
            {
                yield return new ValidationResult(
                    $"Teams:StaffNoticeTo:{notice} names '{unknown}'; the recipients are {string.Join(", ", StaffAudiences)}.", [nameof(StaffNoticeTo)]);
            }
        }

        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(AppId))
        {
            yield return new ValidationResult("Teams:AppId is required when Teams:Enabled is true.", [nameof(AppId)]);
        }

        if (string.IsNullOrWhiteSpace(AppPassword))
        {
            yield return new ValidationResult("Teams:AppPassword is required when Teams:Enabled is true; set it in the environment as Teams__AppPassword.", [nameof(AppPassword)]);
        }

        if (string.IsNullOrWhiteSpace(TenantId) && Authority.Length == 0)
        {
            yield return new ValidationResult("Teams:TenantId is required for a single-tenant bot.", [nameof(TenantId)]);
        }
    }
}
