using Cchc.Rules;

namespace Cchc.Scoring.Units;

/// <summary>
/// Reads the units of several files as one batch — one spreadsheet per district, or the national portal's responses
/// (one file per endpoint, merged per unit) — losing nothing: every row is a unit or a rejection with its place. A
/// code met a second time, in the same file or another, is refused and names the row that was kept.
/// </summary>
public sealed class UnitBatchReader
{
    private readonly CompiledRuleSet _ruleSet;
    private readonly List<string> _warnings = [];
    private readonly List<UnitRejection> _columnProblems = [];
    private readonly Dictionary<string, IReadOnlyList<PublishedScore>> _published = new(StringComparer.Ordinal);

    /// <summary>Creates a reader for units of <paramref name="ruleSet"/>.</summary>
    public UnitBatchReader(CompiledRuleSet ruleSet) => _ruleSet = ruleSet ?? throw new ArgumentNullException(nameof(ruleSet));

    /// <summary>File-level notes (unknown columns, portal remarks), filled while reading.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Problems of the files' headers (missing or unknown columns), filled while reading.</summary>
    public IReadOnlyList<UnitRejection> ColumnProblems => _columnProblems;

    /// <summary>The scores the portal published, by unit code (portal responses only), filled while reading.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PublishedScore>> Published => _published;

    /// <summary>The units of <paramref name="paths"/>, streaming, in the order given; portal responses come first.</summary>
    /// <exception cref="NotSupportedException">A file is of a kind no reader knows.</exception>
    public IEnumerable<UnitReadResult> Read(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var seen = new Dictionary<string, UnitSource?>(StringComparer.Ordinal);
        foreach (var item in ReadAll(paths))
        {
            if (item.Unit is not { } unit)
            {
                yield return item;
            }
            else if (seen.TryGetValue(unit.Code, out var first))
            {
                var where = first?.File is { } file && file != unit.Source?.File ? $"{file}, dòng {first.Row}" : $"dòng {first?.Row ?? 0}";
                yield return new UnitReadResult(null, new UnitRejection(unit.Source?.File ?? "", unit.Source?.Row ?? 0, "code", unit.Code, $"mã đơn vị trùng với {where}: giữ dòng đầu tiên"));
            }
            else
            {
                seen[unit.Code] = unit.Source;
                yield return item;
            }
        }
    }

    private IEnumerable<UnitReadResult> ReadAll(IReadOnlyList<string> paths)
    {
        var portalFiles = paths.Where(p => Path.GetExtension(p).Equals(".json", StringComparison.OrdinalIgnoreCase) && PortalDataReader.IsPortalResponse(p)).ToList();
        if (portalFiles.Count > 0)
        {
            var portal = PortalDataReader.Read(portalFiles);
            _warnings.AddRange(portal.Warnings);
            foreach (var rejection in portal.Rejections)
            {
                yield return new UnitReadResult(null, rejection);
            }

            foreach (var unit in portal.Units)
            {
                _published.TryAdd(unit.Unit.Code, unit.PublishedScores);
                yield return new UnitReadResult(unit.Unit, null);
            }
        }

        foreach (var path in paths.Except(portalFiles))
        {
            var reader = new UnitFileReader(_ruleSet);
            foreach (var item in reader.Read(path))
            {
                yield return item;
            }

            _warnings.AddRange(reader.Warnings);
            _columnProblems.AddRange(reader.ColumnProblems);
        }
    }
}
