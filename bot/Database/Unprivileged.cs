using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Assistant.Bot.Database;

/// <summary>
/// The account the PostgreSQL programs run as. Normally the host's own; when the host runs as root (containers, CI),
/// a real ordinary user ('postgres', else 'nobody'), switched to with setpriv (or runuser), because PostgreSQL refuses
/// to run as root and a server running as root could write any file on the machine.
/// </summary>
internal sealed class Unprivileged
{
    private static readonly Unprivileged HostAccount = new("", 0, 0, []);

    private Unprivileged(string name, int uid, int gid, string[] prefix)
    {
        Name = name;
        Uid = uid;
        Gid = gid;
        Prefix = prefix;
    }

    public string Name { get; }

    public int Uid { get; }

    public int Gid { get; }

    /// <summary>Put before a program to run it as this account; empty when that is the host's own.</summary>
    public IReadOnlyList<string> Prefix { get; }

    public bool IsOtherThanHost => Prefix.Count > 0;

    public string Display => $"{Name}（uid {Uid}）";

    public static async Task<Unprivileged> Find(CancellationToken cancellation)
    {
        if (OperatingSystem.IsWindows() || !Environment.IsPrivilegedProcess)
        {
            return HostAccount;
        }

        var passwd = File.Exists("/etc/passwd") ? await File.ReadAllTextAsync("/etc/passwd", cancellation) : "";
        var (name, uid, gid) = Choose(passwd);
        foreach (var prefix in Switches(name, uid, gid))
        {
            if ((await Run([.. prefix, "true"], cancellation)).Code == 0)
            {
                return new Unprivileged(name, uid, gid, prefix);
            }
        }

        throw new EmbeddedPostgresException(
            $"PostgreSQL 不能以 root 身份运行。本程序以 root 运行时，会用 setpriv 或 runuser 以用户 {name}（uid {uid}）运行内置数据库，" +
            "但两者在本机都不可用（需要 util-linux，以及切换用户的权限 CAP_SETUID/CAP_SETGID）。" + Environment.NewLine +
            "请以普通用户身份运行本程序，或安装 util-linux，或设置 ConnectionStrings:Marten 使用已有的 PostgreSQL 服务器。" + Environment.NewLine +
            $"PostgreSQL must not run as root, and neither setpriv nor runuser can switch to user {name} (uid {uid}) here: " +
            "run the host as an ordinary user, install util-linux, or set ConnectionStrings:Marten.");
    }

    /// <summary>The 'postgres' system user when there is one, else 'nobody': never root.</summary>
    public static (string Name, int Uid, int Gid) Choose(string passwd)
    {
        var entries = passwd.Split('\n').Select(line => line.Split(':')).ToArray();
        foreach (var name in new[] { "postgres", "nobody" })
        {
            foreach (var fields in entries)
            {
                if (fields.Length > 3 && fields[0] == name && int.TryParse(fields[2], out var uid) && uid != 0 && int.TryParse(fields[3], out var gid))
                {
                    return (name, uid, gid);
                }
            }
        }

        return ("nobody", 65534, 65534);
    }

    private static IEnumerable<string[]> Switches(string name, int uid, int gid)
    {
        yield return ["setpriv", $"--reuid={uid}", $"--regid={gid}", "--clear-groups"];
        yield return ["runuser", "-u", name, "--"];
    }

    /// <summary>Lets this account enter the host's folder, and fails clearly when a folder above keeps it out.</summary>
    public async Task MakeReachable(string folder, CancellationToken cancellation)
    {
        if (!IsOtherThanHost || OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(folder);
        if (!mode.HasFlag(UnixFileMode.OtherExecute))
        {
            File.SetUnixFileMode(folder, mode | UnixFileMode.OtherExecute);
        }

        if (!await Can(cancellation, "-x", folder))
        {
            throw new EmbeddedPostgresException(
                $"内置数据库以用户 {Display} 运行，但该用户无法进入目录 {folder}（某一级上级目录不允许其他用户进入，例如权限为 0700 的 /root）。" + Environment.NewLine +
                $"请把 Database:Embedded:DataDirectory 设为该用户能进入的目录，例如 {DatabaseOptions.EmbeddedOptions.RootDefault}。" + Environment.NewLine +
                $"The embedded server runs as {Name} (uid {Uid}), which cannot reach {folder}: " +
                $"set Database:Embedded:DataDirectory to a folder it can reach, e.g. {DatabaseOptions.EmbeddedOptions.RootDefault}.");
        }
    }

    /// <summary>Makes a folder that belongs to someone else, and all in it, this account's.</summary>
    public async Task TakeOver(string folder, ILogger logger, CancellationToken cancellation)
    {
        if (await Can(cancellation, "-O", folder))
        {
            return;
        }

        logger.LogWarning("{Folder} belongs to another user; giving it to {User}, who runs the embedded server.", folder, Name);

        // The folder itself last: its owner says the whole folder has been given, should this be interrupted.
        await Own([.. Directory.EnumerateFileSystemEntries(folder), folder], cancellation);
    }

    /// <summary>Makes these files and folders (with their contents) this account's, in the order given.</summary>
    public async Task Own(IEnumerable<string> paths, CancellationToken cancellation)
    {
        if (!IsOtherThanHost)
        {
            return;
        }

        var (code, output) = await Run(["chown", "-R", "--", $"{Uid}:{Gid}", .. paths], cancellation);
        if (code != 0)
        {
            throw new EmbeddedPostgresException($"无法把内置数据库的文件交给用户 {Display}（chown 退出码 {code}）：{output}");
        }
    }

    private async Task<bool> Can(CancellationToken cancellation, params string[] test) =>
        !IsOtherThanHost || (await Run([.. Prefix, "test", .. test], cancellation)).Code == 0;

    private static async Task<(int Code, string Output)> Run(string[] command, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return (-1, "");
            }

            var stderr = process.StandardError.ReadToEndAsync(cancellation);
            var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
            await process.WaitForExitAsync(cancellation);
            return (process.ExitCode, (await stderr + await stdout).Trim());
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
