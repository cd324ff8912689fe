using System.Globalization;
using Cchc.Rules;
using Cchc.Scoring.Explanations;
using Cchc.Scoring.Texts;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Ranking;

/// <summary>A count of units that went from one grade last year to one this year (units matched one-to-one).</summary>
/// <param name="From">Last year's grade.</param>
/// <param name="To">This year's grade.</param>
/// <param name="Count">How many units.</param>
public sealed record GradeTransition(string From, string To, int Count);

/// <summary>The movement of the whole ranking against last year.</summary>
/// <param name="Matched">Units matched one-to-one.</param>
/// <param name="New">Units new this year.</param>
/// <param name="Merged">Units merged from several of last year.</param>
/// <param name="Split">Units made from a part of a split unit.</param>
/// <param name="NotFound">Units whose predecessors are not in last year's ranking.</param>
/// <param name="Gone">Last year's units not matched with any unit of this year.</param>
/// <param name="IndexRose">Units (matched, merged, split) whose index rose.</param>
/// <param name="IndexFell">Whose index fell.</param>
/// <param name="IndexSame">Whose index stayed the same.</param>
/// <param name="RankRose">Units matched one-to-one that moved up.</param>
/// <param name="RankFell">That moved down.</param>
/// <param name="RankSame">That kept their rank.</param>
/// <param name="GradeTransitions">Grade last year → grade this year, for units matched one-to-one.</param>
public sealed record PreviousSummary(
    int Matched, int New, int Merged, int Split, int NotFound, int Gone,
    int IndexRose, int IndexFell, int IndexSame, int RankRose, int RankFell, int RankSame,
    IReadOnlyList<GradeTransition> GradeTransitions);

/// <summary>
/// This year's ranking against last year's: the summary and every problem of last year's files and of the mapping,
/// with file, row, column and value. Each row's own movement is <see cref="RankedUnit.Previous"/>.
/// </summary>
public sealed class PreviousComparison
{
    private PreviousComparison(PreviousRanking ranking, PreviousSummary summary, List<UnitRejection> errors, List<UnitRejection> warnings, int population)
    {
        Ranking = ranking;
        Summary = summary;
        Errors = errors;
        Warnings = warnings;
        Population = population;
    }

    /// <summary>Last year's ranking.</summary>
    public PreviousRanking Ranking { get; }

    /// <summary>The counts.</summary>
    public PreviousSummary Summary { get; }

    /// <summary>Bad rows of last year's ranking and of the mapping (skipped), and mapping rows that contradict this year's data.</summary>
    public IReadOnlyList<UnitRejection> Errors { get; }

    /// <summary>Accepted but worth a look: another rule set last year, an old code not in last year's ranking, a split.</summary>
    public IReadOnlyList<UnitRejection> Warnings { get; }

    /// <summary>This year's ranked units (with a rank): what this year's ranks are out of.</summary>
    internal int Population { get; }

    /// <summary>Compares ranked rows with last year's ranking; returns the rows with <see cref="RankedUnit.Previous"/> set.</summary>
    internal static (IReadOnlyList<RankedUnit> Rows, PreviousComparison Comparison) Compare(IReadOnlyList<RankedUnit> rows, PreviousRanking previous, CompiledRuleSet ruleSet)
    {
        var errors = new List<UnitRejection>(previous.LoadErrors);
        var warnings = new List<UnitRejection>(previous.LoadWarnings);
        if (previous.RuleSetId is { } id && (id != ruleSet.Id || previous.RuleSetVersion != ruleSet.Version))
        {
            warnings.Insert(0, new UnitRejection(previous.File, 0, "ruleSet", $"{id} {previous.RuleSetVersion}", FileText.Format(nameof(FileStrings.Previous_OtherRuleSet), id, previous.RuleSetVersion, ruleSet.Id, ruleSet.Version)));
        }

        var codes = new HashSet<string>(rows.Select(r => r.Standing.Code), StringComparer.Ordinal);
        var mapping = previous.Mapping;
        var mappedAway = new HashSet<string>(StringComparer.Ordinal);
        if (mapping is not null)
        {
            foreach (var (newCode, olds) in mapping.Predecessors)
            {
                if (!codes.Contains(newCode))
                {
                    foreach (var (old, row) in olds)
                    {
                        errors.Add(new UnitRejection(mapping.File, row, "newCode", newCode, FileText.Get(nameof(FileStrings.Mapping_NewNotRanked))) { Unit = old });
                    }
                }

                foreach (var (old, row) in olds)
                {
                    if (old != newCode && codes.Contains(old) && !mapping.Successors[old].Contains(old))
                    {
                        mappedAway.Add(old);
                        errors.Add(new UnitRejection(mapping.File, row, "oldCode", old, FileText.Format(nameof(FileStrings.Mapping_MappedAway), old, newCode)) { Unit = old });
                    }
                }
            }
        }

        var decimals = ruleSet.Index.Decimals;
        var gradeOrder = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var band in ruleSet.Grades)
        {
            gradeOrder[band.Name] = gradeOrder.TryGetValue(band.Name, out var from) ? Math.Max(from, band.From) : band.From;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new RankedUnit[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var unit = row.Standing;
            PreviousYear year;
            if (mapping is not null && mapping.Predecessors.TryGetValue(unit.Code, out var olds))
            {
                var found = new List<PreviousUnit>();
                var missing = new List<string>();
                foreach (var (old, _) in olds)
                {
                    used.Add(old);
                    if (previous.UnitsByCode.TryGetValue(old, out var p))
                    {
                        found.Add(p);
                    }
                    else
                    {
                        missing.Add(old);
                    }
                }

                var split = olds.Any(o => mapping.Successors[o.Old].Count > 1);
                var status = found.Count == 0 ? PreviousStatus.NotFound
                    : olds.Count > 1 ? PreviousStatus.Merged
                    : split ? PreviousStatus.Split
                    : PreviousStatus.Matched;
                year = status == PreviousStatus.Matched
                    ? Matched(row, found[0], gradeOrder)
                    : Grouped(row, status, found, missing, decimals);
            }
            else if (mappedAway.Contains(unit.Code))
            {
                year = new PreviousYear(PreviousStatus.NotFound, null, null, null, null, null, null);
            }
            else if (previous.UnitsByCode.TryGetValue(unit.Code, out var same))
            {
                used.Add(unit.Code);
                year = Matched(row, same, gradeOrder);
            }
            else
            {
                year = new PreviousYear(PreviousStatus.New, null, null, null, null, null, null);
            }

            result[i] = row with { Previous = year };
        }

        var summary = Summarise(result, previous.UnitsByCode.Keys.Count(c => !used.Contains(c)), gradeOrder);
        return (result, new PreviousComparison(previous, summary, errors, warnings, rows.Count(r => r.Rank is not null)));
    }

    private static PreviousYear Matched(RankedUnit row, PreviousUnit old, Dictionary<string, decimal> gradeOrder)
    {
        int? gradeChange = row.Standing.Grade is { } grade && old.Grade is { } oldGrade && gradeOrder.TryGetValue(grade, out var to) && gradeOrder.TryGetValue(oldGrade, out var from)
            ? to.CompareTo(from)
            : null;
        return new PreviousYear(
            PreviousStatus.Matched,
            [old],
            null,
            old.Index,
            row.Standing.Index - old.Index,
            row.Rank is { } rank && old.Rank is { } oldRank ? oldRank - rank : null,
            gradeChange);
    }

    private static PreviousYear Grouped(RankedUnit row, PreviousStatus status, List<PreviousUnit> found, List<string> missing, int decimals)
    {
        var indexes = found.Where(p => p.Index is not null).Select(p => p.Index!.Value).ToList();
        decimal? index = indexes.Count == 0 ? null : Math.Round(indexes.Sum() / indexes.Count, decimals, MidpointRounding.AwayFromZero);
        return new PreviousYear(status, [.. found], missing.Count == 0 ? null : [.. missing], index, row.Standing.Index - index, null, null);
    }

    private static PreviousSummary Summarise(RankedUnit[] rows, int gone, Dictionary<string, decimal> gradeOrder)
    {
        int Count(PreviousStatus status) => rows.Count(r => r.Previous!.Status == status);
        var changes = rows.Select(r => r.Previous!.IndexChange).Where(c => c is not null).Select(c => c!.Value).ToList();
        var ranks = rows.Select(r => r.Previous!.RankChange).Where(c => c is not null).Select(c => c!.Value).ToList();
        decimal Order(string grade) => gradeOrder.TryGetValue(grade, out var from) ? from : decimal.MinValue;
        var transitions = rows
            .Where(r => r.Previous!.Status == PreviousStatus.Matched && r.Previous.Grade is not null && r.Standing.Grade is not null)
            .GroupBy(r => (From: r.Previous!.Grade!, To: r.Standing.Grade!))
            .Select(g => new GradeTransition(g.Key.From, g.Key.To, g.Count()))
            .OrderByDescending(t => Order(t.From)).ThenBy(t => t.From, StringComparer.Ordinal)
            .ThenByDescending(t => Order(t.To)).ThenBy(t => t.To, StringComparer.Ordinal)
            .ToList();
        return new PreviousSummary(
            Count(PreviousStatus.Matched), Count(PreviousStatus.New), Count(PreviousStatus.Merged), Count(PreviousStatus.Split), Count(PreviousStatus.NotFound), gone,
            changes.Count(c => c > 0), changes.Count(c => c < 0), changes.Count(c => c == 0),
            ranks.Count(c => c > 0), ranks.Count(c => c < 0), ranks.Count(c => c == 0),
            transitions);
    }

    /// <summary>The status word the outputs print: khớp, mới, sáp nhập, chia tách, không tìm thấy.</summary>
    internal static string Word(PreviousStatus status) => FileText.Get(status switch
    {
        PreviousStatus.Matched => nameof(FileStrings.Previous_WordMatched),
        PreviousStatus.New => nameof(FileStrings.Previous_WordNew),
        PreviousStatus.Merged => nameof(FileStrings.Previous_WordMerged),
        PreviousStatus.Split => nameof(FileStrings.Previous_WordSplit),
        _ => nameof(FileStrings.Previous_WordNotFound),
    });

    /// <summary>The camelCase word of the JSON.</summary>
    internal static string JsonWord(PreviousStatus status) => status switch
    {
        PreviousStatus.Matched => "matched",
        PreviousStatus.New => "new",
        PreviousStatus.Merged => "merged",
        PreviousStatus.Split => "split",
        _ => "notFound",
    };

    /// <summary>The grade change in words: lên, xuống, giữ nguyên (nothing when not comparable).</summary>
    internal static string? GradeWord(int? change) => change switch
    {
        > 0 => FileText.Get(nameof(FileStrings.Previous_GradeUp)),
        < 0 => FileText.Get(nameof(FileStrings.Previous_GradeDown)),
        0 => FileText.Get(nameof(FileStrings.Previous_GradeSame)),
        _ => null,
    };

    /// <summary>An arrow and the amount: ▲ 2,5 / ▼ 1 / = (nothing when there is no change to show).</summary>
    internal static string? Arrow(decimal? change, int decimals) => change switch
    {
        null => null,
        > 0 => "▲ " + VietnameseFormat.Number(change.Value, decimals),
        < 0 => "▼ " + VietnameseFormat.Number(-change.Value, decimals),
        _ => "=",
    };

    /// <summary>The note column: who a merged or split unit is compared with, what was not found, a changed code.</summary>
    internal static string? Note(RankedUnit row, int decimals)
    {
        var year = row.Previous;
        if (year is null)
        {
            return null;
        }

        string Unit(PreviousUnit p)
            => FileText.Format(nameof(FileStrings.Previous_NoteUnit), p.Code, p.Name, p.Index is { } i ? CchcText.Number(i, decimals) : "—", p.Rank is { } r ? r.ToString(CultureInfo.InvariantCulture) : "—", p.Grade ?? "—").Replace("  ", " ", StringComparison.Ordinal);
        var missing = year.Missing.Count == 0 ? "" : FileText.Format(nameof(FileStrings.Previous_NoteMissing), string.Join(", ", year.Missing));
        return year.Status switch
        {
            PreviousStatus.Merged => FileText.Format(nameof(FileStrings.Previous_NoteMerged), year.Predecessors.Count, string.Join("; ", year.Predecessors.Select(Unit)), missing),
            PreviousStatus.Split => FileText.Format(nameof(FileStrings.Previous_NoteSplit), Unit(year.Predecessors[0]), missing),
            PreviousStatus.NotFound => year.Missing.Count > 0
                ? FileText.Format(nameof(FileStrings.Previous_NoteNotFound), string.Join(", ", year.Missing))
                : FileText.Get(nameof(FileStrings.Previous_NoteMappedAway)),
            PreviousStatus.New => FileText.Get(nameof(FileStrings.Previous_NoteNew)),
            _ when year.Predecessors[0].Code != row.Standing.Code => FileText.Format(nameof(FileStrings.Previous_NoteCode), year.Predecessors[0].Code),
            _ => null,
        };
    }

    /// <summary>Last year's rank as a share of last year's ranked units, in percent (1 decimal): comparable across populations.</summary>
    internal decimal? PreviousRankPercent(PreviousYear year)
        => year.Rank is { } rank && Ranking.Ranked > 0 ? Math.Round(100m * rank / Ranking.Ranked, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>This year's rank as a share of this year's ranked units, in percent (1 decimal).</summary>
    internal decimal? RankPercent(RankedUnit row)
        => row.Rank is { } rank && Population > 0 ? Math.Round(100m * rank / Population, 1, MidpointRounding.AwayFromZero) : null;
}
