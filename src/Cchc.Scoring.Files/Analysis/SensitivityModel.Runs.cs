using Cchc.Rules;
using Cchc.Rules.Compilation;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Scoring;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Analysis;

/// <summary>The runs themselves: the kept figures frozen into arrays, and the worker that ranks one run after another.</summary>
internal sealed partial class SensitivityModel
{
    /// <summary>
    /// The kept figures as plain arrays (the lists frozen once the units are read), and the grade bands of each level as
    /// limits on the index counted in its last decimal (72,45 → 7245 with two decimals), so that a run compares
    /// integers held in doubles: the index rounded half away from zero to the rule set's decimals, as the index is.
    /// </summary>
    private sealed class Frozen
    {
        public Frozen(SensitivityModel model)
        {
            var ruleSet = model._ruleSet;
            AreaCount = model._areaCount;
            AreaPoints = [.. model._areaPoints];
            AreaMax = [.. model._areaMax];
            Max = [.. model._max];
            OutsidePoints = [.. model._outsidePoints];
            OutsideMax = [.. model._outsideMax];
            Adjust = [.. model._adjust];
            EntryStart = [.. model._entryStart];
            EntrySlot = [.. model._entrySlot];
            EntryValue = [.. model._entryValue];
            EntryPoints = [.. model._entryPoints];
            Slots = [.. model._slots];
            PointsDecimals = ruleSet.PointsDecimals;
            Unit = Math.Pow(10, ruleSet.Index.Decimals);
            // Without survey results a unit's index is the criteria on the whole scale (renormalised), or, when the rule
            // set scores a missing survey 0, the criteria component alone on its weight (IndexMath.Index with 0 points).
            Scale = ruleSet.Composition is { Survey: not null, WhenNoSurvey: WhenNoSurvey.Zero } composition
                ? (double)composition.Criteria.Weight
                : (double)ruleSet.Index.Scale;
            Cap = ruleSet.Index.CapAtScale ? (double)(ruleSet.Index.Scale * (decimal)Unit) : double.PositiveInfinity;
            var levels = model._levels.Distinct().ToList();
            Tables = [.. levels.Select(level => ruleSet.Grades.Where(g => g.AppliesTo(level))
                .Select(g => (Band: g, From: (double)(g.From * (decimal)Unit), To: g.To is { } to ? (double)(to * (decimal)Unit) : double.PositiveInfinity))
                .ToArray())];
            TableOf = [.. model._levels.Select(level => levels.IndexOf(level))];
        }

        public int AreaCount { get; }

        public double[] AreaPoints { get; }

        public double[] AreaMax { get; }

        public double[] Max { get; }

        public double[] OutsidePoints { get; }

        public double[] OutsideMax { get; }

        public double[] Adjust { get; }

        public int[] EntryStart { get; }

        public int[] EntrySlot { get; }

        public double[] EntryValue { get; }

        public double[] EntryPoints { get; }

        public Slot[] Slots { get; }

        public int PointsDecimals { get; }

        /// <summary>10^decimals of the index.</summary>
        public double Unit { get; }

        public double Scale { get; }

        /// <summary>The scale in index units when the rule set caps the index at it, else infinity.</summary>
        public double Cap { get; }

        public (GradeBand Band, double From, double To)[][] Tables { get; }

        public int[] TableOf { get; }
    }

    /// <summary>One run's buffers, reused by a worker across the runs it computes.</summary>
    private sealed class Worker(Frozen model, int n, int tieAreaCount)
    {
        private readonly double[] _points = new double[model.AreaCount];
        private readonly double[] _keys = new double[n];
        private readonly double[] _sortKeys = new double[n];
        private readonly double[] _ties = new double[n * tieAreaCount];
        private readonly int[] _order = new int[n];

        public double[] Thresholds { get; } = new double[model.Slots.Length];

        public int[] Ranks { get; } = new int[n];

        public GradeBand?[] Grades { get; } = new GradeBand?[n];

        public long[] GradeChanges { get; } = new long[n];

        public void Rank(int[] unitOf, ReadOnlySpan<double> factors, int[] tieAreas)
        {
            var areaCount = model.AreaCount;
            var areaPoints = model.AreaPoints;
            var areaMax = model.AreaMax;
            var slots = model.Slots;
            var entrySlot = model.EntrySlot;
            var entryValue = model.EntryValue;
            var entryPoints = model.EntryPoints;
            var thresholds = Thresholds;
            var toIndex = model.Scale * model.Unit;
            for (var k = 0; k < unitOf.Length; k++)
            {
                var u = unitOf[k];
                var max = model.Max[u];
                double weightedMax = model.OutsideMax[u], weighted = model.OutsidePoints[u];
                Array.Copy(areaPoints, u * areaCount, _points, 0, areaCount);
                for (var e = model.EntryStart[u]; e < model.EntryStart[u + 1]; e++)
                {
                    var slot = slots[entrySlot[e]];
                    _points[slot.Area] += slot.Points(entryValue[e], thresholds[slot.Number], model.PointsDecimals) - entryPoints[e];
                }

                for (var a = 0; a < areaCount; a++)
                {
                    weighted += factors[a] * _points[a];
                    weightedMax += factors[a] * areaMax[(u * areaCount) + a];
                }

                // Renormalised: the weights scaled back so that the unit's maximum stays what it was. The index is
                // counted in its last decimal; rounding first to 6 decimals there removes the last bits of the double
                // arithmetic (72,4499999… is 72,45), then half away from zero, as IndexMath rounds the index.
                var renormalise = weightedMax > 0 ? max / weightedMax : 1;
                var points = (weighted * renormalise) + model.Adjust[u];
                var index = Math.Min(Math.Round(Math.Round(points / max * toIndex, 6), MidpointRounding.AwayFromZero), model.Cap);
                GradeBand? grade = null;
                foreach (var (band, from, to) in model.Tables[model.TableOf[u]])
                {
                    if (index >= from && index < to)
                    {
                        grade = band;
                        break;
                    }
                }

                Grades[k] = grade;
                _keys[k] = -index;
                for (var t = 0; t < tieAreas.Length; t++)
                {
                    _ties[(k * tieAreas.Length) + t] = tieAreas[t] < 0 ? 0 : Math.Round(factors[tieAreas[t]] * renormalise * _points[tieAreas[t]], 9);
                }

                _order[k] = k;
            }

            // Sorted by index (higher first); equal indexes by the tie-break areas' points (more first). Ranks are
            // competition ranks (1, 2, 2, 4), so the order among fully equal units does not matter.
            var keys = _sortKeys;
            Array.Copy(_keys, keys, keys.Length);
            Array.Sort(keys, _order);
            for (var start = 0; start < _order.Length;)
            {
                var end = start + 1;
                while (end < _order.Length && keys[end] == keys[start])
                {
                    end++;
                }

                if (end - start > 1 && tieAreas.Length > 0)
                {
                    Array.Sort(_order, start, end - start, Comparer<int>.Create(CompareTies));
                }

                start = end;
            }

            for (var i = 0; i < _order.Length; i++)
            {
                var k = _order[i];
                Ranks[k] = i > 0 && _keys[_order[i - 1]] == _keys[k] && CompareTies(_order[i - 1], k) == 0 ? Ranks[_order[i - 1]] : i + 1;
            }

            int CompareTies(int x, int y)
            {
                for (var t = 0; t < tieAreas.Length; t++)
                {
                    var result = _ties[(y * tieAreas.Length) + t].CompareTo(_ties[(x * tieAreas.Length) + t]);
                    if (result != 0)
                    {
                        return result;
                    }
                }

                return 0;
            }
        }
    }
}
