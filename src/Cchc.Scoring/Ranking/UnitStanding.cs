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
    private readonly CompiledRuleSet _ruleSet;

    // Area points then area maxima, in the rule set's area order: one array instead of two.
    private readonly decimal[] _areas;
    private readonly Loss[] _losses;

    private UnitStanding(CompiledRuleSet ruleSet, string code, string name, string level, string? parent, decimal points, decimal maxPoints, decimal? index, string? grade, bool complete, decimal[] areas, Loss[] losses)
    {
        _ruleSet = ruleSet;
        Code = code;
        Name = name;
        Level = level;
        Parent = parent;
        Points = points;
        MaxPoints = maxPoints;
        Index = index;
        Grade = grade;
        Complete = complete;
        _areas = areas;
        _losses = losses;
    }

    /// <summary>The unit's code.</summary>
    public string Code { get; }

    /// <summary>The unit's name.</summary>
    public string Name { get; }

    /// <summary>Its level word: <c>xa</c>, <c>huyen</c> or <c>so</c>.</summary>
    public string Level { get; }

    /// <summary>The code of its parent unit, if any.</summary>
    public string? Parent { get; }

    /// <summary>Total points: base points, plus capped bonus, minus capped penalty.</summary>
    public decimal Points { get; }

    /// <summary>The applicable base maximum for this unit.</summary>
    public decimal MaxPoints { get; }

    /// <summary>The index; null when nothing applies to the unit (it is then ranked last, without a rank).</summary>
    public decimal? Index { get; }

    /// <summary>The grade of the index, if a band holds it.</summary>
    public string? Grade { get; }

    /// <summary>Whether every applicable criterion could be scored (no missing data, no error).</summary>
    public bool Complete { get; }

    /// <summary>The area subtotals, in the rule set's order (made on each call: the standing keeps only the numbers).</summary>
    public IReadOnlyList<AreaScore> Areas => [.. _ruleSet.Areas.Select((a, i) => new AreaScore(a.Id, a.Title, AreaPoints(i), AreaMaxPoints(i)))];

    /// <summary>The criteria that cost the unit most points, most first, at most <see cref="UnitRanker.TopLossCount"/>.</summary>
    public IReadOnlyList<PointLoss> TopLosses => [.. _losses.Select(l => l.ToPointLoss(_ruleSet))];

    /// <summary>Which score card this standing was made from, in arrival order: where a kept card is found again.</summary>
    internal int Sequence { get; init; }

    /// <summary>The points of the rule set's area number <paramref name="area"/>.</summary>
    internal decimal AreaPoints(int area) => _areas[area];

    /// <summary>The applicable maximum of the rule set's area number <paramref name="area"/>.</summary>
    internal decimal AreaMaxPoints(int area) => _areas[_ruleSet.Areas.Count + area];

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

        var areas = new decimal[2 * areaCount];
        for (var i = 0; i < areaCount; i++)
        {
            if (card.Areas[i].Id != ruleSet.Areas[i].Id)
            {
                throw new ArgumentException($"The areas of the card of '{card.Unit.Code}' are not those of rule set '{ruleSet.Id}', in its order.", nameof(card));
            }

            areas[i] = card.Areas[i].Points;
            areas[areaCount + i] = card.Areas[i].MaxPoints;
        }

        var losses = UnitRanker.Costliest(card.Criteria).Select(l => new Loss(l.Order, l.Lost)).ToArray();
        foreach (var loss in losses)
        {
            if (card.Criteria[loss.Criterion].Id != ruleSet.Criteria[loss.Criterion].Id)
            {
                throw new ArgumentException($"The criteria of the card of '{card.Unit.Code}' are not those of rule set '{ruleSet.Id}', in its order.", nameof(card));
            }
        }

        var parent = card.Unit.Parent;
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
            card.Unit.Code,
            card.Unit.Name,
            UnitLevels.TryParse(card.Unit.Level, out var level) ? level.ToCode() : card.Unit.Level,
            parent,
            card.Points,
            card.MaxPoints,
            card.Index,
            ruleSet.Grades.FirstOrDefault(g => g.Name == card.Grade)?.Name ?? card.Grade,
            card.Complete,
            areas,
            losses)
        {
            Sequence = sequence,
        };
    }

    /// <summary>A lost amount and the criterion's place in the rule set (its id, title and area are the rule set's).</summary>
    private readonly record struct Loss(int Criterion, decimal Lost)
    {
        public PointLoss ToPointLoss(CompiledRuleSet ruleSet)
        {
            var criterion = ruleSet.Criteria[Criterion];
            return new PointLoss(criterion.Id, criterion.Title, criterion.Area, Lost);
        }
    }
}
