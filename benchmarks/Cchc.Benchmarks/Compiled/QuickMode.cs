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

        var hand = Measure(new HandPath(data), "hand", TimeSpan.FromSeconds(1), rounds: 7, TimeSpan.FromMilliseconds(300));
        var compiled = Measure(new CompiledPath(data), "compiled", TimeSpan.FromSeconds(1), rounds: 7, TimeSpan.FromMilliseconds(300));
        var rulesEngine = Measure(new RulesEnginePath(data), "rulesengine", TimeSpan.FromSeconds(1), rounds: 5, TimeSpan.FromMilliseconds(300));

        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"hand\":{Json(hand)},\"compiled\":{Json(compiled)},\"rulesengine\":{Json(rulesEngine)},\"compiled_vs_hand\":{compiled.Ns / hand.Ns:0.00},\"rulesengine_vs_compiled\":{rulesEngine.Ns / compiled.Ns:0.0}}}");
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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"({NationalUnits.DataFile}, every readable unit; {clock.Elapsed.TotalSeconds:0.0} s)"));
        return 0;
    }

    /// <summary>The compiled path taken apart: copying the values in, the compiled delegate, the scoring plan.</summary>
    public static int Profile()
    {
        var data = NationalUnits.Load(Units);
        Note(HandVerifier.Verify(data));
        var warm = TimeSpan.FromSeconds(1);
        var round = TimeSpan.FromMilliseconds(300);
        var hand = Measure(new HandPath(data), "hand", warm, 7, round);
        var copy = Measure(new CopyPath(data), "copy values into the UnitScore", warm, 7, round);
        var evaluate = Measure(new EvaluatePath(data), "copy + CompiledRuleSet.Evaluate (buffer.Clear + delegate)", warm, 7, round);
        var clear = Measure(new ClearPath(data), "EvaluationBuffer.Clear alone", warm, 7, round);
        var plan = Measure(new PlanPath(data), "ScoringPlan.Score alone (on an evaluated buffer)", warm, 7, round);
        var compiled = Measure(new CompiledPath(data), "copy + ScoringEngine.Score (whole compiled path)", warm, 7, round);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            hand-written                         {hand.Ns,8:0.0} ns  {hand.Bytes,6:0.0} B
            compiled, whole                      {compiled.Ns,8:0.0} ns  {compiled.Bytes,6:0.0} B  ({compiled.Ns / hand.Ns:0.00}× hand)
              copy values in                     {copy.Ns,8:0.0} ns
              EvaluationBuffer.Clear             {clear.Ns,8:0.0} ns
              compiled delegate (evaluate−copy−clear) {evaluate.Ns - copy.Ns - clear.Ns,8:0.0} ns
              ScoringPlan.Score                  {plan.Ns,8:0.0} ns  {plan.Bytes,6:0.0} B
            """));
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

    private readonly record struct Result(double Ns, double Bytes);

    /// <summary>
    /// Runs <paramref name="path"/> for <paramref name="warmup"/> (at least two passes over the units), then
    /// <paramref name="rounds"/> rounds of whole passes lasting at least <paramref name="roundTime"/> each; the median
    /// round's ns per unit, and bytes allocated on this thread per unit over all rounds.
    /// </summary>
    private static Result Measure<TPath>(TPath path, string name, TimeSpan warmup, int rounds, TimeSpan roundTime)
        where TPath : struct, IPath
    {
        var clock = Stopwatch.StartNew();
        var passes = 0;
        while (passes < 2 || clock.Elapsed < warmup)
        {
            Pass(ref path);
            passes++;
        }

        // Passes per round from the warm-up's pace.
        var perRound = Math.Max(1, (int)Math.Ceiling(roundTime.TotalMilliseconds / (clock.Elapsed.TotalMilliseconds / passes)));
        var ns = new double[rounds];
        long bytes = 0, units = 0;
        for (var r = 0; r < rounds; r++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            for (var p = 0; p < perRound; p++)
            {
                Pass(ref path);
            }

            var elapsed = Stopwatch.GetElapsedTime(start);
            bytes += GC.GetAllocatedBytesForCurrentThread() - before;
            units += (long)perRound * Units;
            ns[r] = elapsed.TotalNanoseconds / ((long)perRound * Units);
        }

        Array.Sort(ns);
        var result = new Result(ns[rounds / 2], (double)bytes / units);
        Note(string.Create(CultureInfo.InvariantCulture, $"{name}: median {result.Ns:0.0} ns/unit (rounds {ns[0]:0.0}..{ns[^1]:0.0}, {rounds} × {perRound} × {Units} units), {result.Bytes:0.0} B/unit, checksum {path.Checksum}"));
        return result;

        static void Pass(ref TPath path)
        {
            for (var i = 0; i < Units; i++)
            {
                path.Run(i);
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

        public void Run(int i)
        {
            NationalUnits.CopyInto(_data.Values[i], _score.Values);
            var pending = _data.Reference.EvaluateAsync(_score, UnitLevel.Xa);
            if (!pending.IsCompletedSuccessfully)
            {
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
