using Assistant.Bot.Channels.Teams;

namespace Assistant.Tests.Channels.Teams;

/// <summary>
/// Stands in for the MSAL provider, which would ask Entra for a client-credentials token; the host still registers
/// MsalConnectorTokenProvider and uses it whenever it is not replaced like this.
/// </summary>
public sealed class FixedConnectorToken : IConnectorTokenProvider
{
    public const string Value = "test-connector-token";

    public Task<string> GetToken(CancellationToken cancellation) => Task.FromResult(Value);
}
