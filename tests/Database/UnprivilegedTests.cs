using Assistant.Bot.Database;

namespace Assistant.Tests.Database;

public sealed class UnprivilegedTests
{
    private const string Root = "root:x:0:0:root:/root:/bin/bash\n";
    private const string Nobody = "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n";

    [Fact]
    public void The_server_runs_as_postgres_when_there_is_one() =>
        Assert.Equal(("postgres", 101, 104), Unprivileged.Choose(Root + "postgres:x:101:104:PostgreSQL administrator:/var/lib/postgresql:/bin/bash\n" + Nobody));

    [Fact]
    public void Without_postgres_the_server_runs_as_nobody() =>
        Assert.Equal(("nobody", 65534, 65534), Unprivileged.Choose(Root + Nobody));

    [Fact]
    public void A_postgres_user_with_uid_0_is_root_and_never_chosen() =>
        Assert.Equal(("nobody", 65534, 65534), Unprivileged.Choose("postgres:x:0:0::/var/lib/postgresql:/bin/sh\n"));
}
