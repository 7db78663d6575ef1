using JasperFx;
using JasperFx.Events;

namespace Assistant.Dialogs;

/// <summary>
/// The one answer to "did another writer get there first?": a document or stream saved over a version that is no
/// longer the latest, or the same new document or stream created twice. Whoever lost runs again on the fresh state.
/// </summary>
public static class StoreConflicts
{
    public static bool IsRetryable(Exception ex) =>
        ex is ConcurrencyException or EventStreamUnexpectedMaxEventIdException or DocumentAlreadyExistsException
        || IsStreamCollision(ex)
        || ex.InnerException is { } inner && IsRetryable(inner);

    /// <summary>Two writers started the same stream; Marten reports it with its own type, not JasperFx's of the same name.</summary>
    public static bool IsStreamCollision(Exception ex) =>
        ex is Marten.Exceptions.ExistingStreamIdCollisionException or ExistingStreamIdCollisionException
        || ex.InnerException is { } inner && IsStreamCollision(inner);
}
