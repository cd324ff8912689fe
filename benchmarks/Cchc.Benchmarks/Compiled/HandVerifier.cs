using System.Globalization;
using System.Text;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Scoring;

namespace Cchc.Benchmarks.Compiled;

/// <summary>
/// Proves the hand-written scorer equal to the compiled path: for every unit, every criterion's status, points and
/// maximum, every area's points and maximum, and the base points, maximum, bonus, penalty, total, index and grade.
/// Throws (with the first differences) on any mismatch.
/// </summary>
internal static class HandVerifier
{
    /// <summary>Checks every unit of <paramref name="data"/>; returns a one-line summary (units, criteria, statuses seen).</summary>
    public static string Verify(NationalUnits data)
    {
        var ruleSet = data.RuleSet;
        var problems = new StringBuilder();
        var mismatches = 0;

        void Problem(string text)
        {
            mismatches++;
            if (mismatches <= 25)
            {
                problems.AppendLine(text);
            }
        }

        // The hand scorer's constant indexes must be the engine's flattened order.
        if (ruleSet.Flattened.Count != HandScorer.CriterionCount)
        {
            Problem($"the rule set has {ruleSet.Flattened.Count} criteria, the hand scorer {HandScorer.CriterionCount}");
        }

        for (var k = 0; k < HandScorer.Ids.Length; k++)
        {
            if (!ruleSet.CriterionIndex.TryGetValue(HandScorer.Ids[k], out var index) || index != k)
            {
                Problem($"criterion {HandScorer.Ids[k]}: hand index {k}, engine index {(ruleSet.CriterionIndex.TryGetValue(HandScorer.Ids[k], out var j) ? j : -1)}");
            }
        }

        if (!ruleSet.Areas.Select(a => a.Id).SequenceEqual(HandScorer.AreaIds))
        {
            Problem("the rule set's areas are not the hand scorer's");
        }

        if (mismatches > 0)
        {
            throw new InvalidOperationException($"Hand-written scorer does not match the rule set's shape:{Environment.NewLine}{problems}");
        }

        var score = data.NewScore(data.Engine);
        var hand = new HandResult();
        var statuses = new int[Enum.GetValues<CriterionStatus>().Length];
        for (var u = 0; u < data.Count; u++)
        {
            NationalUnits.CopyInto(data.Values[u], score.Values);
            data.Engine.Score(score, UnitLevel.Xa);
            HandScorer.Score(data.Inputs[u], hand);
            var code = data.Units[u].Code;
            for (var i = 0; i < HandScorer.CriterionCount; i++)
            {
                statuses[(int)score.Status[i]]++;
                if (score.Status[i] != hand.Status[i] || score.Points[i] != hand.Points[i] || score.MaxPoints[i] != hand.MaxPoints[i])
                {
                    Problem($"unit {code}, {HandScorer.Ids[i]}: compiled {score.Status[i]} {score.Points[i]}/{score.MaxPoints[i]}, hand {hand.Status[i]} {hand.Points[i]}/{hand.MaxPoints[i]}");
                }
            }

            for (var a = 0; a < HandScorer.AreaCount; a++)
            {
                if (score.AreaPoints[a] != hand.AreaPoints[a] || score.AreaMaxPoints[a] != hand.AreaMaxPoints[a])
                {
                    Problem($"unit {code}, area {HandScorer.AreaIds[a]}: compiled {score.AreaPoints[a]}/{score.AreaMaxPoints[a]}, hand {hand.AreaPoints[a]}/{hand.AreaMaxPoints[a]}");
                }
            }

            var t = score.Totals;
            if (t.BasePoints != hand.BasePoints || t.MaxPoints != hand.MaxTotal || t.Bonus != hand.Bonus || t.Penalty != hand.Penalty
                || t.Points != hand.Total || t.Index != hand.Index || t.Grade?.Name != hand.Grade)
            {
                Problem($"unit {code}, totals: compiled base {t.BasePoints}/{t.MaxPoints} +{t.Bonus} -{t.Penalty} = {t.Points}, index {t.Index} {t.Grade?.Name}; "
                    + $"hand base {hand.BasePoints}/{hand.MaxTotal} +{hand.Bonus} -{hand.Penalty} = {hand.Total}, index {hand.Index} {hand.Grade}");
            }
        }

        if (mismatches > 0)
        {
            throw new InvalidOperationException($"Hand-written scorer differs from the compiled path ({mismatches} differences; first ones):{Environment.NewLine}{problems}");
        }

        var seen = string.Join(", ", Enum.GetValues<CriterionStatus>().Where(s => statuses[(int)s] > 0).Select(s => $"{s} {statuses[(int)s]}"));
        return string.Create(CultureInfo.InvariantCulture, $"hand-written scorer = compiled path on {data.Count} units × {HandScorer.CriterionCount} criteria (status, points, maximum), {HandScorer.AreaCount} areas, totals, index, grade; statuses: {seen}");
    }

    /// <summary>
    /// Checks that the reference engine (RulesEngine) gives the compiled path's result on the first
    /// <paramref name="count"/> units — status, points and maximum of every criterion, areas and totals — so that the
    /// three measured paths compute the same thing. (The Scoring tests hold the two paths equal on every test card.)
    /// </summary>
    public static string VerifyReference(NationalUnits data, int count)
    {
        var compiled = data.NewScore(data.Engine);
        var reference = data.NewScore(data.Reference);
        count = Math.Min(count, data.Count);
        for (var u = 0; u < count; u++)
        {
            NationalUnits.CopyInto(data.Values[u], compiled.Values);
            NationalUnits.CopyInto(data.Values[u], reference.Values);
            data.Engine.Score(compiled, UnitLevel.Xa);
            data.Reference.EvaluateAsync(reference, UnitLevel.Xa).AsTask().GetAwaiter().GetResult();
            var same = compiled.Status.AsSpan().SequenceEqual(reference.Status)
                && compiled.Points.AsSpan().SequenceEqual(reference.Points)
                && compiled.MaxPoints.AsSpan().SequenceEqual(reference.MaxPoints)
                && compiled.AreaPoints.AsSpan().SequenceEqual(reference.AreaPoints)
                && compiled.AreaMaxPoints.AsSpan().SequenceEqual(reference.AreaMaxPoints)
                && compiled.Totals == reference.Totals;
            if (!same)
            {
                throw new InvalidOperationException($"RulesEngine and the compiled path differ on unit {data.Units[u].Code}: totals {reference.Totals} vs {compiled.Totals}");
            }
        }

        return $"RulesEngine path = compiled path on the first {count} units (every criterion, areas, totals)";
    }
}
