using System.Text;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Scoring;

public sealed class ScoringEngineTests(MethodsRuleSet fixture) : IClassFixture<MethodsRuleSet>
{
    private readonly ScoringEngine _engine = fixture.Set.Engine;

    private static UnitData Unit(params (string Name, object? Value)[] values)
        => new("X01", "Xã Một", UnitLevel.Xa, null, values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));

    [Fact]
    public async Task ScoreAsync_HostUnitWithNfdText_IsReadAfterNfc()
    {
        // A host application may build UnitData itself, with text typed on a system that writes NFD.
        var unit = Unit(("daBanHanh", "có".Normalize(NormalizationForm.FormD)), ("xepLoai", "Khá".Normalize(NormalizationForm.FormD)));

        var card = await _engine.ScoreAsync(unit);

        Assert.DoesNotContain(card.Problems, p => p.Input is "daBanHanh" or "xepLoai");
        Assert.Equal(CriterionStatus.Met, card.Criterion("PF").Status);
        Assert.Equal(1m, card.Criterion("CHOICE").Points);
    }

    [Fact]
    public async Task ScoreAsync_UnitFromAFile_ProblemsNameTheFileAndRow()
    {
        var unit = Unit(("tyLe", "120")) with { Source = new UnitSource("du-lieu.csv", 4) };

        var card = await _engine.ScoreAsync(unit);

        var invalid = Assert.Single(card.Problems, p => p.Kind == DataProblemKind.Invalid);
        Assert.Equal(("tyLe", "du-lieu.csv", 4), (invalid.Input, invalid.File, invalid.Row));
        Assert.All(card.Problems, p => Assert.Equal(("du-lieu.csv", 4), (p.File, p.Row)));
    }

    [Fact]
    public async Task ScoreAsync_Problems_AreInManifestInputOrder()
    {
        var card = await _engine.ScoreAsync(Unit(("soViPham", "-2"), ("daBanHanh", "có lẽ")));

        var expected = fixture.Set.RuleSet.Inputs.Select(i => i.Name).ToList();
        var actual = card.Problems.Select(p => p.Input).ToList();
        Assert.Equal(actual.OrderBy(expected.IndexOf), actual);
        Assert.Equal(expected.Count, actual.Count); // every input is either missing or invalid here
    }

    [Fact]
    public async Task ScoreAsync_Card_RecordsTheRuleSetAndUnit()
    {
        var card = await _engine.ScoreAsync(Unit() with { Parent = "H01" });

        Assert.Equal(TempRuleSet.Id, card.RuleSet.Id);
        Assert.Equal("1.0.0", card.RuleSet.Version);
        Assert.Equal(fixture.Set.RuleSet.Sha256, card.RuleSet.Sha256);
        Assert.Matches("^[0-9a-f]{64}$", card.RuleSet.Sha256);
        Assert.Equal(new UnitInfo("X01", "Xã Một", "xa", "H01"), card.Unit);
    }

    [Fact]
    public async Task ScoreManyAsync_Units_ReturnsCardsInInputOrder()
    {
        var units = Enumerable.Range(0, 40).Select(i => Unit(("soSangKien", i % 6)) with { Code = $"X{i:00}" }).ToList();

        var cards = new List<ScoreCard>();
        await foreach (var card in _engine.ScoreManyAsync(units, maxDegreeOfParallelism: 3))
        {
            cards.Add(card);
        }

        Assert.Equal(units.Select(u => u.Code), cards.Select(c => c.Unit.Code));
        Assert.Equal(units.Select(u => Math.Min((int)u.Values["soSangKien"]! * 0.5m, 2m)), cards.Select(c => c.Criterion("PER_ITEM").Points));
    }
}

/// <summary>ScoreManyAsync must not score more units at once than it is allowed to.</summary>
public sealed class ScoreManyParallelismTests(MethodsRuleSet fixture) : IClassFixture<MethodsRuleSet>
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ScoreManyAsync_MaxDegreeOfParallelism_BoundsUnitsScoredAtOnce(int parallelism)
    {
        var tracker = new ConcurrencyTracker();
        var units = Enumerable.Range(0, 12)
            .Select(i => new UnitData($"X{i:00}", "Xã", UnitLevel.Xa, null, new TrackingValues(tracker, ("soSangKien", (object?)i))))
            .ToList();

        var codes = new List<string>();
        await foreach (var card in fixture.Set.Engine.ScoreManyAsync(units, parallelism))
        {
            codes.Add(card.Unit.Code);
        }

        Assert.Equal(units.Select(u => u.Code), codes);
        Assert.InRange(tracker.Max, 1, parallelism);
    }

    private sealed class ConcurrencyTracker
    {
        private int _current;
        private int _max;

        public int Max => Volatile.Read(ref _max);

        public void Enter()
        {
            var now = Interlocked.Increment(ref _current);
            int seen;
            while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }
        }

        public void Leave() => Interlocked.Decrement(ref _current);
    }

    /// <summary>A unit's values that take a little time to read, and count how many units are being read at once.</summary>
    private sealed class TrackingValues(ConcurrencyTracker tracker, params (string Key, object? Value)[] values) : IReadOnlyDictionary<string, object?>
    {
        private readonly Dictionary<string, object?> _values = values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

        public object? this[string key] => _values[key];

        public IEnumerable<string> Keys => _values.Keys;

        public IEnumerable<object?> Values => _values.Values;

        public int Count => _values.Count;

        public bool ContainsKey(string key) => _values.ContainsKey(key);

        public bool TryGetValue(string key, out object? value)
        {
            tracker.Enter();
            try
            {
                Thread.Sleep(3);
                return _values.TryGetValue(key, out value);
            }
            finally
            {
                tracker.Leave();
            }
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
