using Assistant.Dialogs.Desk.Tickets;
using Marten;

namespace Assistant.Dialogs.Desk.Enterprises;

/// <summary>
/// Find or create the enterprise a request comes from, by credit code first and name second, and remember the
/// contact person. Returns the stored enterprise, or a rejection when the credit code is invalid.
/// </summary>
public sealed record RegisterEnterprise(string Name, string? CreditCode, EnterpriseContact Contact)
{
    public Rejection? Validate() => Guards.FirstOf(
        () => string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 100 ? new Rejection(RejectionCode.Invalid, "请填写企业名称（100字以内）。") : null,
        () => string.IsNullOrWhiteSpace(CreditCode) ? null
            : Enterprises.CreditCode.Check(Enterprises.CreditCode.Normalize(CreditCode)) is { } problem ? new Rejection(RejectionCode.Invalid, problem) : null,
        () => SubmitTicket.IsPhone(Contact.Phone) ? null : new Rejection(RejectionCode.Invalid, $"联系电话“{Contact.Phone}”格式不正确，请填写手机号或带区号的固定电话。"));

    /// <summary>The enterprise after registration: contacts merged, the newest contact first.</summary>
    public Enterprise Decide(Enterprise? existing, Guid newId, DateTimeOffset now)
    {
        var code = string.IsNullOrWhiteSpace(CreditCode) ? null : Enterprises.CreditCode.Normalize(CreditCode);
        var contact = Contact with { Name = Contact.Name.Trim(), Phone = Contact.Phone.Trim() };
        if (existing is null)
        {
            return new Enterprise(newId, Name.Trim(), code, [contact], now);
        }

        var others = existing.Contacts.Where(c => c.Name != contact.Name || c.Phone != contact.Phone);
        return existing with { CreditCode = existing.CreditCode ?? code, Contacts = others.Prepend(contact).Take(20).ToList() };
    }
}

public static class RegisterEnterpriseHandler
{
    /// <summary>Finds the enterprise and stores the registration in the session; the caller commits it (with its turn).</summary>
    public static async Task<(Enterprise? Enterprise, Rejection? Rejection)> Register(
        this IDocumentSession session, RegisterEnterprise command, DateTimeOffset now, CancellationToken cancellation)
    {
        if (command.Validate() is { } rejection)
        {
            return (null, rejection);
        }

        var code = string.IsNullOrWhiteSpace(command.CreditCode) ? null : CreditCode.Normalize(command.CreditCode);
        var name = command.Name.Trim();
        var existing = code is not null
            ? await session.Query<Enterprise>().FirstOrDefaultAsync(e => e.CreditCode == code, cancellation)
            : null;
        if (existing is null)
        {
            // A same-named enterprise is the same one only if it has no credit code yet, or this request gives none.
            var sameName = await session.Query<Enterprise>().Where(e => e.Name == name).ToListAsync(cancellation);
            existing = sameName.FirstOrDefault(e => code is null || e.CreditCode is null);
        }
        var enterprise = command.Decide(existing, Guid.CreateVersion7(now), now);
        if (existing is not null && enterprise.CreditCode == existing.CreditCode && enterprise.Contacts.SequenceEqual(existing.Contacts))
        {
            // The same contact again: nothing to write, and no lock on a row that many requests of a big enterprise share.
            return (existing, null);
        }

        session.Store(enterprise);
        return (enterprise, null);
    }
}
