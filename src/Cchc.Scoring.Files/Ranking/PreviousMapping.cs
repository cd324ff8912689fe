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
/// The merger mapping (CSV, header <c>oldCode,newCode</c>, optionally <c>oldName,newName</c>; one row per old code):
/// this year's code → the old codes it takes over. An old code listed under two new codes is a split.
/// </summary>
internal sealed class PreviousMapping
{
    private PreviousMapping(string file, Dictionary<string, List<(string Old, int Row)>> predecessors, Dictionary<string, List<string>> successors)
    {
        File = file;
        Predecessors = predecessors;
        Successors = successors;
    }

    public string File { get; }

    /// <summary>New code → its old codes with the mapping row of each, in file order.</summary>
    public Dictionary<string, List<(string Old, int Row)>> Predecessors { get; }

    /// <summary>Old code → the new codes it went to (several when it was split).</summary>
    public Dictionary<string, List<string>> Successors { get; }

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        DetectDelimiter = true,
        DetectDelimiterValues = [",", ";"],
        BadDataFound = null,
        MissingFieldFound = null,
    };

    public static PreviousMapping Read(string path, Dictionary<string, PreviousUnit> previous, List<UnitRejection> errors, List<UnitRejection> warnings)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException(FileText.Format(nameof(FileStrings.Mapping_FileMissing), path), path);
        }

        var shown = Path.GetFileName(path);
        var predecessors = new Dictionary<string, List<(string, int)>>(StringComparer.Ordinal);
        var successors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var firstRow = new Dictionary<(string Old, string New), int>();
        using var reader = new StreamReader(path, UnitFileReader.StrictUtf8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvParser(reader, Configuration);
        try
        {
            if (!csv.Read())
            {
                throw new InvalidDataException(FileText.Format(nameof(FileStrings.Mapping_Empty), shown));
            }

            var header = csv.Record!.Select(h => Nfc.Normalize(h.Trim())).ToList();
            var oldAt = header.IndexOf("oldCode");
            var newAt = header.IndexOf("newCode");
            if (oldAt < 0 || newAt < 0)
            {
                throw new InvalidDataException(FileText.Format(nameof(FileStrings.Mapping_MissingColumns), shown, string.Join(", ", header)));
            }

            while (csv.Read())
            {
                var row = csv.Row;
                var record = csv.Record!;
                if (record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                var old = Nfc.Normalize(oldAt < record.Length ? record[oldAt].Trim() : "");
                var @new = Nfc.Normalize(newAt < record.Length ? record[newAt].Trim() : "");
                if (old.Length == 0 || @new.Length == 0)
                {
                    errors.Add(new UnitRejection(shown, row, old.Length == 0 ? "oldCode" : "newCode", "", FileText.Get(nameof(FileStrings.Mapping_EmptyCell))) { Unit = old.Length == 0 ? @new : old });
                    continue;
                }

                if (firstRow.TryGetValue((old, @new), out var earlier))
                {
                    errors.Add(new UnitRejection(shown, row, "oldCode", old, FileText.Format(nameof(FileStrings.Mapping_DuplicatePair), old, @new, earlier)) { Unit = @new });
                    continue;
                }

                firstRow[(old, @new)] = row;
                if (!previous.ContainsKey(old))
                {
                    warnings.Add(new UnitRejection(shown, row, "oldCode", old, FileText.Get(nameof(FileStrings.Mapping_OldNotInPrevious))) { Unit = @new });
                }

                if (successors.TryGetValue(old, out var others))
                {
                    warnings.Add(new UnitRejection(shown, row, "newCode", @new, FileText.Format(nameof(FileStrings.Mapping_Split), old, string.Join(", ", others))) { Unit = @new });
                    others.Add(@new);
                }
                else
                {
                    successors[old] = [@new];
                }

                if (!predecessors.TryGetValue(@new, out var list))
                {
                    predecessors[@new] = list = [];
                }

                list.Add((old, row));
            }
        }
        catch (CsvHelperException e)
        {
            throw new InvalidDataException(FileText.Format(nameof(FileStrings.Mapping_Unreadable), shown, e.Message), e);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException(FileText.Format(nameof(FileStrings.Mapping_NotUtf8), shown), e);
        }

        return new PreviousMapping(shown, predecessors, successors);
    }
}
