using System.Globalization;

namespace Assistant.Benchmarks;

/// <summary>
/// CPU time used so far, read from /proc: the host process, every PostgreSQL process (the embedded cluster's postmaster
/// and backends; nothing else runs one during a benchmark), and this process, the load client. Differences over a
/// level give the CPU each turn costs on each side.
/// </summary>
public sealed record CpuMeter(TimeSpan Host, TimeSpan Postgres, TimeSpan Client)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static CpuMeter Read(int hostPid) => new(Of(hostPid), AllPostgres(), System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime);

    public static CpuMeter operator -(CpuMeter after, CpuMeter before) =>
        new(after.Host - before.Host, after.Postgres - before.Postgres, after.Client - before.Client);

    public string PerTurn(int turns) => string.Create(CultureInfo.InvariantCulture,
        $"CPU per turn: host {Host.TotalMilliseconds / turns:0.00} ms, PostgreSQL {Postgres.TotalMilliseconds / turns:0.00} ms, load client {Client.TotalMilliseconds / turns:0.00} ms");

    private static TimeSpan AllPostgres()
    {
        var total = TimeSpan.Zero;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Comm(pid) == "postgres")
            {
                total += Of(pid);
            }
        }

        return total;
    }

    private static string? Comm(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>utime + stime of a process, with what its waited-for children used (cutime + cstime).</summary>
    private static TimeSpan Of(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command may hold spaces and parentheses; the fields after it are separated by single spaces.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
                + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }
}
