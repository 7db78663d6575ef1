using System.Globalization;

namespace Assistant.Benchmarks;

/// <summary>Percentiles of measured durations, printed as one line.</summary>
public static class Latency
{
    public static string Describe(IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"n={sorted.Length} mean={sorted.Average():0.00} ms p50={At(sorted, 0.50):0.00} ms p99={At(sorted, 0.99):0.00} ms max={sorted[^1]:0.00} ms");
    }

    public static double Percentile(IReadOnlyList<double> milliseconds, double q) => At(milliseconds.Order().ToArray(), q);

    private static double At(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
