using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Assistant.Bot.Database;

/// <summary>
/// The role the host's application connects to the embedded cluster as. It owns the assistant's schema and all that
/// is in it, and nothing else: no superuser, no new roles or databases, so SQL that reaches the database cannot run
/// programs or read files on the machine (COPY … TO PROGRAM, pg_read_file).
/// </summary>
internal static class ApplicationRole
{
    public const string Name = "assistant";

    /// <summary>
    /// Run as the superuser on every start, so that clusters made by earlier versions get the role too: creates what
    /// is missing and gives the role the schema's objects that the superuser created before there was a role.
    /// </summary>
    public static async Task Prepare(Func<string, string> superuserConnectionTo, string database, string schema, string password, CancellationToken cancellation)
    {
        await using (var server = new NpgsqlConnection(Unpooled(superuserConnectionTo("postgres"))))
        {
            await server.OpenAsync(cancellation);
            if (await Scalar(server, "select 1 from pg_database where datname = $1", cancellation, database) is null)
            {
                await Execute(server, $"create database {Quote(database)}", cancellation);
            }

            if (await Scalar(server, "select 1 from pg_roles where rolname = $1", cancellation, Name) is null)
            {
                await Execute(server, $"create role {Quote(Name)}", cancellation);
            }

            await Execute(server, $"alter role {Quote(Name)} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '{ScramVerifier(password)}'", cancellation);
        }

        await using var connection = new NpgsqlConnection(Unpooled(superuserConnectionTo(database)));
        await connection.OpenAsync(cancellation);
        await Execute(connection, $"create schema if not exists {Quote(schema)} authorization {Quote(Name)}; alter schema {Quote(schema)} owner to {Quote(Name)}", cancellation);
        foreach (var statement in await Statements(connection, ReassignObjects, cancellation, schema, Name))
        {
            await Execute(connection, statement, cancellation);
        }
    }

    // What Marten makes: tables (their indexes, row types and own sequences follow them), sequences and functions.
    private const string ReassignObjects = """
        select format('alter %s %s owner to %I', kind, name, $2) from (
            select case c.relkind when 'S' then 'sequence' else 'table' end as kind, c.oid::regclass::text as name
              from pg_class c
             where c.relnamespace = to_regnamespace($1) and c.relkind in ('r', 'p', 'S') and c.relowner <> to_regrole($2)
               and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                  and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i'))
            union all
            select 'routine', p.oid::regprocedure::text from pg_proc p where p.pronamespace = to_regnamespace($1) and p.proowner <> to_regrole($2)
        ) as objects
        """;

    /// <summary>
    /// The password as PostgreSQL stores it (RFC 5802, 4096 iterations), so that the password itself never reaches
    /// the server, nor its log should statements be logged.
    /// </summary>
    public static string ScramVerifier(string password)
    {
        const int Iterations = 4096;
        var salt = RandomNumberGenerator.GetBytes(16);
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        var storedKey = SHA256.HashData(HMACSHA256.HashData(salted, "Client Key"u8));
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return $"SCRAM-SHA-256${Iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }

    // Closed when done, so that no superuser session idles in the host's pool.
    private static string Unpooled(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql, CancellationToken cancellation, params string[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync(cancellation);
    }

    private static async Task<List<string>> Statements(NpgsqlConnection connection, string sql, CancellationToken cancellation, params string[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var statements = new List<string>();
        while (await reader.ReadAsync(cancellation))
        {
            statements.Add(reader.GetString(0));
        }

        return statements;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, string[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
