using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Desk.Tickets;

public sealed record EnterpriseRef(Guid? Id, string Name, string? CreditCode);

public sealed record ContactPerson(string Name, string Phone);

public sealed record StageDeadlines(DateTimeOffset SignForDue, DateTimeOffset FirstContactDue, DateTimeOffset ResolveDue);

public sealed record PendingExtension(Actor By, int Days, string Reason, DateTimeOffset RequestedAt, DateTimeOffset ProposedResolveDue);

public sealed record IssuedWarning(WarningLevel Level, DeadlineStage Stage, DateTimeOffset Due, DateTimeOffset At);

/// <summary>A clerk's 退单 waiting for the head, or an outcome waiting for the dispatcher's review.</summary>
public sealed record PendingDecision(Actor By, string Text, DateTimeOffset At);

/// <summary>
/// A ticket: one event stream, folded by these Apply methods. Marten keeps this document inline with the stream,
/// so it is also the ticket view that queues, deadlines and status pages query.
/// </summary>
public sealed class Ticket
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public string Number { get; set; } = "";

    public string QueryCode { get; set; } = "";

    public TicketStatus Status { get; set; }

    public string Category { get; set; } = "";

    /// <summary>How sure the understanding was of the category (0–1); unsure routings are shown to dispatchers.</summary>
    public double? CategoryConfidence { get; set; }

    public string Text { get; set; } = "";

    public EnterpriseRef Enterprise { get; set; } = new(null, "", null);

    public ContactPerson Contact { get; set; } = new("", "");

    public string Channel { get; set; } = "";

    public Dictionary<string, string> Entities { get; set; } = [];

    public ConversationReference? Conversation { get; set; }

    /// <summary>The chat user who submitted it; "我的诉求" lists by this.</summary>
    public string SubmittedBy { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>The enterprise said production is stopped, money falls due within days, or that it is urgent.</summary>
    public bool Urgent { get; set; }

    public string? LeadDepartmentId { get; set; }

    public List<string> CoHandlingDepartmentIds { get; set; } = [];

    public string? RoutingRule { get; set; }

    public DateTimeOffset? DispatchedAt { get; set; }

    public DateTimeOffset? SignForDue { get; set; }

    public DateTimeOffset? FirstContactDue { get; set; }

    public DateTimeOffset? ResolveDue { get; set; }

    public string? AssigneeId { get; set; }

    public string? AssigneeName { get; set; }

    public DateTimeOffset? SignedForAt { get; set; }

    public DateTimeOffset? FirstContactAt { get; set; }

    public DateTimeOffset? LastInterimReplyAt { get; set; }

    public string? OpenInformationRequest { get; set; }

    public string? ReturnReason { get; set; }

    public string? ReturnedByDepartmentId { get; set; }

    public int ReturnCount { get; set; }

    public int TransferCount { get; set; }

    public PendingExtension? PendingExtension { get; set; }

    public PendingDecision? PendingReturn { get; set; }

    public PendingDecision? PendingOutcome { get; set; }

    /// <summary>The characters and pairs it is found by (<see cref="TicketSearch"/>): an indexed column, not part of the document.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string[] SearchGrams => TicketSearch.Of(this);

    /// <summary>An extension, a return or an outcome waits for a head's or a dispatcher's decision (待审批).</summary>
    public bool AwaitingDecision => PendingExtension is not null || PendingReturn is not null || PendingOutcome is not null;

    /// <summary>The earliest running deadline with no card yet: the deadline sweep looks at the ticket from one working day
    /// before it (<see cref="DeadlineQueue"/>). Indexed columns, like the two below, not part of the document.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset? UncardedDue => WarnTicket.EarliestWithout(this, WarningLevel.Yellow);

    /// <summary>The earliest running deadline with no 红牌 yet: due for one once it has passed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset? UnredDue => WarnTicket.EarliestWithout(this, WarningLevel.Red);

    /// <summary>The earliest running deadline not yet supervised: due for 督办 once overdue long enough.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset? UnsupervisedDue => WarnTicket.EarliestWithout(this, WarningLevel.Supervised);

    /// <summary>Since when the 办结 clock stands still, waiting for the enterprise's 补充材料; null while it runs.</summary>
    public DateTimeOffset? ResolvePausedAt { get; set; }

    public int ExtendedDays { get; set; }

    public int SupervisionCount { get; set; }

    /// <summary>A 督办 (a person's or the automatic one) that the lead department has not answered yet.</summary>
    public bool SupervisionAwaitingAnswer { get; set; }

    /// <summary>Who gave the latest 督办 (its answer goes to them); null when the latest was the automatic one.</summary>
    public string? LastSupervisorId { get; set; }

    public List<IssuedWarning> Warnings { get; set; } = [];

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? Outcome { get; set; }

    public DateTimeOffset? OutcomeDeliveredAt { get; set; }

    public Satisfaction? Rating { get; set; }

    public string? RatingComment { get; set; }

    public DateTimeOffset? RatedAt { get; set; }

    public int ReopenCount { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public DateTimeOffset LastChangedAt { get; set; }

    /// <summary>Folds events into a ticket without a database (decision tests, replays).</summary>
    public static Ticket From(IEnumerable<object> events)
    {
        Ticket? ticket = null;
        foreach (var e in events)
        {
            ticket = ticket is null ? Create((TicketSubmitted)e) : ticket.Fold(e);
        }

        return ticket ?? throw new ArgumentException("A ticket starts with TicketSubmitted.", nameof(events));
    }

    // Not named Evolve: Marten would take that for an explicit aggregation method and skip Create/Apply.
    public Ticket Fold(object @event)
    {
        switch (@event)
        {
            case TicketRouted e: Apply(e); break;
            case TicketSignedFor e: Apply(e); break;
            case EnterpriseContacted e: Apply(e); break;
            case InterimReplyGiven e: Apply(e); break;
            case InformationRequested e: Apply(e); break;
            case InformationProvided e: Apply(e); break;
            case ResolveClockPaused e: Apply(e); break;
            case ResolveClockResumed e: Apply(e); break;
            case TicketReturned e: Apply(e); break;
            case TicketRedispatched e: Apply(e); break;
            case TicketTransferred e: Apply(e); break;
            case ExtensionRequested e: Apply(e); break;
            case ExtensionApproved e: Apply(e); break;
            case ExtensionRejected e: Apply(e); break;
            case TicketSupervised e: Apply(e); break;
            case SupervisionAnswered e: Apply(e); break;
            case TicketWarned e: Apply(e); break;
            case TicketResolved e: Apply(e); break;
            case OutcomeDelivered e: Apply(e); break;
            case TicketRated e: Apply(e); break;
            case TicketReopened e: Apply(e); break;
            case TicketWithdrawn e: Apply(e); break;
            case TicketClosed e: Apply(e); break;
            case TicketAssigned e: Apply(e); break;
            case InternalNoteAdded e: Apply(e); break;
            case ReturnRequested e: Apply(e); break;
            case ReturnApproved e: Apply(e); break;
            case ReturnRejected e: Apply(e); break;
            case OutcomeProposed e: Apply(e); break;
            case OutcomeApproved e: Apply(e); break;
            case OutcomeRejected e: Apply(e); break;
            default: throw new ArgumentException($"Unknown ticket event {@event.GetType().Name}.", nameof(@event));
        }

        Version++;
        return this;
    }

    public static Ticket Create(TicketSubmitted e) => new()
    {
        Id = e.TicketId,
        Version = 1,
        Number = e.Number,
        QueryCode = e.QueryCode,
        Status = TicketStatus.Submitted,
        Category = e.Category,
        CategoryConfidence = e.CategoryConfidence,
        Text = e.Text,
        Enterprise = e.Enterprise,
        Contact = e.Contact,
        Channel = e.Channel,
        Entities = new Dictionary<string, string>(e.Entities),
        Conversation = e.Conversation,
        SubmittedBy = e.SubmittedBy,
        SubmittedAt = e.At,
        Urgent = e.Urgent,
        LastChangedAt = e.At,
    };

    public void Apply(TicketRouted e) => Dispatch(e.LeadDepartmentId, e.CoHandlingDepartmentIds, e.Rule, e.Deadlines, e.At);

    public void Apply(TicketRedispatched e) => Dispatch(e.LeadDepartmentId, e.CoHandlingDepartmentIds, $"调度员{e.By.Name}重新派单", e.Deadlines, e.At);

    public void Apply(TicketTransferred e)
    {
        TransferCount++;
        Dispatch(e.ToDepartmentId, e.CoHandlingDepartmentIds, $"{e.By.Name}转办", e.Deadlines, e.At);
    }

    public void Apply(TicketSignedFor e)
    {
        Status = TicketStatus.SignedFor;
        AssigneeId = e.By.Id;
        AssigneeName = e.By.Name;
        SignedForAt = e.At;
        LastChangedAt = e.At;
    }

    public void Apply(TicketAssigned e)
    {
        if (Status == TicketStatus.Routed)
        {
            Status = TicketStatus.SignedFor;
            SignedForAt = e.At;
        }

        AssigneeId = e.Assignee.Id;
        AssigneeName = e.Assignee.Name;
        LastChangedAt = e.At;
    }

    /// <summary>For colleagues' eyes only: it changes nothing on the ticket.</summary>
    public void Apply(InternalNoteAdded e)
    {
    }

    public void Apply(ReturnRequested e)
    {
        PendingReturn = new PendingDecision(e.By, e.Reason, e.At);
        LastChangedAt = e.At;
    }

    /// <summary>The TicketReturned that follows it does the rest.</summary>
    public void Apply(ReturnApproved e) => LastChangedAt = e.At;

    public void Apply(ReturnRejected e)
    {
        PendingReturn = null;
        LastChangedAt = e.At;
    }

    public void Apply(OutcomeProposed e)
    {
        PendingOutcome = new PendingDecision(e.By, e.Outcome, e.At);
        LastChangedAt = e.At;
    }

    /// <summary>The TicketResolved that follows it does the rest.</summary>
    public void Apply(OutcomeApproved e) => LastChangedAt = e.At;

    public void Apply(OutcomeRejected e)
    {
        PendingOutcome = null;
        LastChangedAt = e.At;
    }

    public void Apply(EnterpriseContacted e)
    {
        FirstContactAt ??= e.At;
        Status = TicketStatus.Handling;
        LastChangedAt = e.At;
    }

    public void Apply(InterimReplyGiven e)
    {
        FirstContactAt ??= e.At;
        LastInterimReplyAt = e.At;
        Status = TicketStatus.Handling;
        LastChangedAt = e.At;
    }

    public void Apply(InformationRequested e)
    {
        FirstContactAt ??= e.At;
        OpenInformationRequest = e.Request;
        Status = TicketStatus.AwaitingInformation;
        LastChangedAt = e.At;
    }

    public void Apply(InformationProvided e)
    {
        if (Status == TicketStatus.AwaitingInformation)
        {
            Status = TicketStatus.Handling;
            OpenInformationRequest = null;
        }

        LastChangedAt = e.At;
    }

    public void Apply(TicketReturned e)
    {
        Status = TicketStatus.Returned;
        PendingReturn = null;
        ReturnReason = e.Reason;
        ReturnedByDepartmentId = e.DepartmentId;
        ReturnCount++;
        AssigneeId = null;
        AssigneeName = null;
        LastChangedAt = e.At;
    }

    public void Apply(ExtensionRequested e)
    {
        PendingExtension = new PendingExtension(e.By, e.Days, e.Reason, e.At, e.ProposedResolveDue);
        LastChangedAt = e.At;
    }

    public void Apply(ExtensionApproved e)
    {
        PendingExtension = null;
        ExtendedDays += e.Days;
        ResolveDue = e.ResolveDue;
        LastChangedAt = e.At;
    }

    public void Apply(ExtensionRejected e)
    {
        PendingExtension = null;
        LastChangedAt = e.At;
    }

    public void Apply(TicketSupervised e)
    {
        SupervisionCount++;
        SupervisionAwaitingAnswer = true;
        LastSupervisorId = e.By.Id;
        LastChangedAt = e.At;
    }

    public void Apply(SupervisionAnswered e)
    {
        SupervisionAwaitingAnswer = false;
        LastChangedAt = e.At;
    }

    public void Apply(TicketWarned e)
    {
        Warnings.Add(new IssuedWarning(e.Level, e.Stage, e.Due, e.At));
        if (e.Level == WarningLevel.Supervised)
        {
            SupervisionCount++;
            SupervisionAwaitingAnswer = true;
            LastSupervisorId = null;
        }

        LastChangedAt = e.At;
    }

    public void Apply(TicketResolved e)
    {
        Status = TicketStatus.Resolved;
        PendingOutcome = null;
        PendingReturn = null;
        Outcome = e.Outcome;
        ResolvedAt = e.At;
        OutcomeDeliveredAt = null;
        PendingExtension = null;
        FirstContactAt ??= e.At;
        LastChangedAt = e.At;
    }

    public void Apply(OutcomeDelivered e)
    {
        OutcomeDeliveredAt = e.At;
        LastChangedAt = e.At;
    }

    public void Apply(TicketRated e)
    {
        Rating = e.Rating;
        RatingComment = e.Comment;
        RatedAt = e.At;
        LastChangedAt = e.At;
    }

    public void Apply(ResolveClockPaused e) => ResolvePausedAt = e.At;

    public void Apply(ResolveClockResumed e)
    {
        ResolvePausedAt = null;
        ResolveDue = e.ResolveDue;
        LastChangedAt = e.At;
    }

    public void Apply(TicketReopened e)
    {
        ResolvePausedAt = null;
        ReopenCount++;
        Status = TicketStatus.Handling;
        ResolveDue = e.ResolveDue;
        ResolvedAt = null;
        OutcomeDeliveredAt = null;
        LastChangedAt = e.At;
    }

    public void Apply(TicketWithdrawn e)
    {
        Status = TicketStatus.Withdrawn;
        WithdrawnAt = e.At;
        PendingExtension = null;
        LastChangedAt = e.At;
    }

    public void Apply(TicketClosed e)
    {
        Status = TicketStatus.Closed;
        ClosedAt = e.At;
        LastChangedAt = e.At;
    }

    private void Dispatch(string lead, IReadOnlyList<string> coHandling, string rule, StageDeadlines deadlines, DateTimeOffset at)
    {
        Status = TicketStatus.Routed;
        LeadDepartmentId = lead;
        CoHandlingDepartmentIds = coHandling.ToList();
        RoutingRule = rule;
        DispatchedAt = at;
        SignForDue = deadlines.SignForDue;
        FirstContactDue = deadlines.FirstContactDue;
        ResolveDue = deadlines.ResolveDue;
        ResolvePausedAt = null;
        AssigneeId = null;
        AssigneeName = null;
        SignedForAt = null;
        FirstContactAt = null;
        PendingExtension = null;
        PendingReturn = null;
        PendingOutcome = null;
        ExtendedDays = 0;
        LastChangedAt = at;
    }
}
