using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Desk.Enterprises;
using JasperFx.Events;
using Marten;

namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>
/// File a request. <paramref name="SubmissionKey"/> makes it idempotent: a retry with the same key (for example the
/// channel's activity id) returns the ticket filed the first time instead of a second one.
/// </summary>
public sealed partial record SubmitTicket(
    EnterpriseRef Enterprise,
    ContactPerson Contact,
    string Channel,
    string Text,
    string Category,
    double? CategoryConfidence,
    IReadOnlyDictionary<string, string>? Entities,
    ConversationReference? Conversation,
    string SubmittedBy,
    string? SubmissionKey = null,
    bool Urgent = false)
{
    public Decision Decide(DeskRules rules, TicketIdentity identity, DateTimeOffset now)
    {
        if (Validate(rules) is { } rejection)
        {
            return rejection.ToDecision();
        }

        var text = Text.Trim();
        var route = rules.Router.Route(Category, text);
        var submitted = new TicketSubmitted(
            identity.Id, identity.Number, identity.QueryCode,
            Enterprise with { Name = Enterprise.Name.Trim(), CreditCode = Normalize(Enterprise.CreditCode) },
            new ContactPerson(Contact.Name.Trim(), Contact.Phone.Trim()),
            Channel, text, Category, CategoryConfidence,
            new Dictionary<string, string>(Entities ?? new Dictionary<string, string>()),
            Conversation, SubmittedBy, now, Urgent);
        var routed = new TicketRouted(route.LeadDepartmentId, route.CoHandlingDepartmentIds, route.Rule, rules.DeadlinesFrom(Category, now), now);
        return Decision.Accept(submitted, routed);
    }

    private Rejection? Validate(DeskRules rules) => Guards.FirstOf(
        () => Guards.Text(Text, "诉求内容"),
        () => string.IsNullOrWhiteSpace(Enterprise.Name) || Enterprise.Name.Trim().Length > 100
            ? new Rejection(RejectionCode.Invalid, "请填写企业名称（100字以内）。")
            : null,
        () => Normalize(Enterprise.CreditCode) is { } code && CreditCode.Check(code) is { } problem
            ? new Rejection(RejectionCode.Invalid, problem)
            : null,
        () => string.IsNullOrWhiteSpace(Contact.Name) || Contact.Name.Trim().Length > 50
            ? new Rejection(RejectionCode.Invalid, "请填写联系人姓名。")
            : null,
        () => IsPhone(Contact.Phone)
            ? null
            : new Rejection(RejectionCode.Invalid, $"联系电话“{Contact.Phone}”格式不正确，请填写手机号或带区号的固定电话。"),
        () => rules.IsCategory(Category)
            ? null
            : new Rejection(RejectionCode.Invalid, $"诉求类别“{Category}”不存在。"),
        () => string.IsNullOrWhiteSpace(SubmittedBy)
            ? new Rejection(RejectionCode.Invalid, "缺少提交人。")
            : null);

    private static string? Normalize(string? creditCode) =>
        string.IsNullOrWhiteSpace(creditCode) ? null : CreditCode.Normalize(creditCode);

    internal static bool IsPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return false;
        }

        var digits = PhoneNoise().Replace(phone.Normalize(NormalizationForm.FormKC), "");
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }

        return PhoneShape().IsMatch(digits);
    }

    [GeneratedRegex(@"[\s\-()（）—]")]
    private static partial Regex PhoneNoise();

    // A mainland mobile number, or a landline with or without area code and extension.
    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}\d{7,8}(转\d{1,6})?|\d{7,8}|400\d{7})$")]
    private static partial Regex PhoneShape();
}

/// <summary>The number, 查询码 and stream id a new ticket gets.</summary>
public sealed record TicketIdentity(Guid Id, string Number, string QueryCode);

public sealed record TicketSubmitted(
    Guid TicketId,
    string Number,
    string QueryCode,
    EnterpriseRef Enterprise,
    ContactPerson Contact,
    string Channel,
    string Text,
    string Category,
    double? CategoryConfidence,
    IReadOnlyDictionary<string, string> Entities,
    ConversationReference? Conversation,
    string SubmittedBy,
    DateTimeOffset At,
    bool Urgent = false);

public sealed record TicketRouted(
    string LeadDepartmentId,
    IReadOnlyList<string> CoHandlingDepartmentIds,
    string Rule,
    StageDeadlines Deadlines,
    DateTimeOffset At);

public static class SubmitTicketHandler
{
    /// <summary>Files the ticket in its own transaction.</summary>
    public static async Task<DeskResult> Submit(this TicketDesk desk, SubmitTicket command, CancellationToken cancellation)
    {
        await using var session = desk.Store.LightweightSession();
        var result = await desk.Submit(session, command, cancellation);
        if (result.Events.Count == 0)
        {
            return result;
        }

        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception ex) when (command.SubmissionKey is not null && StoreConflicts.IsStreamCollision(ex))
        {
            await using var again = desk.Store.QuerySession();
            return new DeskResult(await again.LoadAsync<Ticket>(desk.TicketIdFor(command), cancellation), [], null);
        }

        return result;
    }

    /// <summary>
    /// Files the ticket in the given session, which the caller commits: a conversation turn commits the ticket with
    /// its own state, so either both are saved or neither is. A second filing with the same submission key returns
    /// the first ticket; two at once collide on the stream id when committed.
    /// </summary>
    public static async Task<DeskResult> Submit(this TicketDesk desk, IDocumentSession session, SubmitTicket command, CancellationToken cancellation)
    {
        var now = desk.Now();
        var id = desk.TicketIdFor(command);
        if (command.SubmissionKey is not null && await session.LoadAsync<Ticket>(id, cancellation) is { } earlier)
        {
            return new DeskResult(earlier, [], null);
        }

        var sequence = await TicketNumbers.Next(session, cancellation);
        var identity = new TicketIdentity(id, TicketNumbers.Format(desk.Rules, now, sequence), TicketNumbers.NewQueryCode());
        var decision = command.Decide(desk.Rules, identity, now);
        if (decision.Rejection is { } rejection)
        {
            return new DeskResult(null, [], rejection);
        }

        session.Events.StartStream<Ticket>(id, decision.Events);
        var result = new DeskResult(Ticket.From(decision.Events), decision.Events, null);
        await desk.Observe(session, result, cancellation);
        return result;
    }

    private static Guid TicketIdFor(this TicketDesk desk, SubmitTicket command) =>
        command.SubmissionKey is { } key ? IdFromKey(key) : Guid.CreateVersion7(desk.Now());


    private static Guid IdFromKey(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("ticket-submission:" + key), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // RFC 9562 version 8: a name-derived, custom UUID
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
