using System.Net;
using System.Text.Json;
using Assistant.Bot;
using Assistant.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Assistant.Tests.Host;

/// <summary>
/// What a caller sees when a request fails inside the host: a ProblemDetails body without a stack trace, and 503 with
/// Retry-After when the database is unreachable or too busy, so clients and Azure Bot Service try again.
/// </summary>
public sealed class FailureResponseTests(PostgresServer server) : IAsyncLifetime
{
    private readonly WebApplicationFactory<Program> _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
    {
        host.UseSetting("ConnectionStrings:Marten", server.ConnectionString);
        host.UseSetting("Database:Schema", PostgresServer.NewSchema("failures"));
        // Two paths that fail the way an endpoint can: the database gone, and a plain bug.
        host.ConfigureTestServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new FailingPaths()));
    });

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_database_being_unreachable_is_a_503_with_retry_after_and_a_polite_problem()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/test/database-down", Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Equal("抱歉，服务暂时繁忙，请稍后重试。", JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
        Assert.DoesNotContain("Npgsql", body);
        Assert.DoesNotContain(" at ", body);
    }

    [Fact]
    public async Task A_bug_is_a_500_problem_without_a_stack_trace()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/test/bug", Cancel);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(" at ", body);
    }

    [Theory]
    [InlineData("08006", true)] // connection failure
    [InlineData("57P01", true)] // the server is shutting down
    [InlineData("53300", true)] // too many connections
    [InlineData("40001", true)] // serialization failure
    [InlineData("22P05", false)] // a NUL PostgreSQL cannot store: retrying would only repeat it
    [InlineData("22021", false)] // bytes that are not UTF-8
    [InlineData("42P01", false)] // a missing table: a bug or an unprepared database
    public void Only_failures_a_retry_can_cure_count_as_the_database_being_unavailable(string state, bool unavailable) =>
        Assert.Equal(unavailable, Failures.IsUnavailable(new Marten.Exceptions.MartenCommandException(new NpgsqlCommand("select 1"), new PostgresException("failed", "ERROR", "ERROR", state))));

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private sealed class FailingPaths : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        // Added after the host's own pipeline, so the host's exception handling is around them.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate _) => context.Request.Path.Value switch
            {
                "/test/database-down" => throw new NpgsqlException("Failed to connect to 127.0.0.1:5432"),
                "/test/bug" => throw new InvalidOperationException("a bug"),
                _ => Task.CompletedTask,
            });
        };
    }
}
