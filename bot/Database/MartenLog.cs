using JasperFx;
using Marten;
using Marten.Services;
using Npgsql;

namespace Assistant.Bot.Database;

/// <summary>
/// What Marten's commands leave in the log. Hosts sharing one database race each other as a matter of course: two
/// create the same conversation, file the same submission, or save over the same version, and the loser runs its turn
/// again or takes the winner's result. Marten's own logger writes each of those at Error with a stack trace, once per
/// command of the batch and once more for the unit of work. Here a lost race is one Debug line, and any other failure
/// one Error with its exception, so that an error in the log means something is wrong.
/// </summary>
public sealed class MartenLog(ILogger<IDocumentStore> logger) : IMartenLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => new SessionLog(logger);

    public void SchemaChange(string sql) => logger.LogInformation("Executed schema update SQL:\n{Sql}", sql);

    /// <summary>A conflict with another host's write that the caller expects and recovers from.</summary>
    public static bool IsLostRace(Exception ex) => Chain(ex).Any(e => e switch
    {
        ConcurrencyException or DocumentAlreadyExistsException => true,
        Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException => true,
        PostgresException pg => IsLostRace(pg),
        _ => false,
    });

    // Unique violations on a document's id, a stream's id or a stream's version are two hosts writing the same thing;
    // one elsewhere (a duplicate event id, say) is a bug and stays an error. MT003 is Marten's append function finding
    // the stream at another version than expected.
    private static bool IsLostRace(PostgresException pg) => pg.SqlState switch
    {
        PostgresErrorCodes.SerializationFailure or "MT003" => true,
        PostgresErrorCodes.UniqueViolation => pg.TableName is "mt_streams" or "mt_streams_identity"
            || pg.TableName?.StartsWith("mt_doc_", StringComparison.Ordinal) == true
            || pg.ConstraintName == "pk_mt_events_stream_and_version",
        _ => false,
    };

    private static IEnumerable<Exception> Chain(Exception ex)
    {
        yield return ex;
        var inner = ex is AggregateException aggregate ? aggregate.InnerExceptions : ex.InnerException is { } one ? [one] : [];
        foreach (var e in inner.SelectMany(Chain))
        {
            yield return e;
        }
    }

    private sealed class SessionLog(ILogger logger) : IMartenSessionLogger
    {
        private Exception? _logged;

        public void OnBeforeExecute(NpgsqlCommand command)
        {
        }

        public void OnBeforeExecute(NpgsqlBatch batch)
        {
        }

        public void LogSuccess(NpgsqlCommand command) => logger.LogDebug("Marten executed {Sql}", command.CommandText);

        public void LogSuccess(NpgsqlBatch batch)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Marten executed {Sql}", Statements(batch));
            }
        }

        public void LogFailure(NpgsqlCommand command, Exception ex) => Failure(command.CommandText, ex);

        // The failing statement when PostgreSQL names it; the whole batch otherwise.
        public void LogFailure(NpgsqlBatch batch, Exception ex) =>
            Failure((ex as PostgresException)?.BatchCommand?.CommandText ?? Statements(batch), ex);

        public void LogFailure(Exception ex, string message) => Failure(message, ex);

        public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
        {
        }

        // Parameter values are left out: they hold enterprises' names, phone numbers and credit codes.
        private void Failure(string what, Exception ex)
        {
            // Marten reports one failure again, wrapped, for the unit of work that contained the command.
            if (_logged is { } earlier && (Chain(ex).Contains(earlier) || Chain(earlier).Contains(ex)))
            {
                return;
            }

            _logged = ex;
            if (IsLostRace(ex))
            {
                logger.LogDebug("Another host wrote the same data first ({Conflict}); the caller runs again or uses what it wrote. {Sql}", Describe(ex), what);
            }
            else
            {
                logger.LogError(ex, "Marten encountered an exception executing {Sql}", what);
            }
        }

        private static string Statements(NpgsqlBatch batch) => string.Join('\n', batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText));

        private static string Describe(Exception ex) =>
            Chain(ex).OfType<PostgresException>().FirstOrDefault() is { } pg ? $"{pg.SqlState} {pg.ConstraintName ?? pg.TableName}".TrimEnd() : ex.GetType().Name;
    }
}
