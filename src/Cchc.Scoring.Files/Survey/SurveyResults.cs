using Cchc.Rules.Model;
using Cchc.Scoring.Texts;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Survey;

/// <summary>
/// The survey results read from one or several files, by unit code, with every row refused and why. Merged with the
/// units by code (<see cref="Attach"/>); once the units are scored, <see cref="Reconcile"/> refuses the rows of codes
/// that were not scored, so that rows read = rows used + rows refused.
/// </summary>
public sealed class SurveyResults
{
    private readonly Dictionary<string, SurveyResponses> _byUnit;

    private SurveyResults(Dictionary<string, SurveyResponses> byUnit, IReadOnlyList<UnitRejection> rejections, IReadOnlyList<UnitRejection> columnProblems, int rowsRead)
    {
        _byUnit = byUnit;
        Rejections = rejections;
        ColumnProblems = columnProblems;
        RowsRead = rowsRead;
    }

    /// <summary>Data rows read in every file (blank rows and headers aside).</summary>
    public int RowsRead { get; }

    /// <summary>Rows kept, by unit code.</summary>
    public IReadOnlyDictionary<string, SurveyResponses> ByUnit => _byUnit;

    /// <summary>Rows refused while reading (one entry per bad cell), in file and row order.</summary>
    public IReadOnlyList<UnitRejection> Rejections { get; }

    /// <summary>Problems of the headers (an unknown or missing column): every row of such a file is refused.</summary>
    public IReadOnlyList<UnitRejection> ColumnProblems { get; }

    /// <summary>The unit with its survey results, when the files hold any for its code; otherwise the unit as it is.</summary>
    public UnitData Attach(UnitData unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return _byUnit.TryGetValue(unit.Code, out var responses) ? unit with { Survey = responses } : unit;
    }

    /// <summary>
    /// What became of every row once the units were scored: a row of a unit code that was not scored (not in the data,
    /// or its row was rejected) is refused, naming its file, row and code.
    /// </summary>
    public SurveyUse Reconcile(IEnumerable<string> scoredCodes)
    {
        ArgumentNullException.ThrowIfNull(scoredCodes);
        var scored = scoredCodes.ToHashSet(StringComparer.Ordinal);
        var refused = new List<UnitRejection>(Rejections);
        var used = 0;
        var units = 0;
        foreach (var (code, responses) in _byUnit)
        {
            if (scored.Contains(code))
            {
                used += responses.Rows.Count;
                units++;
                continue;
            }

            refused.AddRange(responses.Rows.Select(r => new UnitRejection(r.Source?.File ?? "", r.Source?.Row ?? 0, "code", code, FileText.Get(nameof(FileStrings.Survey_UnitNotScored))) { Unit = code }));
        }

        var ordered = refused.OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Row).ThenBy(r => r.Column, StringComparer.Ordinal).ToList();
        return new SurveyUse(RowsRead, used, ordered.Select(r => (r.File, r.Row)).Distinct().Count(), units, scored.Count - units, ordered, ColumnProblems);
    }

    /// <summary>Gathers the rows of a read.</summary>
    internal sealed class Builder(SurveyDefinition survey)
    {
        private readonly Dictionary<string, List<SurveyAnswerCounts>> _rows = new(StringComparer.Ordinal);
        private readonly List<UnitRejection> _rejections = [];
        private readonly List<UnitRejection> _columnProblems = [];
        private readonly HashSet<(string File, int Row)> _refusedRows = [];
        private int _read;

        public SurveyDefinition Survey { get; } = survey;

        public void ColumnProblem(UnitRejection problem) => _columnProblems.Add(problem);

        public void Refuse(UnitRejection rejection)
        {
            if (_refusedRows.Add((rejection.File, rejection.Row)))
            {
                _read++;
            }

            _rejections.Add(rejection);
        }

        public void Add(string code, SurveyAnswerCounts row)
        {
            if (!_rows.TryGetValue(code, out var rows))
            {
                _rows[code] = rows = [];
            }

            if (rows.Find(r => r.Group == row.Group && r.Question == row.Question) is { } first)
            {
                var where = first.Source?.File == row.Source?.File ? FileText.Format(nameof(FileStrings.Pipeline_RowAt), first.Source?.Row) : FileText.Format(nameof(FileStrings.Pipeline_FileRowAt), first.Source?.File, first.Source?.Row);
                Refuse(new UnitRejection(row.Source?.File ?? "", row.Source?.Row ?? 0, "question", row.Question, FileText.Format(nameof(FileStrings.Survey_DuplicateResult), code, row.Question, row.Group, where)) { Unit = code });
                return;
            }

            _read++;
            rows.Add(row);
        }

        public SurveyResults Build() => new(
            _rows.ToDictionary(r => r.Key, r => new SurveyResponses(r.Value), StringComparer.Ordinal),
            [.. _rejections.OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Row).ThenBy(r => r.Column, StringComparer.Ordinal)],
            [.. _columnProblems],
            _read);
    }
}

/// <summary>What became of the survey rows of a run: rows read = rows used + rows refused.</summary>
/// <param name="RowsRead">Data rows read.</param>
/// <param name="RowsUsed">Rows of scored units, counted in their index.</param>
/// <param name="RowsRefused">Rows refused: bad while reading, or of a unit code that was not scored.</param>
/// <param name="UnitsWithSurvey">Scored units that had survey rows.</param>
/// <param name="UnitsWithoutSurvey">Scored units that had none (the rule set's <c>whenNoSurvey</c> applies).</param>
/// <param name="Rejections">Why rows were refused, in file and row order.</param>
/// <param name="ColumnProblems">Problems of the files' headers.</param>
public sealed record SurveyUse(int RowsRead, int RowsUsed, int RowsRefused, int UnitsWithSurvey, int UnitsWithoutSurvey, IReadOnlyList<UnitRejection> Rejections, IReadOnlyList<UnitRejection> ColumnProblems)
{
    /// <inheritdoc />
    public override string ToString()
        => $"survey rows read {RowsRead}, used {RowsUsed}, refused {RowsRefused}; units with survey {UnitsWithSurvey}, without {UnitsWithoutSurvey}";
}
