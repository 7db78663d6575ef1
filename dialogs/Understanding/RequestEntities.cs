namespace Assistant.Dialogs.Understanding;

/// <summary>The slots a request states; a null property means "not stated".</summary>
public sealed record RequestEntities
{
    public static readonly RequestEntities None = new();

    public decimal? AmountCny { get; init; }
    public decimal? AreaMu { get; init; }
    public decimal? AreaSqm { get; init; }
    public int? Headcount { get; init; }

    /// <summary>Verbatim time phrase with its qualifiers ("下周三之前", "年底前").</summary>
    public string? Deadline { get; init; }

    public string? Phone { get; init; }
    public string? Company { get; init; }
    public string? CreditCode { get; init; }
    public bool? CreditCodeValid { get; init; }

    /// <summary>The keys of the evaluation files, only those stated.</summary>
    public IReadOnlyDictionary<string, object> ToKeys()
    {
        var keys = new Dictionary<string, object>();
        Add(keys, "amount_cny", AmountCny);
        Add(keys, "area_mu", AreaMu);
        Add(keys, "area_sqm", AreaSqm);
        Add(keys, "headcount", Headcount);
        Add(keys, "deadline", Deadline);
        Add(keys, "phone", Phone);
        Add(keys, "company", Company);
        Add(keys, "credit_code", CreditCode);
        Add(keys, "credit_code_valid", CreditCodeValid);
        return keys;
    }

    private static void Add(Dictionary<string, object> keys, string key, object? value)
    {
        if (value is not null)
        {
            keys[key] = value;
        }
    }
}
