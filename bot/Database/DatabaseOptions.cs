using System.ComponentModel.DataAnnotations;

namespace Assistant.Bot.Database;

/// <summary>
/// Section <c>Database</c>. The server itself is <c>ConnectionStrings:Marten</c>; when that is empty the host runs
/// its own embedded PostgreSQL as configured under <c>Database:Embedded</c>.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The PostgreSQL schema that holds all of the assistant's tables.</summary>
    [Required]
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$", ErrorMessage = "Database:Schema must be a lower-case PostgreSQL identifier.")]
    public string Schema { get; set; } = "assistant";

    /// <summary>Create or update tables on start. Turn off in production and run the db-apply verb on each release.</summary>
    public bool ApplyChangesOnStart { get; set; } = true;

    public EmbeddedOptions Embedded { get; set; } = new();

    public sealed class EmbeddedOptions
    {
        /// <summary>
        /// Where the embedded cluster lives; empty means the user's local data folder, or for root, whose home the
        /// server's unprivileged account cannot enter, <see cref="RootDefault"/>.
        /// </summary>
        public string DataDirectory { get; set; } = "";

        /// <summary>Folder with initdb, pg_ctl and postgres; empty means search PATH, pg_config and /usr/lib/postgresql.</summary>
        public string BinDirectory { get; set; } = "";

        [Required]
        public string Database { get; set; } = "assistant";

        /// <summary>0 picks a free loopback port at each start.</summary>
        [Range(0, 65535)]
        public int Port { get; set; }

        public const string RootDefault = "/var/lib/youqiubiying/postgres";

        /// <summary>The default before there was <see cref="RootDefault"/>, and still the default for everyone but root.</summary>
        public static string UserDefault =>
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "youqiubiying", "postgres");

        public string ResolvedDataDirectory(bool hostIsRoot) =>
            !string.IsNullOrWhiteSpace(DataDirectory) ? Path.GetFullPath(DataDirectory)
            : hostIsRoot ? RootDefault
            : UserDefault;
    }
}
