namespace Assistant.Dialogs.Understanding.Entities;

/// <summary>Everything one message states, with how its headcount relates to what was known before.</summary>
internal sealed record MessageEntities(RequestEntities Entities, HeadcountMention? Headcount);

internal static class EntityReader
{
    public static MessageEntities Read(RequestText text)
    {
        var code = CreditCodeReader.Read(text);
        var phone = PhoneReader.Read(text);
        var taken = new[] { code, phone }.Where(m => m is not null).Select(m => (m!.Start, m.End)).ToList();
        var amount = AmountReader.Read(text, taken);
        var (mu, sqm) = AreaReader.Read(text);
        var headcount = HeadcountReader.Read(text);
        var entities = new RequestEntities
        {
            AmountCny = amount?.Value,
            AreaMu = mu?.Value,
            AreaSqm = sqm?.Value,
            Headcount = headcount?.Count,
            Deadline = DeadlineReader.Read(text)?.Value,
            Phone = phone?.Value,
            Company = CompanyReader.Read(text)?.Value,
            CreditCode = code?.Value,
            CreditCodeValid = code is null ? null : CreditCodeReader.IsValid(code.Value),
        };
        return new MessageEntities(entities, headcount);
    }
}
