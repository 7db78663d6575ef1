using System.Globalization;

namespace Assistant.Benchmarks;

/// <summary>Percentiles of measured durations, printed as one line.</summary>
public static class Latency
{
    public static string Describe(IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"n={sorted.Length} mean={sorted.Average():0.00} ms p50={At(0.50):0.00} ms p99={At(0.99):0.00} ms max={sorted[^1]:0.00} ms");
    }
}
