using Cchc.Rules;
using Cchc.Rules.Model;
using Cchc.Scoring.Texts;

namespace Cchc.Scoring.Units;

/// <summary>A unit that could not be read at all, with the place and the reason.</summary>
/// <param name="File">The data file.</param>
/// <param name="Row">1-based row: the CSV line, the XLSX sheet row, or the JSON item's number (see <see cref="Line"/>).</param>
/// <param name="Column">The column or field at fault, if one.</param>
/// <param name="Value">The value found.</param>
/// <param name="Reason">Why, in Vietnamese.</param>
public sealed record UnitRejection(string File, int Row, string? Column, string? Value, string Reason)
{
    /// <summary>The code of the unit the row holds, when it could be read; every line that names a row names it too.</summary>
    public string? Unit { get; init; }

    /// <summary>The name of the unit the row holds, when it could be read (the XLSX ranking's error sheet shows it beside the code).</summary>
    public string? UnitName { get; init; }

    /// <summary>
    /// The text line where the item starts, when <see cref="Row"/> numbers items rather than lines (JSON: a one-line
    /// array holds many units on line 1, so they are told apart, and counted, by their item number).
    /// </summary>
    public int? Line { get; init; }

    /// <inheritdoc />
    public override string ToString()
        => $"{File}, {(Line is { } line ? FileText.Format(nameof(FileStrings.Rejection_Item), Row, line) : FileText.Format(nameof(FileStrings.Rejection_Row), Row))}{(Unit is null ? "" : FileText.Format(nameof(FileStrings.Rejection_Unit), Unit))}"
           + $"{(Column is null ? "" : FileText.Format(nameof(FileStrings.Rejection_Column), Column))}{(Value is null ? "" : $" = '{Value}'")}: {Reason}";
}

/// <summary>One item read from a data file: a unit, or the reason it was rejected.</summary>
/// <param name="Unit">The unit, when it could be read.</param>
/// <param name="Rejection">The rejection, when it could not.</param>
internal sealed record UnitReadResult(UnitData? Unit, UnitRejection? Rejection);

/// <summary>
/// Reads units from JSON (an object, an array, or one object per line), CSV (UTF-8 with or without BOM,
/// comma or semicolon, Vietnamese decimal comma accepted) and XLSX (the first sheet, its first row the header),
/// streaming. Column headers may be the input's name, its Vietnamese label, or "label (name)"; they are compared
/// after Unicode NFC normalisation. A JSON file that is a response of the national public-service portal is read by
/// <see cref="PortalDataReader"/>.
/// </summary>
internal sealed partial class UnitFileReader
{
    private static readonly string[] RequiredColumns = ["code", "level"];
    private readonly CompiledRuleSet? _ruleSet;
    private readonly List<string> _warnings = [];
    private readonly List<UnitRejection> _columnProblems = [];
    private readonly HashSet<UnitLevel> _levelsRead = [];
    private (string File, int HeaderRow, List<InputDefinition> Inputs)? _missingInputs;

    /// <summary>Creates a reader; with a rule set, headers can be labels and unknown columns are reported.</summary>
    public UnitFileReader(CompiledRuleSet? ruleSet = null) => _ruleSet = ruleSet;

    /// <summary>
    /// Reads an appraisal sheet (<c>--appraisal</c>): the unit's code (its name and level may be there, and are not
    /// used) and per-criterion columns only — <c>thamDinh:</c>, <c>nhanXet:</c>, <c>giaiTrinh:</c>, <c>thamDinh2:</c>,
    /// <c>tlkc:</c>, <c>tuCham:</c>. Any other column is reported and ignored; no input column is required.
    /// </summary>
    public bool AppraisalSheet { get; init; }

    /// <summary>File-level notes (unknown columns, missing identity columns), filled while reading.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>
    /// The header's problems, filled while reading a CSV or XLSX file: a missing identity column, a column that is not
    /// an input, and (once the whole file is read) a declared input with no column that a criterion applying to the
    /// units' levels reads (every unit then lacks it). Row is the header's row.
    /// </summary>
    public IReadOnlyList<UnitRejection> ColumnProblems => _columnProblems;

    /// <summary>Reads every unit of a file, streaming; rows that cannot be units are returned as rejections.</summary>
    /// <exception cref="NotSupportedException">The file is not .json, .jsonl, .ndjson, .csv, .txt or .xlsx.</exception>
    /// <exception cref="InvalidDataException">
    /// An .xlsx file is not a workbook, or declares a DTD, or holds a cell longer than 32,767 characters or a part
    /// larger than 256 MiB: the file is refused before any row is read, with a Vietnamese message naming it. Also, while
    /// reading, for an .xlsx the sheet reader cannot read and for a CSV saved as UTF-16.
    /// </exception>
    public IEnumerable<UnitReadResult> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".csv" or ".txt" => ReadCsv(path),
            ".json" when PortalDataReader.IsPortalResponse(path) => ReadPortal(path),
            ".json" or ".jsonl" or ".ndjson" => ReadJson(path),
            ".xlsx" => ReadXlsx(CheckWorkbook(path)),
            _ => throw new NotSupportedException(FileText.Format(nameof(FileStrings.Reader_Unsupported), path)),
        };
    }

    /// <summary>A declared input or identity column absent from a sheet's header is reported once, not once per row.</summary>
    private void CheckMissingColumns(string file, int headerRow, IReadOnlyCollection<string> headers)
    {
        foreach (var identity in (AppraisalSheet ? ["code"] : RequiredColumns).Where(i => !headers.Contains(i)))
        {
            _warnings.Add(FileText.Format(nameof(FileStrings.Reader_MissingRequiredWarning), file, identity));
            _columnProblems.Add(new UnitRejection(file, headerRow, identity, null, FileText.Format(nameof(FileStrings.Reader_MissingRequired), identity)));
        }

        if (_ruleSet is null || AppraisalSheet)
        {
            return;
        }

        _missingInputs = (file, headerRow, [.. _ruleSet.Inputs.Where(i => !headers.Contains(i.Name))]);
    }

    /// <summary>
    /// Once the sheet is read: a missing input column is a problem only when a criterion that applies to a level of
    /// the units read needs it, so that a sheet made for one level (<c>cchc template --level xa</c>) is not faulted
    /// for lacking the inputs of another.
    /// </summary>
    private void ReportMissingInputs()
    {
        if (_missingInputs is not var (file, headerRow, inputs) || _ruleSet is null)
        {
            return;
        }

        var needed = _ruleSet.Criteria.Flatten()
            .Where(c => _levelsRead.Count == 0 || _levelsRead.Any(c.AppliesTo))
            .SelectMany(c => c.Inputs)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var input in inputs.Where(i => needed.Contains(i.Name)))
        {
            _columnProblems.Add(new UnitRejection(file, headerRow, input.Name, null, FileText.Format(nameof(FileStrings.Reader_MissingInput), input.Label, input.Name)));
        }

        _missingInputs = null;
    }

    private UnitReadResult Build(Dictionary<string, object?> row, UnitSource source)
    {
        if (AppraisalSheet)
        {
            // The unit's level is the data file's; the sheet's is not read (the appraisal is checked against the unit).
            row["level"] = UnitLevel.Xa.ToCode();
        }

        try
        {
            var unit = UnitData.FromRow(row, source);
            _levelsRead.Add(unit.Level);
            return new UnitReadResult(unit, null);
        }
        catch (UnitDataException e)
        {
            return Reject(source, row, e.Field, e.Value, e.Reason);
        }
    }

    /// <summary>A rejection of the unit a row holds, naming its code when the row has one.</summary>
    private static UnitReadResult Reject(UnitSource source, IReadOnlyDictionary<string, object?>? row, string? column, string? value, string reason)
        => new(null, new UnitRejection(source.File, source.Row, column, value, reason) { Unit = CodeOf(row), UnitName = NameOf(row), Line = source.Line });

    /// <summary>The unit code a row holds, if any (trimmed, NFC).</summary>
    internal static string? CodeOf(IReadOnlyDictionary<string, object?>? row)
    {
        var code = row is not null && row.TryGetValue("code", out var v) && v is not null ? UnitData.Normalize(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))?.Trim() : null;
        return string.IsNullOrEmpty(code) ? null : code.Length > 64 ? code[..64] + "…" : code;
    }

    /// <summary>The unit name a row holds, if any (trimmed, NFC, at most 64 characters).</summary>
    internal static string? NameOf(IReadOnlyDictionary<string, object?>? row)
    {
        var name = row is not null && row.TryGetValue("name", out var v) && v is not null ? UnitData.Normalize(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))?.Trim() : null;
        return string.IsNullOrEmpty(name) ? null : name.Length > 64 ? name[..64] + "…" : name;
    }

    /// <summary>Maps a header to an input or identity name: the name itself, "label (name)", or the label.</summary>
    private string MapHeader(string header)
    {
        var text = UnitData.Normalize(header)!.Trim().TrimStart('\uFEFF');
        if (_ruleSet is null || UnitData.IsIdentityField(text) || _ruleSet.InputsByName.ContainsKey(text))
        {
            return text;
        }

        var open = text.LastIndexOf('(');
        if (open >= 0 && text.EndsWith(')'))
        {
            var inner = text[(open + 1)..^1].Trim();
            if (_ruleSet.InputsByName.ContainsKey(inner) || UnitData.IsIdentityField(inner) || CriterionColumns.IsCriterionColumn(inner))
            {
                return inner;
            }
        }

        var byLabel = _ruleSet.Inputs.FirstOrDefault(i => string.Equals(UnitData.Normalize(i.Label), text, StringComparison.OrdinalIgnoreCase));
        return byLabel?.Name ?? text;
    }

    private void CheckColumns(string file, int headerRow, IEnumerable<string> headers)
    {
        if (_ruleSet is null)
        {
            return;
        }

        foreach (var header in headers)
        {
            var name = MapHeader(header);
            if (AppraisalSheet && !UnitData.IsIdentityField(name) && !CriterionColumns.IsCriterionColumn(name))
            {
                var note = FileText.Format(nameof(FileStrings.Reader_NotAppraisalColumn), header);
                _warnings.Add($"{file}: {note}.");
                _columnProblems.Add(new UnitRejection(file, headerRow, header, null, note));
            }
            else if (!AppraisalSheet && !UnitData.IsIdentityField(name) && !_ruleSet.InputsByName.ContainsKey(name) && !CriterionColumns.IsCriterionColumn(name))
            {
                var suggestion = Cchc.Rules.Diagnostics.NameSuggestions.Closest(name, _ruleSet.InputsByName.Keys);
                var note = FileText.Format(nameof(FileStrings.Reader_UnknownColumn), header, _ruleSet.Id, suggestion is null ? "" : FileText.Format(nameof(FileStrings.Reader_DidYouMean), suggestion));
                _warnings.Add($"{file}: {note}.");
                _columnProblems.Add(new UnitRejection(file, headerRow, header, null, note));
            }
        }
    }
}
