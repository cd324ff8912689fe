using Cchc.Rules;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;

namespace Cchc.Scoring.Ranking;

/// <summary>
/// What a ranking keeps of one unit: identity, totals, grade, completeness, the points of every area and the criteria
/// that cost it most — a few hundred bytes, where a full score card with its sentences is tens of kilobytes. A
/// ranking of a million units keeps a million of these and no card.
/// </summary>
/// <remarks>
/// Built in one place, <see cref="Of(ScoreCard, CompiledRuleSet)"/>; nothing here refers to a <see cref="ScoreCard"/>,
/// so a scoring core that produces the totals directly can build a standing without ever making a card.
/// </remarks>
public sealed class UnitStanding
{
    // Every number of the standing in one array: points, maximum, index, the areas' points, the areas' maxima, then
    // (criterion, lost) for each top loss. Packed 8 bytes each when they all fit (they do for any real score), 16
    // otherwise: at a million units the difference is a few hundred megabytes.
    private const int AreasAt = 3;
    private readonly CompiledRuleSet _ruleSet;
    private readonly PackedDecimals _figures;
    private readonly byte _losses;
    private readonly bool _hasIndex;

    private UnitStanding(CompiledRuleSet ruleSet, string code, string name, string level, string? parent, string? grade, bool complete, bool hasIndex, PackedDecimals figures, int losses)
    {
        _ruleSet = ruleSet;
        Code = code;
        Name = name;
        Level = level;
        Parent = parent;
        Grade = grade;
        Complete = complete;
        _hasIndex = hasIndex;
        _figures = figures;
        _losses = (byte)losses;
    }

    /// <summary>The unit's code.</summary>
    public string Code { get; }

    /// <summary>The unit's name.</summary>
    public string Name { get; }

    /// <summary>Its level word: <c>xa</c>, <c>huyen</c> or <c>so</c>.</summary>
    public string Level { get; }

    /// <summary>The code of its parent unit, if any.</summary>
    public string? Parent { get; }

    /// <summary>Its commune kind's file word (<c>xa</c>, <c>phuong</c>, <c>dacKhu</c>) when the data states it; null otherwise.</summary>
    public string? Kind { get; private init; }

    /// <summary>Total points: base points, plus capped bonus, minus capped penalty.</summary>
    public decimal Points => _figures[0];

    /// <summary>The applicable base maximum for this unit.</summary>
    public decimal MaxPoints => _figures[1];

    /// <summary>The index; null when nothing applies to the unit (it is then ranked last, without a rank).</summary>
    public decimal? Index => _hasIndex ? _figures[2] : null;

    /// <summary>The grade of the index, if a band holds it.</summary>
    public string? Grade { get; }

    /// <summary>Whether every applicable criterion could be scored (no missing data, no error).</summary>
    public bool Complete { get; }

    /// <summary>The area subtotals, in the rule set's order (made on each call: the standing keeps only the numbers).</summary>
    public IReadOnlyList<AreaScore> Areas => [.. _ruleSet.Areas.Select((a, i) => new AreaScore(a.Id, a.Title, AreaPoints(i), AreaMaxPoints(i)))];

    /// <summary>The criteria that cost the unit most points, most first, at most <see cref="UnitRanker.TopLossCount"/>.</summary>
    public IReadOnlyList<PointLoss> TopLosses
    {
        get
        {
            var losses = new PointLoss[_losses];
            var at = AreasAt + (2 * _ruleSet.Areas.Count);
            for (var i = 0; i < losses.Length; i++)
            {
                var criterion = _ruleSet.Criteria[(int)_figures[at + (2 * i)]];
                losses[i] = new PointLoss(criterion.Id, criterion.Title, criterion.Area, _figures[at + (2 * i) + 1]);
            }

            return losses;
        }
    }

    /// <summary>Which score card this standing was made from, in arrival order: where a kept card is found again.</summary>
    internal int Sequence { get; init; }

    /// <summary>The points of the rule set's area number <paramref name="area"/>.</summary>
    internal decimal AreaPoints(int area) => _figures[AreasAt + area];

    /// <summary>The applicable maximum of the rule set's area number <paramref name="area"/>.</summary>
    internal decimal AreaMaxPoints(int area) => _figures[AreasAt + _ruleSet.Areas.Count + area];

    /// <summary>The standing of a score card made by <paramref name="ruleSet"/>.</summary>
    /// <exception cref="ArgumentException">The card's areas or criteria are not the rule set's, in its order.</exception>
    public static UnitStanding Of(ScoreCard card, CompiledRuleSet ruleSet) => Of(card, ruleSet, null, 0);

    /// <summary>
    /// The standing of a card; <paramref name="parents"/>, when given, shares one string per parent code across the
    /// units of a run (hundreds of parents, millions of units).
    /// </summary>
    internal static UnitStanding Of(ScoreCard card, CompiledRuleSet ruleSet, Dictionary<string, string>? parents, int sequence)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var areaCount = ruleSet.Areas.Count;
        if (card.Areas.Count != areaCount || card.Criteria.Count != ruleSet.Criteria.Count)
        {
            throw new ArgumentException($"The card of '{card.Unit.Code}' was not made by rule set '{ruleSet.Id}'.", nameof(card));
        }

        for (var i = 0; i < areaCount; i++)
        {
            if (card.Areas[i].Id != ruleSet.Areas[i].Id)
            {
                throw new ArgumentException($"The areas of the card of '{card.Unit.Code}' are not those of rule set '{ruleSet.Id}', in its order.", nameof(card));
            }
        }

        for (var i = 0; i < card.Criteria.Count; i++)
        {
            if (card.Criteria[i].Id != ruleSet.Criteria[i].Id)
            {
                throw new ArgumentException($"The criteria of the card of '{card.Unit.Code}' are not those of rule set '{ruleSet.Id}', in its order.", nameof(card));
            }
        }

        return Build(
            ruleSet,
            (card.Unit.Code, card.Unit.Name, UnitLevels.TryParse(card.Unit.Level, out var level) ? level.ToCode() : card.Unit.Level, card.Unit.Parent, UnitLevels.KindFromCode(card.Unit.Kind)),
            ruleSet.Grades.FirstOrDefault(g => g.Name == card.Grade)?.Name ?? card.Grade,
            card.Complete,
            (card.Points, card.MaxPoints, card.Index),
            i => (card.Areas[i].Points, card.Areas[i].MaxPoints),
            UnitRanker.Costliest(card.Criteria.Select(c => (c.MaxPoints, c.Points))),
            parents,
            sequence);
    }

    /// <summary>
    /// The standing of a unit scored by the compact core, without a card: what <c>cchc rank</c> keeps for CSV, XLSX,
    /// HTML and the table. The same numbers as <see cref="Of(ScoreCard, CompiledRuleSet)"/> gives for that unit's card.
    /// </summary>
    internal static UnitStanding Of(Units.UnitData unit, Scoring.UnitScore score, Dictionary<string, string>? parents, int sequence)
    {
        var ruleSet = score.Plan.RuleSet;
        var top = score.Plan.TopLevelIndexes;
        var totals = score.Totals;
        return Build(
            ruleSet,
            (unit.Code, unit.Name, unit.Level.ToCode(), unit.Parent, unit.Kind),
            totals.Grade?.Name,
            score.Complete,
            (totals.Points, totals.MaxPoints, totals.Index),
            i => (score.AreaPoints[i], score.AreaMaxPoints[i]),
            UnitRanker.Costliest(top.Select(i => (score.MaxPoints[i], score.Points[i]))),
            parents,
            sequence);
    }

    private static UnitStanding Build(
        CompiledRuleSet ruleSet,
        (string Code, string Name, string Level, string? Parent, UnitKind? Kind) unit,
        string? grade,
        bool complete,
        (decimal Points, decimal MaxPoints, decimal? Index) totals,
        Func<int, (decimal Points, decimal MaxPoints)> area,
        IEnumerable<(int Order, decimal Lost)> costliest,
        Dictionary<string, string>? parents,
        int sequence)
    {
        var areaCount = ruleSet.Areas.Count;
        var losses = costliest.ToList();
        var figures = new decimal[AreasAt + (2 * areaCount) + (2 * losses.Count)];
        figures[0] = totals.Points;
        figures[1] = totals.MaxPoints;
        figures[2] = totals.Index ?? 0;
        for (var i = 0; i < areaCount; i++)
        {
            var (points, maxPoints) = area(i);
            figures[AreasAt + i] = points;
            figures[AreasAt + areaCount + i] = maxPoints;
        }

        for (var i = 0; i < losses.Count; i++)
        {
            figures[AreasAt + (2 * areaCount) + (2 * i)] = losses[i].Order;
            figures[AreasAt + (2 * areaCount) + (2 * i) + 1] = losses[i].Lost;
        }

        var parent = unit.Parent;
        if (parent is not null && parents is not null)
        {
            if (!parents.TryGetValue(parent, out var shared))
            {
                parents[parent] = shared = parent;
            }

            parent = shared;
        }

        return new UnitStanding(
            ruleSet,
            unit.Code,
            unit.Name,
            unit.Level,
            parent,
            grade,
            complete,
            totals.Index is not null,
            PackedDecimals.Of(figures),
            losses.Count)
        {
            Sequence = sequence,
            Kind = unit.Kind?.ToCode(),
        };
    }
}
