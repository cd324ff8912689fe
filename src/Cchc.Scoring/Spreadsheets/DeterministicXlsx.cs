using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Cchc.Scoring.Spreadsheets;

/// <summary>
/// Saves a workbook with MiniExcel so that the same sheets give the same bytes on any day and any machine: every
/// XLSX this library writes (rankings, data-sheet templates) goes through here.
/// </summary>
internal static partial class DeterministicXlsx
{
    /// <summary>Every zip entry carries this time, so that the same workbook gives the same bytes tomorrow.</summary>
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes <paramref name="sheets"/> (name → rows, in order) as XLSX to <paramref name="output"/>.</summary>
    public static void Save(Dictionary<string, object> sheets, Stream output, bool printHeader = true, OpenXmlConfiguration? configuration = null)
    {
        using var workbook = new MemoryStream();
        workbook.SaveAs(sheets, printHeader, excelType: ExcelType.XLSX, configuration: configuration);
        workbook.Position = 0;
        Normalize(workbook, output);
    }

    /// <summary>
    /// Copies the workbook's zip entries, in order, into a new zip whose entries all carry one fixed time, and
    /// whose relationship ids are numbered instead of random: MiniExcel stamps each entry with the current time and
    /// names each sheet's relationship with a new GUID, which would make every run's bytes differ.
    /// </summary>
    private static void Normalize(Stream workbook, Stream output)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        using var source = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = EntryTime;
            using var from = entry.Open();
            using var to = copy.Open();
            // Only the parts that hold relationships, and in them only the relationship attributes: a cell that
            // happens to look like MiniExcel's id (a unit code "R" + 32 hex digits) is data and is copied unchanged.
            if (entry.FullName.EndsWith(".rels", StringComparison.Ordinal) || entry.FullName == "xl/workbook.xml")
            {
                using var reader = new StreamReader(from, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
                var text = RandomRelationshipId().Replace(reader.ReadToEnd(), m =>
                {
                    if (!ids.TryGetValue(m.Value, out var id))
                    {
                        id = $"rIdCchc{ids.Count + 1}";
                        ids[m.Value] = id;
                    }

                    return id;
                });
                var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
                to.Write(bytes);
            }
            else
            {
                from.CopyTo(to);
            }
        }
    }

    [GeneratedRegex("(?<=\\s(?:Id|r:id)=\")R[0-9a-f]{32}(?=\")", RegexOptions.CultureInvariant)]
    private static partial Regex RandomRelationshipId();
}
