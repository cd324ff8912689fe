using Cchc.Rules;
using Cchc.Scoring.Cards;
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
/// <remarks>
/// The rows keep each unit's <see cref="UnitStanding"/>, not its score card. A report that can also be written as
/// JSON (which prints every card) refers to the cards kept aside — in a temporary file when made by
/// <see cref="RankingRun"/> with <see cref="RankingOptions.KeepCards"/>, in memory when made by <see cref="Of"/> — and
/// disposing it deletes that file.
/// </remarks>
public sealed record RankingReport : IDisposable
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

    /// <summary>The comparison with last year's ranking, when one was given (<see cref="RankingOptions.Previous"/>).</summary>
    public PreviousComparison? Previous { get; init; }

    /// <summary>What became of the survey results rows, when a survey results file was given.</summary>
    public Survey.SurveyUse? Survey { get; init; }

    /// <summary>How many of <see cref="ColumnProblems"/> are the appraisal sheets' (rows that found no unit, repeated codes, unreadable rows).</summary>
    public int AppraisalProblems { get; init; }

    /// <summary>The counts; rejected rows are counted once each.</summary>
    public RankingSummary Summary => new(Rows.Count, Rejections.Select(r => (r.File, r.Row)).Distinct().Count());

    /// <summary>Whether any unit's data states its commune kind: the outputs then show a kind column (Loại) next to the level.</summary>
    internal bool HasKinds
    {
        get
        {
            // Asked once per written row: remembered for these rows (a `with` copy with other rows asks again).
            if (_kinds is not { } known || !ReferenceEquals(known.Rows, Rows))
            {
                _kinds = known = (Rows, Rows.Any(r => r.Standing.Kind is not null));
            }

            return known.Has;
        }
    }

    private (IReadOnlyList<RankedUnit> Rows, bool Has)? _kinds;

    /// <summary>The full cards behind the rows, when kept: what the JSON output prints.</summary>
    internal RankingCards? Cards { get; init; }

    /// <summary>Ranks score cards the caller holds and keeps them for the JSON output; no row is rejected.</summary>
    /// <param name="cards">The cards, in any order; codes are expected to be unique.</param>
    /// <param name="ruleSet">The rule set that scored them.</param>
    /// <param name="groupByParent">Also rank within each parent unit.</param>
    public static RankingReport Of(IReadOnlyList<ScoreCard> cards, CompiledRuleSet ruleSet, bool groupByParent = false)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(ruleSet);
        return new RankingReport
        {
            RuleSet = ruleSet,
            Rows = UnitRanker.Rank(cards, ruleSet, groupByParent),
            GroupedByParent = groupByParent,
            Cards = new CardsInMemory([.. cards]),
        };
    }

    /// <summary>Deletes the temporary file of the kept cards, if any.</summary>
    public void Dispose() => Cards?.Dispose();
}
