using System.Globalization;
using System.Text;
using System.Text.Json;
using Cchc.Rules.Text;
using Cchc.Scoring.Texts;
using Cchc.Scoring.Units;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cchc.Scoring.Ranking;

/// <summary>
/// Last year's ranking, read from what <c>cchc rank</c> writes (its JSON or its XLSX), and optionally the mapping of
/// last year's codes to this year's (units merged or split since): what <see cref="RankingOptions.Previous"/> compares
/// this year's units with.
/// </summary>
/// <remarks>
/// Keeps a few dozen bytes per unit of last year (code, name, index, rank, grade), not its card: last year's JSON of
/// 10,600 communes with every card is read as a stream. A file that is not a ranking is refused
/// (<see cref="InvalidDataException"/>); a bad row is reported in <see cref="Errors"/> with its file, row, column and
/// value and the rest is still read.
/// </remarks>
public sealed partial class PreviousRanking
{
    private PreviousRanking(string file, string? ruleSetId, string? ruleSetVersion, Dictionary<string, PreviousUnit> units, int ranked, List<UnitRejection> errors, List<UnitRejection> warnings, PreviousMapping? mapping)
    {
        File = file;
        RuleSetId = ruleSetId;
        RuleSetVersion = ruleSetVersion;
        UnitsByCode = units;
        Ranked = ranked;
        LoadErrors = errors;
        LoadWarnings = warnings;
        Mapping = mapping;
    }

    /// <summary>The file's name, as errors name it.</summary>
    public string File { get; }

    /// <summary>The id of the rule set that made last year's ranking, when the file says it.</summary>
    public string? RuleSetId { get; }

    /// <summary>The version of that rule set, when the file says it.</summary>
    public string? RuleSetVersion { get; }

    /// <summary>Last year's units read (each code once).</summary>
    public int Count => UnitsByCode.Count;

    /// <summary>Bad rows of the ranking file and of the mapping file (each skipped or kept without the bad value).</summary>
    public IReadOnlyList<UnitRejection> Errors => LoadErrors;

    /// <summary>What is accepted but worth a look (a unit without an index, an old code split between new units).</summary>
    public IReadOnlyList<UnitRejection> Warnings => LoadWarnings;

    /// <summary>Last year's units by code.</summary>
    internal Dictionary<string, PreviousUnit> UnitsByCode { get; }

    /// <summary>How many of last year's units had a rank: the population last year's ranks are out of.</summary>
    internal int Ranked { get; }

    internal List<UnitRejection> LoadErrors { get; }

    internal List<UnitRejection> LoadWarnings { get; }

    internal PreviousMapping? Mapping { get; }

    /// <summary>
    /// Reads last year's ranking (<c>.json</c> or <c>.xlsx</c>, as <c>cchc rank</c> writes them) and, when given, the
    /// mapping of old codes to new codes (CSV with the header <c>oldCode,newCode</c>).
    /// </summary>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="InvalidDataException">A file is not a ranking (or not a mapping), or cannot be read.</exception>
    public static PreviousRanking Read(string rankingPath, string? mappingPath = null)
    {
        ArgumentNullException.ThrowIfNull(rankingPath);
        if (!System.IO.File.Exists(rankingPath))
        {
            throw new FileNotFoundException(FileText.Format(nameof(FileStrings.Previous_FileMissing), rankingPath), rankingPath);
        }

        var shown = Path.GetFileName(rankingPath);
        var units = new Dictionary<string, PreviousUnit>(StringComparer.Ordinal);
        var errors = new List<UnitRejection>();
        var warnings = new List<UnitRejection>();
        var rows = new List<(int Row, string? Code, string? Name, string? Index, string? Rank, string? Grade, string IndexColumn, string CodeColumn)>();
        string? ruleSetId, ruleSetVersion;
        switch (Path.GetExtension(rankingPath).ToLowerInvariant())
        {
            case ".json":
                (ruleSetId, ruleSetVersion) = ReadJson(rankingPath, shown, rows);
                break;
            case ".xlsx":
                (ruleSetId, ruleSetVersion) = ReadXlsx(rankingPath, shown, rows);
                break;
            default:
                throw new InvalidDataException(FileText.Format(nameof(FileStrings.Previous_WrongType), shown));
        }

        var ranked = 0;
        foreach (var row in rows)
        {
            var code = Nfc.Normalize(row.Code?.Trim() ?? "");
            if (code.Length == 0)
            {
                errors.Add(new UnitRejection(shown, row.Row, row.CodeColumn, row.Code, FileText.Get(nameof(FileStrings.Previous_NoCode))) { UnitName = row.Name });
                continue;
            }

            if (units.ContainsKey(code))
            {
                errors.Add(new UnitRejection(shown, row.Row, row.CodeColumn, code, FileText.Get(nameof(FileStrings.Previous_DuplicateCode))) { Unit = code, UnitName = row.Name });
                continue;
            }

            decimal? index = null;
            if (string.IsNullOrWhiteSpace(row.Index))
            {
                warnings.Add(new UnitRejection(shown, row.Row, row.IndexColumn, null, FileText.Get(nameof(FileStrings.Previous_NoIndex))) { Unit = code, UnitName = row.Name });
            }
            else if (decimal.TryParse(row.Index.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                index = parsed;
            }
            else
            {
                errors.Add(new UnitRejection(shown, row.Row, row.IndexColumn, row.Index, FileText.Get(nameof(FileStrings.Previous_IndexNotNumber))) { Unit = code, UnitName = row.Name });
            }

            int? rank = int.TryParse(row.Rank, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : null;
            if (rank is not null)
            {
                ranked++;
            }

            units[code] = new PreviousUnit(code, Nfc.Normalize(row.Name ?? ""), index, rank, string.IsNullOrWhiteSpace(row.Grade) ? null : Nfc.Normalize(row.Grade.Trim()));
        }

        if (units.Count == 0)
        {
            throw new InvalidDataException(FileText.Format(nameof(FileStrings.Previous_NoUnits), shown));
        }

        var mapping = mappingPath is null ? null : PreviousMapping.Read(mappingPath, units, errors, warnings);
        return new PreviousRanking(shown, ruleSetId, ruleSetVersion, units, ranked, errors, warnings, mapping);
    }

    /// <summary>
    /// Streams last year's JSON ranking (one line, every card: hundreds of megabytes for a country), keeping of each
    /// row only its rank and its card's unit code, name, index and grade.
    /// </summary>
    private static (string? Id, string? Version) ReadJson(string path, string shown, List<(int, string?, string?, string?, string?, string?, string, string)> rows)
    {
        using var stream = System.IO.File.OpenRead(path);
        var buffer = new byte[1 << 16];
        var length = 0;
        var final = false;
        var state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var walk = new JsonWalk();
        try
        {
            while (true)
            {
                if (!final)
                {
                    if (length == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    var read = stream.Read(buffer, length, buffer.Length - length);
                    length += read;
                    final = read == 0;
                }

                var span = buffer.AsSpan(0, length);
                if (walk.Item == 0 && walk.Tokens == 0 && span.StartsWith("\uFEFF"u8))
                {
                    span = span[3..];
                    length -= 3;
                    Buffer.BlockCopy(buffer, 3, buffer, 0, length);
                    span = buffer.AsSpan(0, length);
                }

                var reader = new Utf8JsonReader(span, final, state);
                walk.Run(ref reader, rows);
                state = reader.CurrentState;
                var consumed = (int)reader.BytesConsumed;
                Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
                length -= consumed;
                if (final)
                {
                    break;
                }
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(FileText.Format(nameof(FileStrings.Previous_BadJson), shown, e.LineNumber + 1, e.Message), e);
        }

        if (!walk.SawRuleSet || !walk.SawRows)
        {
            throw new InvalidDataException(FileText.Format(nameof(FileStrings.Previous_NotRankingJson), shown));
        }

        return (walk.RuleSetId, walk.RuleSetVersion);
    }

    private static readonly string[] RequiredColumns = ["code", "index"];

    /// <summary>The sheet "Xếp hạng" of an XLSX ranking, its columns found by the program name in each header's brackets.</summary>
    private static (string? Id, string? Version) ReadXlsx(string path, string shown, List<(int, string?, string?, string?, string?, string?, string, string)> rows)
    {
        List<string> sheets;
        try
        {
            sheets = MiniExcelLibs.MiniExcel.GetSheetNames(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException(FileText.Format(nameof(FileStrings.Previous_NotWorkbook), shown, e.GetType().Name, e.Message), e);
        }

        // The sheets are named in the language the ranking was written in: either is read.
        var rankingSheet = SheetName(sheets, nameof(FileStrings.Report_SheetRanking))
            ?? throw new InvalidDataException(FileText.Format(nameof(FileStrings.Previous_NoSheet), shown, FileText.Get(nameof(FileStrings.Report_SheetRanking)), string.Join(", ", sheets)));

        Dictionary<string, (string Letter, string Header)>? columns = null;
        var sheetRow = 0;
        foreach (IDictionary<string, object?> cells in MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: false, sheetName: rankingSheet))
        {
            sheetRow++;
            if (columns is null)
            {
                columns = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
                foreach (var (letter, value) in cells)
                {
                    var header = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "";
                    var open = header.LastIndexOf('(');
                    if (open >= 0 && header.EndsWith(')'))
                    {
                        columns.TryAdd(header[(open + 1)..^1], (letter, header));
                    }
                }

                var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
                if (missing.Count > 0)
                {
                    throw new InvalidDataException(FileText.Format(nameof(FileStrings.Previous_MissingColumns), shown, rankingSheet, string.Join(", ", missing.Select(m => m == "code" ? FileText.Get(nameof(FileStrings.Report_Code)) : FileText.Get(nameof(FileStrings.Report_Index))))));
                }

                continue;
            }

            if (cells.Values.All(v => v is null || v is string s && string.IsNullOrWhiteSpace(s)))
            {
                continue;
            }

            string? Cell(string name) => columns.TryGetValue(name, out var column) && cells.TryGetValue(column.Letter, out var value) ? Text(value) : null;
            rows.Add((sheetRow, Cell("code"), Cell("name"), Cell("index"), Cell("rank"), Cell("grade"), columns["index"].Header, columns["code"].Header));
        }

        if (columns is null)
        {
            throw new InvalidDataException(FileText.Format(nameof(FileStrings.Previous_EmptySheet), shown, rankingSheet));
        }

        string? id = null, version = null;
        if (SheetName(sheets, nameof(FileStrings.Report_SheetSummary)) is { } summary)
        {
            foreach (IDictionary<string, object?> cells in MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: false, sheetName: summary))
            {
                if (Text(cells.Values.FirstOrDefault()) is { } item && item.EndsWith("(ruleSet)", StringComparison.Ordinal) && Text(cells.Values.Skip(1).FirstOrDefault()) is { } ruleSet)
                {
                    var space = ruleSet.LastIndexOf(' ');
                    (id, version) = space > 0 ? (ruleSet[..space], ruleSet[(space + 1)..]) : (ruleSet, null);
                    break;
                }
            }
        }

        return (id, version);
    }

    /// <summary>A cell as text; a number in invariant form with the digits a decimal keeps (an index read as 72.5 is 72.5).</summary>
    /// <summary>The sheet of <paramref name="key"/> as the ranking names it, in Vietnamese or English (either language's output is read); null when absent.</summary>
    private static string? SheetName(List<string> sheets, string key)
        => new[] { Cchc.Rules.CchcLanguage.Vietnamese, Cchc.Rules.CchcLanguage.English }
            .Select(language => FileStrings.ResourceManager.GetString(key, language))
            .FirstOrDefault(name => name is not null && sheets.Contains(name));

    private static string? Text(object? value) => value switch
    {
        null => null,
        double d => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
