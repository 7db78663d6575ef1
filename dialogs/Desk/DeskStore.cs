using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Enterprises;
using Assistant.Dialogs.Desk.Tickets;
using JasperFx;
using JasperFx.Events.Projections;
using Marten;
using NpgsqlTypes;
using Weasel.Core;
using Weasel.Postgresql.Tables;
using Weasel.Postgresql;

namespace Assistant.Dialogs.Desk;

/// <summary>How the desk lives in PostgreSQL: ticket streams, the inline ticket view and its indexes, the documents.</summary>
public static class DeskStore
{
    public static IReadOnlyList<Type> TicketEvents { get; } =
    [
        typeof(TicketSubmitted), typeof(TicketRouted), typeof(TicketSignedFor), typeof(EnterpriseContacted),
        typeof(InterimReplyGiven), typeof(InformationRequested), typeof(InformationProvided), typeof(TicketReturned),
        typeof(TicketRedispatched), typeof(TicketTransferred), typeof(ExtensionRequested), typeof(ExtensionApproved),
        typeof(ExtensionRejected), typeof(TicketSupervised), typeof(TicketWarned), typeof(TicketResolved),
        typeof(OutcomeDelivered), typeof(TicketRated), typeof(TicketReopened), typeof(TicketWithdrawn), typeof(TicketClosed),
        typeof(InternalNoteAdded), typeof(TicketAssigned), typeof(ReturnRequested), typeof(ReturnApproved), typeof(ReturnRejected),
        typeof(OutcomeProposed), typeof(OutcomeApproved), typeof(OutcomeRejected), typeof(ResolveClockPaused), typeof(ResolveClockResumed),
        typeof(SupervisionAnswered),
    ];

    // Written as PostgreSQL prints it back, so that db-assert finds the index it expects.
    private static readonly string OpenTickets =
        $"(status)::text = ANY (ARRAY[{string.Join(", ", TicketStatusText.InDepartmentHands.Select(s => $"('{s}'::character varying)::text"))}])";

    public static StoreOptions ConfigureDesk(this StoreOptions options, string schema)
    {
        options.DatabaseSchemaName = schema;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString);

        options.Events.AddEventTypes(TicketEvents);
        options.Projections.Snapshot<Ticket>(SnapshotLifecycle.Inline);
        options.Schema.For<Ticket>()
            .UniqueIndex(t => t.Number)
            .Duplicate(t => t.Status)
            // A department's counts come from this index alone (index-only scans), not from reading its tickets.
            .Duplicate(t => t.LeadDepartmentId, configure: index =>
            {
                index.Name = "mt_doc_ticket_idx_department_queues";
                index.Columns = ["lead_department_id", "status", "resolve_due", "sign_for_due", "awaiting_decision"];
            })
            .Duplicate(t => t.CoHandlingDepartmentIds, "varchar[]", NpgsqlDbType.Array | NpgsqlDbType.Varchar, index => index.Method = IndexMethod.gin)
            .Duplicate(t => t.AwaitingDecision)
            .Duplicate(t => t.Category)
            .Duplicate(t => t.SearchGrams, "varchar[]", NpgsqlDbType.Array | NpgsqlDbType.Varchar, index => index.Method = IndexMethod.gin)
            .Index(t => t.Enterprise.Name)
            .Index(t => t.Enterprise.Id)
            .Duplicate(t => t.AssigneeId)
            .Duplicate(t => t.SubmittedBy)
            .Duplicate(t => t.SubmittedAt)
            // Only open tickets are ever ordered by their deadlines; the resolved ones would be read and thrown away.
            .Duplicate(t => t.SignForDue, configure: index => index.Predicate = OpenTickets)
            .Duplicate(t => t.ResolveDue, configure: index => index.Predicate = OpenTickets)
            .Duplicate(t => t.LastChangedAt)
            // The deadline sweep reads only tickets with a card coming (DeadlineQueue); most tickets have none.
            .Duplicate(t => t.UncardedDue, configure: index => index.Predicate = "uncarded_due IS NOT NULL")
            .Duplicate(t => t.UnredDue, configure: index => index.Predicate = "unred_due IS NOT NULL")
            .Duplicate(t => t.UnsupervisedDue, configure: index => index.Predicate = "unsupervised_due IS NOT NULL");

        options.Schema.For<Department>().Identity(d => d.Id);
        options.Schema.For<RoutingRuleSet>().Identity(r => r.Id);
        options.Schema.For<StaffMember>().Identity(s => s.Id).Duplicate(s => s.DepartmentId).Duplicate(s => s.TeamsUserId)
            .UniqueIndex(Marten.Schema.UniqueIndexType.Computed, "uq_staff_login", s => s.Login!)
            .Duplicate(s => s.Email).Duplicate(s => s.OidcSubject);
        options.Schema.For<ProgressReminders>().Identity(r => r.Id);
        options.Schema.For<TeamsLinkRequest>().Identity(r => r.Id);
        options.Schema.For<Enterprise>().Identity(e => e.Id).UniqueIndex(e => e.CreditCode!).Duplicate(e => e.Name);

        options.Storage.ExtendedSchemaObjects.Add(new Sequence(new PostgresqlObjectName(schema, TicketNumbers.SequenceName, SchemaUtils.IdentifierUsage.General)));
        return options;
    }

    /// <summary>
    /// Tickets stored before a release that added the indexed scope and search columns get them from their own
    /// document, so that staff still see and find their department's older tickets. Idempotent; touches only rows
    /// still without them.
    /// </summary>
    public static async Task FillScopeColumns(IDocumentStore store, CancellationToken cancellation)
    {
        var schema = store.Options.DatabaseSchemaName;
        await using var session = store.LightweightSession();
        session.QueueSqlCommand($"""
            update {schema}.mt_doc_ticket set
              co_handling_department_ids = array(select jsonb_array_elements_text(data -> 'CoHandlingDepartmentIds'))::varchar[],
              awaiting_decision = coalesce(jsonb_typeof(data -> 'PendingExtension') = 'object'
                or jsonb_typeof(data -> 'PendingReturn') = 'object' or jsonb_typeof(data -> 'PendingOutcome') = 'object', false)
            where co_handling_department_ids is null
            """);
        // Open tickets stored before the deadline sweep existed have had no card yet: each column is their earliest running
        // deadline (a 办结 clock paused for 补充材料 is not running).
        session.QueueSqlCommand($"""
            with clocks as (
              select id, least(
                case when status = 'Routed' then sign_for_due end,
                case when status in ('Routed', 'SignedFor') and jsonb_typeof(data -> 'FirstContactAt') is distinct from 'string'
                  then (data ->> 'FirstContactDue')::timestamptz end,
                case when jsonb_typeof(data -> 'ResolvePausedAt') is distinct from 'string' then resolve_due end) as due
              from {schema}.mt_doc_ticket
              where status in ('Routed', 'SignedFor', 'Handling', 'AwaitingInformation')
                and uncarded_due is null and unred_due is null and unsupervised_due is null
                and coalesce(jsonb_array_length(data -> 'Warnings'), 0) = 0)
            update {schema}.mt_doc_ticket t set uncarded_due = c.due, unred_due = c.due, unsupervised_due = c.due
            from clocks c where t.id = c.id and c.due is not null
            """);
        await session.SaveChangesAsync(cancellation);
        await TicketSearch.FillMissing(store, cancellation);
    }
}
