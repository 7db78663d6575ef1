using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Desk.Enterprises;
using Assistant.Dialogs.Desk.Tickets;
using JasperFx;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;
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
        typeof(OutcomeProposed), typeof(OutcomeApproved), typeof(OutcomeRejected),
    ];

    public static StoreOptions ConfigureDesk(this StoreOptions options, string schema)
    {
        options.DatabaseSchemaName = schema;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString);

        options.Events.AddEventTypes(TicketEvents);
        options.Projections.Snapshot<Ticket>(SnapshotLifecycle.Inline);
        options.Schema.For<Ticket>()
            .UniqueIndex(t => t.Number)
            .Duplicate(t => t.Status)
            .Duplicate(t => t.LeadDepartmentId)
            .Duplicate(t => t.AssigneeId)
            .Duplicate(t => t.SubmittedBy)
            .Duplicate(t => t.SubmittedAt)
            .Duplicate(t => t.SignForDue)
            .Duplicate(t => t.ResolveDue)
            .Duplicate(t => t.LastChangedAt);

        options.Schema.For<Department>().Identity(d => d.Id);
        options.Schema.For<RoutingRuleSet>().Identity(r => r.Id);
        options.Schema.For<StaffMember>().Identity(s => s.Id).Duplicate(s => s.DepartmentId).Duplicate(s => s.TeamsUserId)
            .UniqueIndex(Marten.Schema.UniqueIndexType.Computed, "uq_staff_login", s => s.Login!)
            .Duplicate(s => s.Email).Duplicate(s => s.OidcSubject);
        options.Schema.For<Enterprise>().Identity(e => e.Id).UniqueIndex(e => e.CreditCode!).Duplicate(e => e.Name);

        options.Storage.ExtendedSchemaObjects.Add(new Sequence(new PostgresqlObjectName(schema, TicketNumbers.SequenceName, SchemaUtils.IdentifierUsage.General)));
        return options;
    }
}
