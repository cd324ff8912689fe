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
    private readonly bool _surveyMissing;

    private UnitStanding(CompiledRuleSet ruleSet, string code, string name, string level, string? parent, string? grade, bool complete, bool hasIndex, PackedDecimals figures, int losses, bool surveyMissing)
    {
        _surveyMissing = surveyMissing;
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

    /// <summary>
    /// The index's components with their points (e.g. "Điểm thẩm định", "Điểm XHH"), in the rule set's order; empty when
    /// the index is the criteria alone. A survey component's points are null when the unit had no survey and the rule
    /// set renormalises.
    /// </summary>
    public IReadOnlyList<Survey.IndexComponentScore> Components
        => _ruleSet.Composition is { } composition
            ? [.. composition.Components.Select((c, i) => new Survey.IndexComponentScore(
                c.Id,
                c.Title,
                c.Source == Cchc.Rules.Model.IndexComponentSource.Criteria ? "criteria" : "survey",
                c.Weight,
                ComponentPoints(i)))]
            : [];

    /// <summary>Whether the index has a survey component and this unit had no usable survey results.</summary>
    public bool SurveyMissing => _surveyMissing;

    private int ComponentsAt => AreasAt + (2 * _ruleSet.Areas.Count);

    private static int ComponentCount(CompiledRuleSet ruleSet) => ruleSet.Composition?.Components.Count ?? 0;

    /// <summary>The points of the index's component number <paramref name="component"/>; null for a survey left out (renormalised).</summary>
    internal decimal? ComponentPoints(int component)
        => _ruleSet.Composition!.Components[component].Source == Cchc.Rules.Model.IndexComponentSource.Survey && _surveyMissing && _ruleSet.Composition.WhenNoSurvey == Cchc.Rules.Model.WhenNoSurvey.Renormalize
            ? null
            : _figures[ComponentsAt + component];

    /// <summary>The criteria that cost the unit most points, most first, at most <see cref="UnitRanker.TopLossCount"/>.</summary>
    public IReadOnlyList<PointLoss> TopLosses
    {
        get
        {
            var losses = new PointLoss[_losses];
            var at = ComponentsAt + ComponentCount(_ruleSet);
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
            sequence,
            i => card.Components?[i].Points,
            card.Survey?.Status == Survey.SurveyStatus.Missing);
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
            sequence,
            i => ruleSet.Composition!.Components[i].Source == Cchc.Rules.Model.IndexComponentSource.Criteria ? totals.CriteriaPoints(ruleSet) : totals.SurveyPoints,
            score.Survey?.Status == Survey.SurveyStatus.Missing);
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
        int sequence,
        Func<int, decimal?> component,
        bool surveyMissing)
    {
        var areaCount = ruleSet.Areas.Count;
        var componentCount = ComponentCount(ruleSet);
        var losses = costliest.ToList();
        var figures = new decimal[AreasAt + (2 * areaCount) + componentCount + (2 * losses.Count)];
        figures[0] = totals.Points;
        figures[1] = totals.MaxPoints;
        figures[2] = totals.Index ?? 0;
        for (var i = 0; i < areaCount; i++)
        {
            var (points, maxPoints) = area(i);
            figures[AreasAt + i] = points;
            figures[AreasAt + areaCount + i] = maxPoints;
        }

        for (var i = 0; i < componentCount; i++)
        {
            figures[AreasAt + (2 * areaCount) + i] = component(i) ?? 0;
        }

        var lossesAt = AreasAt + (2 * areaCount) + componentCount;
        for (var i = 0; i < losses.Count; i++)
        {
            figures[lossesAt + (2 * i)] = losses[i].Order;
            figures[lossesAt + (2 * i) + 1] = losses[i].Lost;
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
            losses.Count,
            surveyMissing)
        {
            Sequence = sequence,
            Kind = unit.Kind?.ToCode(),
        };
    }
}
