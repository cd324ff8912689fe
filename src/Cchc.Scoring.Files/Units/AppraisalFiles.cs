using System.Globalization;
using Cchc.Rules;
using Cchc.Rules.Model;
using Cchc.Scoring.Texts;

namespace Cchc.Scoring.Units;

/// <summary>
/// The appraisal council's sheets (<c>--appraisal</c>), read whole before the units and merged into them by unit code:
/// one row per unit with per-criterion columns (<c>thamDinh:</c>, <c>nhanXet:</c>, <c>giaiTrinh:</c>,
/// <c>thamDinh2:</c>, <c>tlkc:</c>, <c>tuCham:</c>). Several sheets may be given (round 1, the explanations, round 2):
/// their columns add up (evidence references are joined; any other cell given twice must agree). Nothing is lost: a code that repeats within a sheet, a row whose code no data row has, and a
/// cell that says something else than the data row or another sheet for the same criterion are each reported with
/// file, row, column, value and unit code.
/// </summary>
internal sealed class AppraisalFiles
{
    private readonly Dictionary<string, List<UnitData>> _byCode = new(StringComparer.Ordinal);
    private readonly List<UnitRejection> _problems = [];
    private readonly List<string> _warnings = [];

    /// <exception cref="NotSupportedException">A file is of a kind no reader knows.</exception>
    /// <exception cref="InvalidDataException">An .xlsx file is not a workbook.</exception>
    public AppraisalFiles(CompiledRuleSet ruleSet, IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            var reader = new UnitFileReader(ruleSet) { AppraisalSheet = true };
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in reader.Read(path))
            {
                if (item.Rejection is { } rejection)
                {
                    _problems.Add(rejection with { Reason = FileText.Format(nameof(FileStrings.Appraisal_RowRejected), rejection.Reason) });
                    continue;
                }

                var row = item.Unit!;
                if (first.TryGetValue(row.Code, out var firstRow))
                {
                    _problems.Add(new UnitRejection(row.Source?.File ?? path, row.Source?.Row ?? 0, "code", row.Code, FileText.Format(nameof(FileStrings.Appraisal_DuplicateCode), firstRow)) { Unit = row.Code, UnitName = row.Name, Line = row.Source?.Line });
                    continue;
                }

                first[row.Code] = row.Source?.Row ?? 0;
                if (!_byCode.TryGetValue(row.Code, out var rows))
                {
                    _byCode[row.Code] = rows = [];
                }

                rows.Add(row);
            }

            _problems.AddRange(reader.ColumnProblems);
            _warnings.AddRange(reader.Warnings);
        }
    }

    /// <summary>Problems of the sheets themselves (unreadable rows, repeated codes, columns that are not appraisal columns), in reading order.</summary>
    public IReadOnlyList<UnitRejection> Problems => _problems;

    /// <summary>File-level notes of the sheets.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>
    /// <paramref name="unit"/> with the sheets' claims and appraisals for its code added, and in
    /// <paramref name="conflicts"/> one rejection per cell where a sheet says something else than the unit's row (or
    /// an earlier sheet) for the same criterion and field: the unit is then to be rejected.
    /// </summary>
    public UnitData Merge(UnitData unit, out List<UnitRejection>? conflicts)
    {
        conflicts = null;
        if (!_byCode.TryGetValue(unit.Code, out var rows))
        {
            return unit;
        }

        var claims = new Dictionary<string, object?>(unit.Claims, StringComparer.Ordinal);
        var claimSource = new Dictionary<string, UnitSource?>(StringComparer.Ordinal);
        var appraisals = new Dictionary<string, CriterionAppraisal>(unit.Appraisals, StringComparer.Ordinal);
        var fieldSource = new Dictionary<(string, CriterionField), UnitSource?>();
        foreach (var row in rows)
        {
            foreach (var (id, value) in row.Claims)
            {
                if (claims.TryGetValue(id, out var seen) && !Same(seen, value))
                {
                    (conflicts ??= []).Add(Conflict(unit, row, CriterionField.Claim, id, value, seen, claimSource.GetValueOrDefault(id) ?? unit.Source));
                    continue;
                }

                claims[id] = value;
                claimSource[id] = row.Source;
            }

            foreach (var (id, item) in row.Appraisals)
            {
                var merged = appraisals.GetValueOrDefault(id) ?? new CriterionAppraisal();
                foreach (var field in (CriterionField[])[CriterionField.Round1, CriterionField.Round2, CriterionField.Comment, CriterionField.Explanation, CriterionField.Evidence])
                {
                    var value = Get(item, field);
                    if (value is null)
                    {
                        continue;
                    }

                    if (field == CriterionField.Evidence)
                    {
                        // Evidence adds up: the unit's references, then what it supplied with its explanation.
                        merged = merged with { Evidence = [.. merged.Evidence, .. item.Evidence.Where(e => !merged.Evidence.Contains(e, StringComparer.Ordinal))] };
                        continue;
                    }

                    var seen = Get(merged, field);
                    if (seen is not null && !Same(seen, value))
                    {
                        (conflicts ??= []).Add(Conflict(unit, row, field, id, value, seen, fieldSource.GetValueOrDefault((id, field)) ?? unit.Source));
                        continue;
                    }

                    fieldSource[(id, field)] = row.Source;
                    merged = field switch
                    {
                        CriterionField.Round1 => merged with { Round1 = value, Source = row.Source },
                        CriterionField.Round2 => merged with { Round2 = value, Source = row.Source },
                        CriterionField.Comment => merged with { Comment = item.Comment },
                        CriterionField.Explanation => merged with { Explanation = item.Explanation },
                        _ => merged with { Evidence = item.Evidence },
                    };
                }

                appraisals[id] = merged;
            }
        }

        return unit with { Claims = claims, Appraisals = appraisals };
    }

    /// <summary>The sheets' rows whose code no data row had (<paramref name="seen"/>: every code read from the data, accepted or not).</summary>
    public IEnumerable<UnitRejection> Orphans(Func<string, bool> seen)
        => _byCode.Where(e => !seen(e.Key)).SelectMany(e => e.Value).OrderBy(r => r.Source?.File, StringComparer.Ordinal).ThenBy(r => r.Source?.Row)
            .Select(r => new UnitRejection(r.Source?.File ?? "", r.Source?.Row ?? 0, "code", r.Code, FileText.Get(nameof(FileStrings.Appraisal_UnknownUnit))) { Unit = r.Code, UnitName = r.Name, Line = r.Source?.Line });

    private static object? Get(CriterionAppraisal item, CriterionField field) => field switch
    {
        CriterionField.Round1 => item.Round1,
        CriterionField.Round2 => item.Round2,
        CriterionField.Comment => item.Comment,
        CriterionField.Explanation => item.Explanation,
        _ => item.Evidence.Count == 0 ? null : string.Join("; ", item.Evidence),
    };

    /// <summary>The same number (2, "2", "2,0") or the same text.</summary>
    private static bool Same(object? a, object? b)
        => a is not null && b is not null && InputConverter.TryNumber(a, out var x) && InputConverter.TryNumber(b, out var y)
            ? x == y
            : string.Equals(Convert.ToString(a, CultureInfo.InvariantCulture)?.Trim(), Convert.ToString(b, CultureInfo.InvariantCulture)?.Trim(), StringComparison.Ordinal);

    private static UnitRejection Conflict(UnitData unit, UnitData row, CriterionField field, string id, object? value, object? seen, UnitSource? seenAt)
        => new(row.Source?.File ?? "", row.Source?.Row ?? 0, CriterionColumns.Column(field, id), InputConverter.Show(value),
            FileText.Format(nameof(FileStrings.Appraisal_Conflict), InputConverter.Show(seen), seenAt is null ? "" : FileText.Format(nameof(FileStrings.Appraisal_ConflictAt), seenAt.File, seenAt.Row)))
        {
            Unit = unit.Code,
            UnitName = unit.Name,
            Line = row.Source?.Line,
        };
}
