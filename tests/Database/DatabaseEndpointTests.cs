using Assistant.Bot.Database;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Tests.Database;

public sealed class DatabaseEndpointTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "youqiubiying-endpoint-" + Guid.NewGuid().ToString("N")[..8]);

    private string Earlier => Path.Combine(_root, "home", "postgres");

    private string Target => Path.Combine(_root, "var", "postgres");

    [Fact]
    public void A_cluster_in_roots_former_default_folder_moves_to_the_new_one()
    {
        Directory.CreateDirectory(Path.Combine(Earlier, "cluster"));
        File.WriteAllText(Path.Combine(Earlier, "cluster", "PG_VERSION"), "15\n");

        DatabaseEndpoint.MoveEarlierCluster(Earlier, Target, NullLogger.Instance);

        Assert.True(File.Exists(Path.Combine(Target, "cluster", "PG_VERSION")));
        Assert.False(Directory.Exists(Earlier));
    }

    [Fact]
    public void Once_the_new_folder_exists_the_former_one_is_left_alone()
    {
        Directory.CreateDirectory(Path.Combine(Earlier, "cluster"));
        Directory.CreateDirectory(Path.Combine(Target, "cluster"));

        DatabaseEndpoint.MoveEarlierCluster(Earlier, Target, NullLogger.Instance);

        Assert.True(Directory.Exists(Path.Combine(Earlier, "cluster")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
