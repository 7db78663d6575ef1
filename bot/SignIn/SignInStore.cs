using Marten;

namespace Assistant.Bot.SignIn;

public static class SignInStore
{
    /// <summary>Passwords live in a table of their own; counting failed attempts must not lose one to another at the same moment.</summary>
    public static StoreOptions ConfigureSignIn(this StoreOptions options)
    {
        options.Schema.For<StaffCredential>().Identity(c => c.Id).UseOptimisticConcurrency(true);
        options.Schema.For<AuditEntry>().Identity(a => a.Id).Duplicate(a => a.At);
        return options;
    }
}
