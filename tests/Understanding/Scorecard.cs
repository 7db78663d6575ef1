using System.Globalization;
using System.Text;
using Assistant.Dialogs.Understanding;

namespace Assistant.Tests.Understanding;

/// <summary>How understanding does on a labelled file: routing quality and, per slot, precision and recall.</summary>
public sealed class Scorecard
{
    public static readonly IReadOnlyList<string> Keys =
        ["amount_cny", "area_mu", "area_sqm", "headcount", "deadline", "phone", "company", "credit_code", "credit_code_valid"];

    private readonly Dictionary<string, (int Right, int Extra, int Missed)> _slots = Keys.ToDictionary(k => k, _ => (0, 0, 0));
    private readonly List<string> _wrong = [];

    public int Count { get; private set; }
    public int Correct { get; private set; }
    public int ConfidentMisroutes { get; private set; }
    public int Clarified { get; private set; }

    /// <summary>Right and routed without a question: a question costs the user a message even when the guess was right.</summary>
    public int Strict { get; private set; }
    public int Ambiguous { get; private set; }
    public int AmbiguousHandled { get; private set; }
    public int ExactEntities { get; private set; }

    public double Accuracy => Ratio(Correct, Count);
    public double ClarifyRate => Ratio(Clarified, Count);
    public double StrictAccuracy => Ratio(Strict, Count);
    public double ExactRate => Ratio(ExactEntities, Count);

    public static Scorecard Of(IEnumerable<LabelledRequest> requests, RequestUnderstander understander)
    {
        var card = new Scorecard();
        foreach (var request in requests)
        {
            card.Add(request, understander.Understand(request.Text));
        }

        return card;
    }

    public double F1(string key)
    {
        var (right, extra, missed) = _slots[key];
        var precision = Ratio(right, right + extra, empty: 1);
        var recall = Ratio(right, right + missed, empty: 1);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    public string Report()
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"category accuracy {Accuracy:P1} ({Correct}/{Count}), strict {StrictAccuracy:P1} (right without a question), confident misroutes {ConfidentMisroutes}, clarify rate {ClarifyRate:P1} ({Clarified}), ambiguous lines right or clarified {AmbiguousHandled}/{Ambiguous}");
        report.AppendLine(CultureInfo.InvariantCulture, $"entities exactly right on {ExactRate:P1} of lines");
        foreach (var key in Keys)
        {
            var (right, extra, missed) = _slots[key];
            report.AppendLine(CultureInfo.InvariantCulture,
                $"  {key,-18} P {Ratio(right, right + extra, 1):F2}  R {Ratio(right, right + missed, 1):F2}  F1 {F1(key):F2}  (right {right}, extra {extra}, missed {missed})");
        }

        foreach (var line in _wrong)
        {
            report.AppendLine(line);
        }

        return report.ToString();
    }

    private void Add(LabelledRequest request, Dialogs.Understanding.Understanding result)
    {
        Count++;
        var right = result.Category == request.Category;
        Correct += right ? 1 : 0;
        Clarified += result.Clarify.Count > 0 ? 1 : 0;
        Strict += right && result.Clarify.Count == 0 ? 1 : 0;
        ConfidentMisroutes += !right && result.Clarify.Count == 0 ? 1 : 0;
        if (request.Ambiguous)
        {
            Ambiguous++;
            AmbiguousHandled += right || result.Clarify.Contains(request.Category) ? 1 : 0;
        }

        var found = result.Entities.ToKeys().ToDictionary(k => k.Key, k => LabelledRequest.Canonical(k.Value));
        var exact = true;
        foreach (var key in Keys)
        {
            var expected = request.Entities.GetValueOrDefault(key);
            var got = found.GetValueOrDefault(key);
            var (r, e, m) = _slots[key];
            if (expected is not null && expected == got)
            {
                _slots[key] = (r + 1, e, m);
                continue;
            }

            _slots[key] = (r, e + (got is null ? 0 : 1), m + (expected is null ? 0 : 1));
            if (expected is not null || got is not null)
            {
                exact = false;
                _wrong.Add($"  {request.Id} {key}: expected {expected ?? "—"}, got {got ?? "—"}");
            }
        }

        ExactEntities += exact ? 1 : 0;
        if (!right)
        {
            var how = result.Clarify.Count > 0 ? $"asks between {string.Join("/", result.Clarify)}" : "CONFIDENT";
            _wrong.Add($"  {request.Id} category: expected {request.Category}, got {result.Category} ({how})");
        }
    }

    private static double Ratio(int part, int whole, double empty = 0) => whole == 0 ? empty : (double)part / whole;
}
