using System.Globalization;
using Cchc.Rules;
using Cchc.Scoring.Explanations;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Ranking;

/// <summary>How a unit of this year was found in last year's ranking.</summary>
public enum PreviousStatus
{
    /// <summary>One unit of last year, by the same code or through a one-to-one mapping row: index, rank and grade compared.</summary>
    Matched,

    /// <summary>Not in last year's ranking, and no mapping row names it (mới).</summary>
    New,

    /// <summary>Several units of last year merged into it (sáp nhập): compared with the mean of their indexes; no rank or grade change.</summary>
    Merged,

    /// <summary>Made from a part of one unit of last year that was split (chia tách): compared with that unit's index; no rank or grade change.</summary>
    Split,

    /// <summary>The mapping names its predecessors but none is in last year's ranking, or its code is mapped away (không tìm thấy).</summary>
    NotFound,
}

/// <summary>
/// A unit's movement against last year: what it is compared with and the change. Rank and grade are compared only for
/// a unit matched one-to-one: a merged or split unit had no rank of its own last year, and last year's ranks were out
/// of a different population; its predecessors' ranks and grades are listed instead.
/// </summary>
public sealed class PreviousYear
{
    private static readonly PreviousUnit[] None = [];
    private readonly PreviousUnit[] _predecessors;
    private readonly string[]? _missing;

    internal PreviousYear(PreviousStatus status, PreviousUnit[]? predecessors, string[]? missing, decimal? index, decimal? indexChange, int? rankChange, int? gradeChange)
    {
        Status = status;
        _predecessors = predecessors ?? None;
        _missing = missing;
        Index = index;
        IndexChange = indexChange;
        RankChange = rankChange;
        GradeChange = gradeChange;
    }

    /// <summary>How the unit was found.</summary>
    public PreviousStatus Status { get; }

    /// <summary>Last year's units it is compared with (one for a match, the predecessors found for a merged unit).</summary>
    public IReadOnlyList<PreviousUnit> Predecessors => _predecessors;

    /// <summary>Last year's index: the unit's own, or the mean of its predecessors' (rounded as this year's index is).</summary>
    public decimal? Index { get; }

    /// <summary>Last year's rank, for a unit matched one-to-one.</summary>
    public int? Rank => Status == PreviousStatus.Matched ? _predecessors[0].Rank : null;

    /// <summary>Last year's grade, for a unit matched one-to-one.</summary>
    public string? Grade => Status == PreviousStatus.Matched ? _predecessors[0].Grade : null;

    /// <summary>This year's index minus last year's.</summary>
    public decimal? IndexChange { get; }

    /// <summary>Places gained (last year's rank minus this year's: positive = moved up), for a unit matched one-to-one.</summary>
    public int? RankChange { get; }

    /// <summary>+1 when the grade went up, −1 down, 0 the same; null when not comparable (a grade that is not a band of this year's rule set).</summary>
    public int? GradeChange { get; }

    /// <summary>Predecessor codes named by the mapping but not found in last year's ranking.</summary>
    internal IReadOnlyList<string> Missing => _missing ?? [];
}

/// <summary>One unit of last year's ranking, as <c>cchc rank</c> wrote it.</summary>
/// <param name="Code">Its code last year.</param>
/// <param name="Name">Its name last year.</param>
/// <param name="Index">Its index; null when last year's ranking gave none.</param>
/// <param name="Rank">Its rank among last year's units; null when it had none.</param>
/// <param name="Grade">Its grade, if any.</param>
public sealed record PreviousUnit(string Code, string Name, decimal? Index, int? Rank, string? Grade);
