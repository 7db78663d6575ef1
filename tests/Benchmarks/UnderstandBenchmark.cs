using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Assistant.Dialogs.Understanding;

namespace Assistant.Benchmarks;

/// <summary>Understanding latency per message over the development requests, after warm-up.</summary>
public static class UnderstandBenchmark
{
    public static Task<int> Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        // The development requests of tests/Understanding/Eval, copied beside the benchmark by its build.
        var texts = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Eval", "requests.dev.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!)
            .ToList();

        var warm = Stopwatch.StartNew();
        var understander = new RequestUnderstander();
        understander.Understand(texts[0]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up (models built, first message): {warm.Elapsed.TotalMilliseconds:0} ms"));

        var samples = new List<double>();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var text in texts)
            {
                var started = Stopwatch.GetTimestamp();
                understander.Understand(text);
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        var perMessage = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)samples.Count;
        Console.WriteLine($"understand, {texts.Count} messages × {rounds} rounds: {Latency.Describe(samples)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated per message: {perMessage / 1024:0.0} KiB"));
        return Task.FromResult(0);
    }
}
