using Assistant.Benchmarks;

return args.FirstOrDefault() switch
{
    "understand" => await UnderstandBenchmark.Run(args.Skip(1).ToArray()),
    "turns" => await TurnBenchmark.Run(args.Skip(1).ToArray()),
    "load" => await LoadTool.Run(args.Skip(1).ToArray()),
    "teams-host" => await TeamsHost.Run(args.Skip(1).ToArray()),
    "attack" => await AttackTool.Run(args.Skip(1).ToArray()),
    "desk" => await DeskBenchmark.Run(args.Skip(1).ToArray()),
    "sweep" => await SweepBenchmark.Run(args.Skip(1).ToArray()),
    "notify" => await NotifyBenchmark.Run(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Benchmarks -- understand [rounds]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/Benchmarks -- turns [conversations-per-level]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/Benchmarks -- load [conversations-per-level]   (after dotnet build -c Release bot)");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/Benchmarks -- attack [fuzz-cases]              (after dotnet build -c Release bot)");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/Benchmarks -- desk [tickets] [samples] [--keep]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/Benchmarks -- sweep [tickets] [rounds] [--keep]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/Benchmarks -- notify [tickets] [staff]");
    return 2;
}
