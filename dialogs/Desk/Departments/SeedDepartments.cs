using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Dialogs.Desk.Departments;

/// <summary>
/// Adds the departments named in appsettings.json that the database does not have yet, and the routing rules when the
/// database has none. What is already stored is left alone, so administrators' edits survive restarts.
/// </summary>
public sealed class SeedDepartments(IOptions<DeskOptions> options, ILogger<SeedDepartments> logger)
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<RoutingRuleSet>(RoutingRuleSet.DocumentId, cancellation) is null)
        {
            session.Store(new RoutingRuleSet(DeskSettings.Rules(options.Value)));
            await session.SaveChangesAsync(cancellation);
        }

        var configured = options.Value.Departments;
        var ids = configured.Select(d => d.Id).ToArray();
        var existing = (await session.LoadManyAsync<Department>(cancellation, ids)).Select(d => d.Id).ToHashSet();
        var missing = configured.Where(d => !existing.Contains(d.Id)).Select(d => new Department(d.Id, d.Name, d.Kind)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        session.Store(missing.ToArray());
        await session.SaveChangesAsync(cancellation);
        var names = string.Join("、", missing.Select(d => d.Name));
        logger.LogInformation("Seeded {Count} departments from appsettings.json: {Names}", missing.Count, names);
    }
}
