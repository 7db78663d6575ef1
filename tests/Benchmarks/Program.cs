using Assistant.Benchmarks;

return args.FirstOrDefault() switch
{
    "understand" => await UnderstandBenchmark.Run(args.Skip(1).ToArray()),
    "turns" => await TurnBenchmark.Run(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Benchmarks -- understand [rounds]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/Benchmarks -- turns [conversations-per-level]");
    return 2;
}
