using BenchmarkDotNet.Running;
using Cchc.Benchmarks.Compiled;

namespace Cchc.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/Cchc.Benchmarks -- --filter '*'</c>; or one of
/// the Stopwatch modes of the compiled core: <c>--quick</c> (one JSON line), <c>--verify</c>, <c>--profile</c>,
/// <c>--load-once</c> (see <see cref="QuickMode"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "--quick":
                return QuickMode.Quick();
            case "--verify":
                return QuickMode.Verify();
            case "--profile":
                return QuickMode.Profile();
            case "--spin":
                return QuickMode.Spin(args[1], double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
            case "--load-once":
                return QuickMode.LoadOnce();
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}
