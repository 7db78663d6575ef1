using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Assistant.Bot.Database;

/// <summary>Where and how to run a private PostgreSQL cluster.</summary>
/// <param name="RootDirectory">Holds the cluster (cluster/), its passwords, its log and the lock of the host using it.</param>
/// <param name="Schema">The schema the application role owns in <paramref name="Database"/>.</param>
/// <param name="Ephemeral">For throwaway test clusters: no fsync, nothing kept.</param>
public sealed record EmbeddedPostgresSettings(
    string RootDirectory,
    string? BinDirectory = null,
    string Database = "assistant",
    int Port = 0,
    bool Ephemeral = false,
    string Schema = "assistant");

/// <summary>
/// A private PostgreSQL cluster started from the machine's PostgreSQL programs: initdb on first use, a free loopback
/// port, password authentication, stopped on dispose. One host at a time owns a cluster (a lock file says which), so
/// a server left behind by a host that crashed is stopped and started again cleanly. The application connects as
/// <see cref="ApplicationRole"/>; the superuser only sets the cluster up.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private readonly EmbeddedPostgresSettings _settings;
    private readonly ILogger _logger;
    private readonly string _bin;
    private readonly Unprivileged _account;
    private FileStream? _lock;
    private string? _password;
    private string _applicationPassword = "";

    private EmbeddedPostgres(EmbeddedPostgresSettings settings, string bin, Unprivileged account, ILogger logger)
    {
        _settings = settings;
        _bin = bin;
        _account = account;
        _logger = logger;
    }

    public int Port { get; private set; }

    public string ClusterDirectory => Path.Combine(_settings.RootDirectory, "cluster");

    public string LogFile => Path.Combine(_settings.RootDirectory, "server.log");

    /// <summary>The application's connection: <see cref="ApplicationRole"/>, owner of the schema and nothing more.</summary>
    public string ConnectionString => Connection(ApplicationRole.Name, _applicationPassword, _settings.Database);

    /// <summary>For setting the cluster up, and for test clusters where each test class makes a schema of its own.</summary>
    internal string SuperuserConnectionString => SuperuserConnectionTo(_settings.Database);

    private string SuperuserConnectionTo(string database) =>
        Connection(Superuser, _password ??= File.ReadAllText(PasswordFile).Trim(), database);

    private string Connection(string user, string password, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = user,
        Password = password,
        Database = database,
    }.ConnectionString;

    // Both passwords stay the host's: the server's account never reads them.
    private string PasswordFile => Path.Combine(_settings.RootDirectory, "password");

    private string ApplicationPasswordFile => Path.Combine(_settings.RootDirectory, "application-password");

    public static async Task<EmbeddedPostgres> Start(EmbeddedPostgresSettings settings, ILogger logger, CancellationToken cancellation)
    {
        var bin = PostgresBinaries.Locate(settings.BinDirectory) ?? throw new EmbeddedPostgresException(PostgresBinaries.InstallHint);
        var server = new EmbeddedPostgres(settings, bin, await Unprivileged.Find(cancellation), logger);
        try
        {
            await server.Run(cancellation);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task Run(CancellationToken cancellation)
    {
        Directory.CreateDirectory(_settings.RootDirectory);
        await _account.MakeReachable(_settings.RootDirectory, cancellation);
        _lock = TakeLock();
        if (!File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION")))
        {
            await InitializeCluster(cancellation);
        }
        else
        {
            // Earlier versions ran the server as root inside a user namespace, so their clusters are root's.
            await _account.TakeOver(ClusterDirectory, _logger, cancellation);
            if (await Pg(cancellation, "pg_ctl", "status", "-D", ClusterDirectory) == 0)
            {
                _logger.LogWarning("A PostgreSQL server left running in {Directory} by an earlier host is stopped and started again.", ClusterDirectory);
                await Pg(cancellation, "pg_ctl", "stop", "-D", ClusterDirectory, "-m", "fast", "-w", "-t", "60");
            }
        }

        await PrepareLogFile(cancellation);
        await StartServer(cancellation);
        _applicationPassword = File.Exists(ApplicationPasswordFile) ? (await File.ReadAllTextAsync(ApplicationPasswordFile, cancellation)).Trim() : "";
        if (_applicationPassword.Length == 0)
        {
            _applicationPassword = NewPassword();
            await WritePrivate(ApplicationPasswordFile, _applicationPassword, cancellation);
        }

        await ApplicationRole.Prepare(SuperuserConnectionTo, _settings.Database, _settings.Schema, _applicationPassword, cancellation);
        _logger.LogInformation("Embedded PostgreSQL is running on 127.0.0.1:{Port} as {User}, data in {Directory}", Port, _account.IsOtherThanHost ? _account.Name : Environment.UserName, ClusterDirectory);
    }

    private async Task PrepareLogFile(CancellationToken cancellation)
    {
        if (!File.Exists(LogFile))
        {
            await WritePrivate(LogFile, "", cancellation);
        }

        await _account.Own([LogFile], cancellation);
    }

    private FileStream TakeLock()
    {
        try
        {
            // On Unix a FileShare.None stream holds an exclusive advisory lock for as long as it is open.
            return new FileStream(Path.Combine(_settings.RootDirectory, "host.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new EmbeddedPostgresException(
                $"内置数据库目录 {_settings.RootDirectory} 正被另一个正在运行的实例使用。" +
                "请先停止那个实例；如需多个实例同时运行，请设置 ConnectionStrings:Marten 让它们共用一个 PostgreSQL 服务器。", ex);
        }
    }

    private async Task InitializeCluster(CancellationToken cancellation)
    {
        if (Directory.Exists(ClusterDirectory) && Directory.EnumerateFileSystemEntries(ClusterDirectory).Any())
        {
            throw new EmbeddedPostgresException($"目录 {ClusterDirectory} 不是空目录，也不是 PostgreSQL 数据目录，请检查 Database:Embedded:DataDirectory 的设置。");
        }

        var password = NewPassword();
        await WritePrivate(PasswordFile, password, cancellation);

        // initdb into a side folder first, so an interrupted first start never leaves a half-made cluster behind.
        var staging = ClusterDirectory + ".initializing";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);

        // initdb reads the superuser's first password from a file: a copy its account may read, gone once it is done.
        var initialPassword = _account.IsOtherThanHost ? Path.Combine(_settings.RootDirectory, "initdb-password") : PasswordFile;
        var args = new List<string> { "initdb", "-D", staging, "-U", Superuser, "--auth=scram-sha-256", $"--pwfile={initialPassword}", "--encoding=UTF8", "--no-locale" };
        if (_settings.Ephemeral)
        {
            args.Add("--no-sync");
        }

        int code;
        string output;
        try
        {
            if (_account.IsOtherThanHost)
            {
                await WritePrivate(initialPassword, password, cancellation);
            }

            await _account.Own([staging, initialPassword], cancellation);
            (code, output) = await PgWithOutput(cancellation, [.. args]);
        }
        finally
        {
            if (_account.IsOtherThanHost)
            {
                File.Delete(initialPassword);
            }
        }

        if (code != 0)
        {
            throw new EmbeddedPostgresException($"初始化内置数据库失败（initdb 退出码 {code}）：{output}");
        }

        var settings = new List<string> { "listen_addresses = '127.0.0.1'", "unix_socket_directories = ''", "max_connections = 200" };
        if (_settings.Ephemeral)
        {
            settings.AddRange(["fsync = off", "synchronous_commit = off", "full_page_writes = off"]);
        }

        await File.AppendAllLinesAsync(Path.Combine(staging, "postgresql.conf"), settings.Prepend("# 有求必应 embedded database"), cancellation);
        if (Directory.Exists(ClusterDirectory))
        {
            Directory.Delete(ClusterDirectory);
        }

        Directory.Move(staging, ClusterDirectory);
    }

    private async Task StartServer(CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = _settings.Port > 0 ? _settings.Port : FreePort();
            var code = await Pg(cancellation, "pg_ctl", "start", "-D", ClusterDirectory, "-l", LogFile, "-w", "-t", "60", "-o", $"-p {Port}");
            if (code == 0)
            {
                return;
            }

            if (attempt >= 3 || _settings.Port > 0)
            {
                throw new EmbeddedPostgresException($"内置数据库启动失败（pg_ctl 退出码 {code}），详情见日志 {LogFile}：{Environment.NewLine}{Tail(LogFile)}");
            }
        }
    }

    private static string NewPassword() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    /// <summary>A file only the host's account may read or write.</summary>
    private static async Task WritePrivate(string path, string text, CancellationToken cancellation)
    {
        await File.WriteAllTextAsync(path, text.Length > 0 ? text + "\n" : "", cancellation);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Port > 0)
        {
            var code = await Pg(CancellationToken.None, "pg_ctl", "stop", "-D", ClusterDirectory, "-m", "fast", "-w", "-t", "60");
            if (code != 0)
            {
                _logger.LogWarning("Embedded PostgreSQL did not stop cleanly (pg_ctl exit code {Code}); see {Log}", code, LogFile);
            }

            Port = 0;
        }

        if (_lock is not null)
        {
            await _lock.DisposeAsync();
            _lock = null;
        }

        if (_settings.Ephemeral)
        {
            try
            {
                Directory.Delete(_settings.RootDirectory, recursive: true);
            }
            catch (IOException ex)
            {
                _logger.LogWarning(ex, "Could not remove the throwaway cluster {Directory}", _settings.RootDirectory);
            }
        }
    }

    private async Task<int> Pg(CancellationToken cancellation, params string[] args) => (await PgWithOutput(cancellation, args)).Code;

    private async Task<(int Code, string Output)> PgWithOutput(CancellationToken cancellation, params string[] args)
    {
        string[] command = [.. _account.Prefix, Path.Combine(_bin, args[0]), .. args.Skip(1)];
        var start = new ProcessStartInfo
        {
            FileName = command[0],
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,

            // A folder the server's account can reach, unlike, say, root's home.
            WorkingDirectory = _settings.RootDirectory,
        };
        foreach (var arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["LC_ALL"] = "C.UTF-8";
        start.Environment["LANG"] = "C.UTF-8";
        using var process = Process.Start(start) ?? throw new EmbeddedPostgresException($"无法运行 {args[0]}。");
        process.StandardInput.Close();

        // pg_ctl start leaves the server holding inherited pipes, so read only until pg_ctl itself exits.
        var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
        var stderr = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        var output = await Completed(stderr) + await Completed(stdout);
        return (process.ExitCode, output.Trim());
    }

    private static async Task<string> Completed(Task<string> read) =>
        await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(1))) == read ? await read : "";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Tail(string file) =>
        File.Exists(file) ? string.Join(Environment.NewLine, File.ReadLines(file).TakeLast(15)) : "";
}
