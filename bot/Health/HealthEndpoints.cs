using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Assistant.Dialogs.Calendar;
using Marten;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Assistant.Bot.Health;

/// <summary>/health/live: the process answers. /health/ready: the database answers and the calendar covers this year.</summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    // Operators read these answers: Chinese stays Chinese instead of \u escapes.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static IServiceCollection AddAssistantHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<CalendarHealthCheck>("calendar", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        // Load balancers and orchestrators ask often from one address; a rate limit must never make a host look dead.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Write }).DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = Write }).DisableRateLimiting();
        return app;
    }

    private static Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        }, Json, context.RequestAborted);
    }

    private sealed class DatabaseHealthCheck(IDocumentStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var session = store.QuerySession();
                await session.AdvancedSql.QueryAsync<int>("select 1", cancellationToken);
                return HealthCheckResult.Healthy("数据库连接正常");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("数据库无法连接", ex);
            }
        }
    }

    private sealed class CalendarHealthCheck(WorkingCalendar calendar, TimeProvider clock) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var year = calendar.LocalDay(clock.GetUtcNow()).Year;
            return Task.FromResult(calendar.YearsWithSchedule.Contains(year)
                ? HealthCheckResult.Healthy($"已有{year}年节假日安排")
                : HealthCheckResult.Degraded($"缺少{year}年节假日安排，期限按周末和法定节假日估算（不含调休）；请在 Desk:Calendar:Years 中补充国务院公布的安排"));
        }
    }
}
