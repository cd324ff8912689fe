using Cchc.Rules;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Scoring;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Analysis;

/// <summary>One unit's result under one rule set: totals, grade and rank.</summary>
/// <param name="Points">Points earned.</param>
/// <param name="MaxPoints">Points that could be earned.</param>
/// <param name="Index">The index, when the unit has one.</param>
/// <param name="Grade">The grade, when the unit has one.</param>
/// <param name="Rank">Competition rank among the units scored under this rule set (its tie-breaks).</param>
public sealed record ImpactSide(decimal Points, decimal MaxPoints, decimal? Index, string? Grade, int? Rank);

/// <summary>A criterion whose points differ between the two rule sets (a missing side is null).</summary>
/// <param name="CriterionId">The criterion id.</param>
/// <param name="Before">Points under the old rule set.</param>
/// <param name="After">Points under the new rule set.</param>
public sealed record CriterionImpact(string CriterionId, decimal? Before, decimal? After)
{
    /// <summary>After minus before (a missing side counts as 0).</summary>
    public decimal Change => (After ?? 0) - (Before ?? 0);
}

/// <summary>One unit under both rule sets. A side is null when that side's rule set rejected the unit's row.</summary>
/// <param name="Code">Unit code.</param>
/// <param name="Name">Unit name.</param>
/// <param name="Before">Under the old rule set.</param>
/// <param name="After">Under the new rule set.</param>
/// <param name="Causes">Leaf criteria whose points differ, largest change first.</param>
public sealed record UnitImpact(string Code, string Name, ImpactSide? Before, ImpactSide? After, IReadOnlyList<CriterionImpact> Causes)
{
    /// <summary>Places gained (positive) or lost (negative); null unless ranked under both.</summary>
    public int? RankMove => Before?.Rank is { } b && After?.Rank is { } a ? b - a : null;
}

/// <summary>One cell of the old grade × new grade matrix ("—" for no grade).</summary>
/// <param name="OldGrade">Grade under the old rule set.</param>
/// <param name="NewGrade">Grade under the new rule set.</param>
/// <param name="Count">Units scored under both with these grades.</param>
public sealed record GradeTransition(string OldGrade, string NewGrade, int Count);

/// <summary>
/// What replacing one rule set by another does to the same data: every unit scored under both, the criteria that
/// cause each change, the grade matrix, the largest rank moves and the correlation of the two rankings.
/// </summary>
public sealed class RuleSetImpact
{
    /// <summary>How many rank moves each direction lists.</summary>
    public const int MoveCount = 10;

    /// <summary>The label of "no grade" in the grade matrix.</summary>
    public const string NoGrade = "—";

    private RuleSetImpact()
    {
    }

    /// <summary>The old rule set.</summary>
    public required CompiledRuleSet Old { get; init; }

    /// <summary>The new rule set.</summary>
    public required CompiledRuleSet New { get; init; }

    /// <summary>How the data read under the old rule set (rejections, column problems).</summary>
    public required UnitReadSummary OldRead { get; init; }

    /// <summary>How the data read under the new rule set.</summary>
    public required UnitReadSummary NewRead { get; init; }

    /// <summary>Every unit accepted by at least one side, by code (ordinal).</summary>
    public required IReadOnlyList<UnitImpact> Units { get; init; }

    /// <summary>Old grade × new grade over the units scored under both, in the rule sets' grade order.</summary>
    public required IReadOnlyList<GradeTransition> GradeMatrix { get; init; }

    /// <summary>The units that rose most (at most <see cref="MoveCount"/>), largest first.</summary>
    public required IReadOnlyList<UnitImpact> LargestRises { get; init; }

    /// <summary>The units that fell most (at most <see cref="MoveCount"/>), largest first.</summary>
    public required IReadOnlyList<UnitImpact> LargestFalls { get; init; }

    /// <summary>Units ranked under both rule sets (the correlations' sample).</summary>
    public required int RankedInBoth { get; init; }

    /// <summary>Spearman's rho of the two rankings (average ranks for ties); null below two units or with no spread.</summary>
    public required double? Spearman { get; init; }

    /// <summary>Kendall's tau-b of the two rankings (ties handled); null below two units or with no spread.</summary>
    public required double? Kendall { get; init; }

    /// <summary>Inputs that the new rule set declares and reads but that no accepted unit of the data has a value for.</summary>
    public required IReadOnlyList<string> MissingInputs { get; init; }

    /// <summary>Scores every unit of the data under both rule sets, each side read through its own pipeline.</summary>
    /// <param name="oldEngine">The engine of the old rule set.</param>
    /// <param name="newEngine">The engine of the new rule set.</param>
    /// <param name="dataPaths">The data files.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<RuleSetImpact> AnalyzeAsync(ScoringEngine oldEngine, ScoringEngine newEngine, IReadOnlyList<string> dataPaths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(oldEngine);
        ArgumentNullException.ThrowIfNull(newEngine);
        ArgumentNullException.ThrowIfNull(dataPaths);
        var before = await ScoreSide(oldEngine, dataPaths, false, cancellationToken).ConfigureAwait(false);
        var after = await ScoreSide(newEngine, dataPaths, true, cancellationToken).ConfigureAwait(false);

        var codes = before.ByCode.Keys.Union(after.ByCode.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var units = new List<UnitImpact>(codes.Count);
        foreach (var code in codes)
        {
            var b = before.ByCode.GetValueOrDefault(code);
            var a = after.ByCode.GetValueOrDefault(code);
            units.Add(new UnitImpact(code, (a ?? b)!.Name, b?.Side(before.Ranks), a?.Side(after.Ranks), b is not null && a is not null ? Causes(before.LeafIds!, b.Leaves, after.LeafIds!, a.Leaves) : []));
        }

        var both = units.Where(u => u.Before is not null && u.After is not null).ToList();
        var gradeOrder = before.RuleSet.Grades.Select(g => g.Name).Concat(after.RuleSet.Grades.Select(g => g.Name)).Append(NoGrade).Distinct(StringComparer.Ordinal).ToList();
        var matrix = both.GroupBy(u => (Old: u.Before!.Grade ?? NoGrade, New: u.After!.Grade ?? NoGrade))
            .Select(g => new GradeTransition(g.Key.Old, g.Key.New, g.Count()))
            .OrderBy(t => Position(gradeOrder, t.OldGrade)).ThenBy(t => Position(gradeOrder, t.NewGrade))
            .ThenBy(t => t.OldGrade, StringComparer.Ordinal).ThenBy(t => t.NewGrade, StringComparer.Ordinal)
            .ToList();
        var ranked = both.Where(u => u.RankMove is not null).ToList();
        var rises = ranked.Where(u => u.RankMove > 0).OrderByDescending(u => u.RankMove).ThenBy(u => u.Code, StringComparer.Ordinal).Take(MoveCount).ToList();
        var falls = ranked.Where(u => u.RankMove < 0).OrderBy(u => u.RankMove).ThenBy(u => u.Code, StringComparer.Ordinal).Take(MoveCount).ToList();
        var x = ranked.Select(u => (double)u.Before!.Rank!.Value).ToArray();
        var y = ranked.Select(u => (double)u.After!.Rank!.Value).ToArray();
        return new RuleSetImpact
        {
            Old = before.RuleSet,
            New = after.RuleSet,
            OldRead = before.Summary,
            NewRead = after.Summary,
            Units = units,
            GradeMatrix = matrix,
            LargestRises = rises,
            LargestFalls = falls,
            RankedInBoth = ranked.Count,
            Spearman = SpearmanRho(x, y),
            Kendall = KendallTauB(x, y),
            MissingInputs = after.MissingInputs,
        };
    }

    /// <summary>Spearman's rho: the Pearson correlation of the average ranks of two samples.</summary>
    /// <param name="x">First sample.</param>
    /// <param name="y">Second sample, paired with the first.</param>
    /// <returns>Rho, or null when fewer than two pairs or either sample has no spread.</returns>
    public static double? SpearmanRho(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException("The samples differ in length.", nameof(y));
        }

        return x.Count < 2 ? null : Pearson(AverageRanks(x), AverageRanks(y));
    }

    /// <summary>Kendall's tau-b, which corrects for ties in either sample.</summary>
    /// <param name="x">First sample.</param>
    /// <param name="y">Second sample, paired with the first.</param>
    /// <returns>Tau-b, or null when fewer than two pairs or either sample has no spread.</returns>
    public static double? KendallTauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException("The samples differ in length.", nameof(y));
        }

        long concordant = 0, discordant = 0, tiedX = 0, tiedY = 0, pairs = 0;
        for (var i = 0; i < x.Count; i++)
        {
            for (var j = i + 1; j < x.Count; j++)
            {
                var dx = Math.Sign(x[i] - x[j]);
                var dy = Math.Sign(y[i] - y[j]);
                pairs++;
                if (dx == 0)
                {
                    tiedX++;
                }

                if (dy == 0)
                {
                    tiedY++;
                }

                if (dx * dy > 0)
                {
                    concordant++;
                }
                else if (dx * dy < 0)
                {
                    discordant++;
                }
            }
        }

        var denominator = Math.Sqrt((double)(pairs - tiedX) * (pairs - tiedY));
        return denominator == 0 ? null : (concordant - discordant) / denominator;
    }

    private static int Position(List<string> order, string grade) => order.IndexOf(grade);

    private static double[] AverageRanks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var average = ((start + 1) + (end + 1)) / 2.0;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = average;
            }

            start = end + 1;
        }

        return ranks;
    }

    /// <summary>Pearson's correlation; null when either sample has no spread. Shared with the sensitivity analysis.</summary>
    internal static double? Pearson(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx == 0 || syy == 0 ? null : sxy / Math.Sqrt(sxx * syy);
    }

    private static List<CriterionImpact> Causes(string[] oldIds, decimal[] oldPoints, string[] newIds, decimal[] newPoints)
    {
        var after = new Dictionary<string, decimal>(StringComparer.Ordinal);
        for (var i = 0; i < newIds.Length; i++)
        {
            after[newIds[i]] = newPoints[i];
        }

        var causes = new List<CriterionImpact>();
        for (var i = 0; i < oldIds.Length; i++)
        {
            decimal? a = after.Remove(oldIds[i], out var value) ? value : null;
            if (a != oldPoints[i])
            {
                causes.Add(new CriterionImpact(oldIds[i], oldPoints[i], a));
            }
        }

        causes.AddRange(after.Where(p => p.Value != 0).Select(p => new CriterionImpact(p.Key, null, p.Value)));
        causes.Sort((p, q) =>
        {
            var byMagnitude = Math.Abs(q.Change).CompareTo(Math.Abs(p.Change));
            return byMagnitude != 0 ? byMagnitude : string.CompareOrdinal(p.CriterionId, q.CriterionId);
        });
        return causes;
    }

    private static async Task<SideResult> ScoreSide(ScoringEngine engine, IReadOnlyList<string> dataPaths, bool findMissing, CancellationToken cancellationToken)
    {
        var ruleSet = engine.RuleSet;
        var batch = await new UnitPipeline(ruleSet).ReadAllAsync(dataPaths, cancellationToken).ConfigureAwait(false);
        var units = batch.Units;
        var kept = new Kept[units.Count];
        var standings = new UnitStanding[units.Count];

        // The compact core, as `cchc rank` uses it: no card (its sentences cost far more than the scoring), one reused
        // result, and per unit only the totals, the grade and the points of each leaf criterion.
        var plan = engine.Plan;
        var leafIndexes = Enumerable.Range(0, plan.Count).Where(i => plan.Definition(i).Children.Count == 0).ToArray();
        var leafIds = leafIndexes.Select(i => plan.Definition(i).Id).ToArray();
        var score = new UnitScore(plan);
        for (var i = 0; i < units.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await engine.ScoreIntoAsync(units[i], score, cancellationToken).ConfigureAwait(false);
            var standing = UnitStanding.Of(units[i], score, null, i);
            var leaves = new decimal[leafIndexes.Length];
            for (var k = 0; k < leafIndexes.Length; k++)
            {
                leaves[k] = score.Shown[leafIndexes[k]] ? score.Points[leafIndexes[k]] : 0m;
            }

            standings[i] = standing;
            kept[i] = new Kept(standing.Code, standing.Name, standing.Points, standing.MaxPoints, standing.Index, standing.Grade, leaves);
        }

        var ranks = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var row in UnitRanker.RankStandings(standings, ruleSet))
        {
            ranks[row.Standing.Code] = row.Rank;
        }

        var byCode = new Dictionary<string, Kept>(StringComparer.Ordinal);
        foreach (var k in kept)
        {
            byCode.TryAdd(k.Code, k);
        }

        IReadOnlyList<string> missing = [];
        if (findMissing)
        {
            var read = Cchc.Rules.Model.CriterionTree.Flatten(ruleSet.Criteria).SelectMany(c => c.Inputs).ToHashSet(StringComparer.Ordinal);
            missing = [.. ruleSet.Inputs.Select(i => i.Name)
                .Where(name => read.Contains(name) && !units.Any(u => u.Values.TryGetValue(name, out var v) && v is not null && !(v is string s && s.Length == 0)))
                .Order(StringComparer.Ordinal)];
        }

        return new SideResult(ruleSet, batch.Summary, byCode, ranks, leafIds, missing);
    }

    private sealed record SideResult(CompiledRuleSet RuleSet, UnitReadSummary Summary, Dictionary<string, Kept> ByCode, Dictionary<string, int?> Ranks, string[]? LeafIds, IReadOnlyList<string> MissingInputs);

    private sealed record Kept(string Code, string Name, decimal Points, decimal MaxPoints, decimal? Index, string? Grade, decimal[] Leaves)
    {
        public ImpactSide Side(Dictionary<string, int?> ranks) => new(Points, MaxPoints, Index, Grade, ranks.GetValueOrDefault(Code));
    }
}
