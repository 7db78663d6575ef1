using System.Diagnostics;

namespace Assistant.Bot.Database;

/// <summary>
/// PostgreSQL refuses to run as root. When the host runs as root (containers, CI), the server runs in a user
/// namespace as an ordinary user id ('postgres', else 'nobody'), while its files stay owned by the real user.
/// </summary>
internal static class Unprivileged
{
    public static async Task<string[]> Prefix(CancellationToken cancellation)
    {
        if (OperatingSystem.IsWindows() || !Environment.IsPrivilegedProcess)
        {
            return [];
        }

        var (uid, gid) = UserIds("postgres") ?? UserIds("nobody") ?? (65534, 65534);
        string[] prefix = ["unshare", "--user", $"--map-user={uid}", $"--map-group={gid}"];
        if (await Works(prefix, cancellation))
        {
            return prefix;
        }

        throw new EmbeddedPostgresException(
            "PostgreSQL 不能以 root 身份运行，而本机不允许创建用户命名空间（unshare --user）来降低权限。" + Environment.NewLine +
            "请以普通用户身份运行本程序，或设置 ConnectionStrings:Marten 使用已有的 PostgreSQL 服务器。" + Environment.NewLine +
            "PostgreSQL refuses to run as root and 'unshare --user' is not permitted here: run as an ordinary user or set ConnectionStrings:Marten.");
    }

    private static (int Uid, int Gid)? UserIds(string name)
    {
        if (!File.Exists("/etc/passwd"))
        {
            return null;
        }

        foreach (var line in File.ReadLines("/etc/passwd"))
        {
            var fields = line.Split(':');
            if (fields.Length > 3 && fields[0] == name && int.TryParse(fields[2], out var uid) && int.TryParse(fields[3], out var gid) && uid != 0)
            {
                return (uid, gid);
            }
        }

        return null;
    }

    private static async Task<bool> Works(string[] prefix, CancellationToken cancellation)
    {
        try
        {
            var start = new ProcessStartInfo(prefix[0]) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in prefix.Skip(1).Append("true"))
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }

            await process.WaitForExitAsync(cancellation);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
