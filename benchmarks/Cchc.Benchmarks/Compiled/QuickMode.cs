using System.Diagnostics;
using System.Globalization;
using Cchc.Rules.Loading;
using Cchc.Rules.Model;
using Cchc.Scoring.Scoring;

namespace Cchc.Benchmarks.Compiled;

/// <summary>
/// The modes that are not BenchmarkDotNet: <c>--quick</c> (hand-written vs compiled vs RulesEngine per unit, one JSON
/// line on stdout, under a minute), <c>--verify</c> (hand-written = compiled on every unit of the national batch),
/// <c>--profile</c> (where the compiled path's time goes) and <c>--load-once</c> (load + validate + compile the rule
/// set once, for timing a fresh process). Single thread, Stopwatch and
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/>; notes go to stderr.
/// </summary>
internal static class QuickMode
{
    private const int Units = 1_024;

    public static int Quick()
    {
        var total = Stopwatch.StartNew();
        var data = NationalUnits.Load(Units);
        Note($"loaded the rule set and {data.Count} communes in {total.ElapsedMilliseconds} ms; {Load()}");
        Note(HandVerifier.Verify(data));
        Note(HandVerifier.VerifyReference(data, 128));

        var results = MeasureSideBySide(
            [
                new Runner<HandPath>(new HandPath(data), "hand", Units),
                new Runner<CompiledPath>(new CompiledPath(data), "compiled", Units),
                new Runner<RulesEnginePath>(new RulesEnginePath(data), "rulesengine", 64),
            ],
            TimeSpan.FromSeconds(3),
            rounds: 9,
            TimeSpan.FromMilliseconds(250));
        var (hand, compiled, rulesEngine) = (results[0], results[1], results[2]);

        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"hand\":{Json(hand)},\"compiled\":{Json(compiled)},\"rulesengine\":{Json(rulesEngine)},\"compiled_vs_hand\":{compiled.Ns / hand.Ns:0.00},\"rulesengine_vs_compiled\":{rulesEngine.Ns / compiled.Ns:0.0}}}");
        if (RulesEnginePath.Asynchronous > 0)
        {
            Note($"warning: {RulesEnginePath.Asynchronous} RulesEngine evaluations completed asynchronously");
        }

        Note(string.Create(CultureInfo.InvariantCulture, $"on-CPU time of this thread (less sensitive to the machine's load): compiled_vs_hand {compiled.CpuNs / hand.CpuNs:0.00}, rulesengine_vs_compiled {rulesEngine.CpuNs / compiled.CpuNs:0.0}"));
        Note($"quick mode took {total.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine(line);
        return 0;

        static string Json(Result r) => string.Create(CultureInfo.InvariantCulture, $"{{\"ns_per_unit\":{r.Ns:0.0},\"bytes_per_unit\":{r.Bytes:0.0}}}");
    }

    public static int Verify()
    {
        var clock = Stopwatch.StartNew();
        var data = NationalUnits.Load(null);
        Console.WriteLine(HandVerifier.Verify(data));
        Console.WriteLine(HandVerifier.VerifyReference(data, 1_024));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"({NationalUnits.DataFile}, every readable unit; {clock.Elapsed.TotalSeconds:0.0} s)"));
        return 0;
    }

    /// <summary>The compiled path taken apart: copying the values in, the compiled delegate, the scoring plan.</summary>
    public static int Profile()
    {
        var data = NationalUnits.Load(Units);
        Note(HandVerifier.Verify(data));
        var r = MeasureSideBySide(
            [
                new Runner<HandPath>(new HandPath(data), "hand", Units),
                new Runner<CompiledPath>(new CompiledPath(data), "copy + ScoringEngine.Score (whole compiled path)", Units),
                new Runner<CopyPath>(new CopyPath(data), "copy values into the UnitScore", Units),
                new Runner<ClearPath>(new ClearPath(data), "EvaluationBuffer.Clear alone", Units),
                new Runner<EvaluatePath>(new EvaluatePath(data), "copy + CompiledRuleSet.Evaluate (buffer.Clear + delegate)", Units),
                new Runner<PlanPath>(new PlanPath(data), "ScoringPlan.Score alone (on an evaluated buffer)", Units),
            ],
            TimeSpan.FromSeconds(3),
            rounds: 9,
            TimeSpan.FromMilliseconds(200));
        var (hand, compiled, copy, clear, evaluate, plan) = (r[0], r[1], r[2], r[3], r[4], r[5]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            per unit                                  wall ns   on-CPU ns   bytes
            hand-written                             {hand.Ns,8:0}   {hand.CpuNs,8:0}   {hand.Bytes,5:0.0}
            compiled, whole (copy + Score)           {compiled.Ns,8:0}   {compiled.CpuNs,8:0}   {compiled.Bytes,5:0.0}   ({compiled.Ns / hand.Ns:0.00}× hand wall, {compiled.CpuNs / hand.CpuNs:0.00}× on-CPU)
              copy values in                         {copy.Ns,8:0}   {copy.CpuNs,8:0}
              EvaluationBuffer.Clear                 {clear.Ns,8:0}   {clear.CpuNs,8:0}
              compiled delegate (evaluate−copy−clear){evaluate.Ns - copy.Ns - clear.Ns,8:0}   {evaluate.CpuNs - copy.CpuNs - clear.CpuNs,8:0}
              plan (whole − copy − evaluate)         {compiled.Ns - evaluate.Ns,8:0}   {compiled.CpuNs - evaluate.CpuNs,8:0}
            ScoringPlan.Score alone, 1,024 buffers   {plan.Ns,8:0}   {plan.CpuNs,8:0}   {plan.Bytes,5:0.0}   (each unit's own UnitScore: more cache misses)
            """));
        return 0;
    }

    /// <summary>Runs one path alone for a while (for an outside profiler: <c>perf record</c> with <c>DOTNET_PerfMapEnabled=1</c>).</summary>
    public static int Spin(string path, double seconds)
    {
        var data = NationalUnits.Load(Units);
        IRunner runner = path switch
        {
            "hand" => new Runner<HandPath>(new HandPath(data), path, Units),
            "compiled" => new Runner<CompiledPath>(new CompiledPath(data), path, Units),
            "rulesengine" => new Runner<RulesEnginePath>(new RulesEnginePath(data), path, 64),
            _ => throw new ArgumentException($"unknown path '{path}': hand, compiled or rulesengine", nameof(path)),
        };
        Note($"spinning {path} for {seconds} s, pid {Environment.ProcessId}");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            runner.Warm();
        }

        return 0;
    }

    /// <summary>Loads the rule set once and prints how long that took, and how long since the process started.</summary>
    public static int LoadOnce()
    {
        var clock = Stopwatch.StartNew();
        var ruleSet = new RuleSetLoader().LoadOrThrow(NationalUnits.RuleSetDirectory);
        var load = clock.Elapsed.TotalMilliseconds;
        var sinceStart = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load + validate + compile {ruleSet.Id}: {load:0.0} ms in a fresh process ({sinceStart:0} ms since the process started)"));
        return 0;
    }

    private static string Load()
    {
        try
        {
            return "load average " + File.ReadAllText("/proc/loadavg").Trim() + $" on {Environment.ProcessorCount} cores";
        }
        catch (IOException)
        {
            return $"{Environment.ProcessorCount} cores";
        }
    }

    private static void Note(string text) => Console.Error.WriteLine(text);

    /// <summary>Per unit: median wall-clock ns (Stopwatch), bytes allocated on this thread, median ns on the CPU (this thread).</summary>
    private readonly record struct Result(double Ns, double Bytes, double CpuNs);

    /// <summary>Time this thread has spent on a CPU, in ns (Linux: /proc/thread-self/schedstat); -1 where unavailable.</summary>
    private static long ThreadCpuNs()
    {
        try
        {
            var text = File.ReadAllText("/proc/thread-self/schedstat");
            return long.Parse(text.AsSpan(0, text.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    /// <summary>
    /// Measures several paths side by side, single thread: first a warm-up that runs them in turn until the JIT has
    /// stopped compiling (tiered compilation promotes the hot methods in the background, which takes seconds on a
    /// loaded machine; the count of compiled methods must stay still for three turns, after at least
    /// <paramref name="minWarmup"/>, at most 25 s); then <paramref name="rounds"/> rounds, each running every path
    /// for about <paramref name="roundTime"/> in turn, so that the machine's load weighs on all paths alike. Per path:
    /// the median round's ns per unit, and bytes allocated on this thread per unit over all rounds.
    /// </summary>
    private static Result[] MeasureSideBySide(IRunner[] runners, TimeSpan minWarmup, int rounds, TimeSpan roundTime)
    {
        var clock = Stopwatch.StartNew();
        long lastCount = -1;
        var still = 0;
        var turns = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(25))
        {
            foreach (var runner in runners)
            {
                runner.Warm();
            }

            turns++;
            var count = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false);
            still = count == lastCount ? still + 1 : 0;
            lastCount = count;
            if (still >= 3 && clock.Elapsed >= minWarmup)
            {
                break;
            }
        }

        Note(string.Create(CultureInfo.InvariantCulture, $"warm-up: {turns} turns in {clock.Elapsed.TotalSeconds:0.0} s, {(still >= 3 ? "JIT settled" : "JIT still compiling: timed out")} ({lastCount} methods compiled)"));
        foreach (var runner in runners)
        {
            runner.Calibrate(roundTime);
        }

        for (var r = 0; r < rounds; r++)
        {
            foreach (var runner in runners)
            {
                runner.Round();
            }
        }

        return [.. runners.Select(runner => runner.Result())];
    }

    private interface IRunner
    {
        void Warm();

        void Calibrate(TimeSpan roundTime);

        void Round();

        Result Result();
    }

    /// <summary>Runs one path over the units, cycling; <typeparamref name="TPath"/> is a struct so that the JIT specialises the loop.</summary>
    private sealed class Runner<TPath>(TPath path, string name, int warmUnits) : IRunner
        where TPath : struct, IPath
    {
        private readonly List<double> _ns = [];
        private readonly List<double> _cpu = [];
        private TPath _path = path;
        private int _next;
        private int _perRound;
        private long _bytes, _units;

        public void Warm() => Run(warmUnits);

        public void Calibrate(TimeSpan roundTime)
        {
            var start = Stopwatch.GetTimestamp();
            Run(warmUnits);
            var perUnit = Stopwatch.GetElapsedTime(start).TotalNanoseconds / warmUnits;
            _perRound = (int)Math.Clamp(roundTime.TotalNanoseconds / perUnit, 64, 50_000_000);
        }

        public void Round()
        {
            var cpu = ThreadCpuNs();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            Run(_perRound);
            var elapsed = Stopwatch.GetElapsedTime(start);
            _bytes += GC.GetAllocatedBytesForCurrentThread() - before;
            _cpu.Add((double)(ThreadCpuNs() - cpu) / _perRound);
            _units += _perRound;
            _ns.Add(elapsed.TotalNanoseconds / _perRound);
        }

        public Result Result()
        {
            var sorted = _ns.Order().ToArray();
            var cpu = _cpu.Order().ToArray();
            var result = new Result(sorted[sorted.Length / 2], (double)_bytes / _units, cpu[cpu.Length / 2]);
            Note(string.Create(CultureInfo.InvariantCulture, $"{name}: median {result.Ns:0.0} ns/unit (rounds {sorted[0]:0.0}..{sorted[^1]:0.0}, {sorted.Length} × {_perRound} units), {result.Bytes:0.0} B/unit; on-CPU median {result.CpuNs:0.0} ns/unit (rounds {cpu[0]:0.0}..{cpu[^1]:0.0}); checksum {_path.Checksum}"));
            return result;
        }

        private void Run(int count)
        {
            for (var k = 0; k < count; k++)
            {
                _path.Run(_next);
                _next = (_next + 1) & (Units - 1);
            }
        }
    }

    private interface IPath
    {
        decimal Checksum { get; }

        void Run(int i);
    }

    private struct HandPath(NationalUnits data) : IPath
    {
        private readonly CommuneInput[] _inputs = data.Inputs;
        private readonly HandResult _result = new();

        public decimal Checksum { get; private set; }

        public void Run(int i)
        {
            HandScorer.Score(_inputs[i], _result);
            Checksum += _result.Total;
        }
    }

    private struct CompiledPath(NationalUnits data) : IPath
    {
        private readonly NationalUnits _data = data;
        private readonly UnitScore _score = data.NewScore(data.Engine);

        public decimal Checksum { get; private set; }

        public void Run(int i)
        {
            NationalUnits.CopyInto(_data.Values[i], _score.Values);
            _data.Engine.Score(_score, UnitLevel.Xa);
            Checksum += _score.Totals.Points;
        }
    }

    private struct RulesEnginePath(NationalUnits data) : IPath
    {
        private readonly NationalUnits _data = data;
        private readonly UnitScore _score = data.NewScore(data.Reference);

        public decimal Checksum { get; private set; }

        public static int Asynchronous { get; private set; }

        public void Run(int i)
        {
            NationalUnits.CopyInto(_data.Values[i], _score.Values);
            var pending = _data.Reference.EvaluateAsync(_score, UnitLevel.Xa);
            if (!pending.IsCompletedSuccessfully)
            {
                // Never seen: RulesEngine completes synchronously without actions. Counted, since the time of a
                // continuation on another thread would escape this thread's allocation and CPU counters.
                Asynchronous++;
                pending.AsTask().GetAwaiter().GetResult();
            }

            Checksum += _score.Totals.Points;
        }
    }

    private struct CopyPath(NationalUnits data) : IPath
    {
        private readonly NationalUnits _data = data;
        private readonly UnitScore _score = data.NewScore(data.Engine);

        public readonly decimal Checksum => _score.Values.Numbers[0];

        public readonly void Run(int i) => NationalUnits.CopyInto(_data.Values[i], _score.Values);
    }

    private struct EvaluatePath(NationalUnits data) : IPath
    {
        private readonly NationalUnits _data = data;
        private readonly UnitScore _score = data.NewScore(data.Engine);

        public readonly decimal Checksum => _score.Evaluation.Passed.Count(p => p);

        public readonly void Run(int i)
        {
            NationalUnits.CopyInto(_data.Values[i], _score.Values);
            _data.RuleSet.Evaluate(_score.Values, _score.Evaluation);
        }
    }

    private struct ClearPath(NationalUnits data) : IPath
    {
        private readonly UnitScore _score = data.NewScore(data.Engine);

        public readonly decimal Checksum => _score.Evaluation.Count;

        public readonly void Run(int i) => _score.Evaluation.Clear();
    }

    /// <summary>The plan alone: each unit's evaluation buffer is prepared once, outside the measurement.</summary>
    private struct PlanPath : IPath
    {
        private readonly ScoringPlan _plan;
        private readonly UnitScore[] _scores;

        public PlanPath(NationalUnits data)
        {
            _plan = data.Engine.Plan;
            _scores = new UnitScore[Units];
            for (var i = 0; i < Units; i++)
            {
                _scores[i] = data.NewScore(data.Engine);
                NationalUnits.CopyInto(data.Values[i], _scores[i].Values);
                data.RuleSet.Evaluate(_scores[i].Values, _scores[i].Evaluation);
            }

            Checksum = 0;
        }

        public decimal Checksum { get; private set; }

        public void Run(int i)
        {
            var score = _scores[i];
            _plan.Score(score.Values, score.Evaluation, UnitLevel.Xa, score);
            Checksum += score.Totals.Points;
        }
    }
}
