using System.Diagnostics;

namespace Assistant.Bot.Database;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl, postgres) on this machine.</summary>
public static class PostgresBinaries
{
    private static readonly string[] Required = ["initdb", "pg_ctl", "postgres"];

    /// <summary>The folder holding initdb, pg_ctl and postgres, or null when PostgreSQL is not installed.</summary>
    public static string? Locate(string? configured)
    {
        return Candidates(configured).FirstOrDefault(Holds);

        static bool Holds(string dir) => Required.All(p => File.Exists(Path.Combine(dir, p)));
    }

    public static string InstallHint =>
        "本机没有找到 PostgreSQL 服务端程序（initdb、pg_ctl、postgres），无法启动内置数据库。" + Environment.NewLine +
        "请先安装：sudo apt-get install postgresql（Debian/Ubuntu），或 sudo dnf install postgresql-server（RHEL 系）；" + Environment.NewLine +
        "也可以在 appsettings.json 的 Database:Embedded:BinDirectory 中指定其所在目录，" + Environment.NewLine +
        "或设置 ConnectionStrings:Marten 使用已有的 PostgreSQL 服务器。" + Environment.NewLine +
        "PostgreSQL server programs (initdb, pg_ctl, postgres) were not found: install them with 'apt-get install postgresql'.";

    private static IEnumerable<string> Candidates(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            yield return configured;
            yield break;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var pgCtl = Path.Combine(dir, "pg_ctl");
            if (File.Exists(pgCtl))
            {
                // Debian links pg_ctl into PATH; initdb and postgres sit beside the link's target.
                var target = new FileInfo(pgCtl).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? pgCtl;
                yield return Path.GetDirectoryName(target)!;
            }
        }

        if (PgConfigBinDir() is { } fromPgConfig)
        {
            yield return fromPgConfig;
        }

        foreach (var root in new[] { "/usr/lib/postgresql", "/usr/local/pgsql", "/opt/homebrew/opt" })
        {
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var version in Directory.GetDirectories(root).OrderByDescending(VersionOf))
            {
                yield return Path.Combine(version, "bin");
            }
        }

        foreach (var rhel in Directory.Exists("/usr") ? Directory.GetDirectories("/usr", "pgsql-*").OrderByDescending(VersionOf).ToArray() : [])
        {
            yield return Path.Combine(rhel, "bin");
        }
    }

    private static double VersionOf(string dir) =>
        double.TryParse(new string(Path.GetFileName(dir).Where(c => char.IsDigit(c) || c == '.').ToArray()), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static string? PgConfigBinDir()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            return process.WaitForExit(5000) && process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
