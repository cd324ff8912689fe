using Cchc.Rules;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Ranking;

/// <summary>How many rows were read and what became of them.</summary>
/// <param name="Scored">Units scored and ranked.</param>
/// <param name="Rejected">Rows rejected (each counted once, however many of its cells were wrong).</param>
public sealed record RankingSummary(int Scored, int Rejected)
{
    /// <summary>Rows read: always <see cref="Scored"/> + <see cref="Rejected"/>.</summary>
    public int Total => Scored + Rejected;

    /// <inheritdoc />
    public override string ToString() => $"scored {Scored}, rejected {Rejected}, total {Total}";
}

/// <summary>A ranking with everything that did not make it into it: the input of every ranking output.</summary>
public sealed record RankingReport
{
    /// <summary>The rule set that scored the units.</summary>
    public required CompiledRuleSet RuleSet { get; init; }

    /// <summary>The ranked units, in output order.</summary>
    public required IReadOnlyList<RankedUnit> Rows { get; init; }

    /// <summary>Whether units were also ranked within their parent.</summary>
    public bool GroupedByParent { get; init; }

    /// <summary>Why rows were rejected: one entry per bad cell, sorted by file, row and column.</summary>
    public IReadOnlyList<UnitRejection> Rejections { get; init; } = [];

    /// <summary>Problems of the header: missing or unknown columns, reported once each.</summary>
    public IReadOnlyList<UnitRejection> ColumnProblems { get; init; } = [];

    /// <summary>The counts; rejected rows are counted once each.</summary>
    public RankingSummary Summary => new(Rows.Count, Rejections.Select(r => (r.File, r.Row)).Distinct().Count());
}
