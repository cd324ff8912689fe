using Cchc.Rules;
using Cchc.Scoring.Units;

namespace Cchc.Cli.Commands;

/// <summary>
/// The units of <c>cchc score</c>'s data files: portal responses (merged across files by department) and ordinary
/// unit files, with every rejection, every warning and the scores the portal published, by unit code.
/// </summary>
internal sealed class ScoreInput
{
    public List<UnitData> Units { get; } = [];

    public List<UnitRejection> Rejections { get; } = [];

    public List<string> Warnings { get; } = [];

    public Dictionary<string, IReadOnlyList<PublishedScore>> Published { get; } = new(StringComparer.Ordinal);

    /// <exception cref="NotSupportedException">A file is of a kind no reader knows.</exception>
    public static ScoreInput Read(CompiledRuleSet ruleSet, IReadOnlyList<string> paths)
    {
        var input = new ScoreInput();
        var seen = new Dictionary<string, UnitSource?>(StringComparer.Ordinal);
        var portalFiles = paths.Where(p => Path.GetExtension(p).Equals(".json", StringComparison.OrdinalIgnoreCase) && PortalDataReader.IsPortalResponse(p)).ToList();
        if (portalFiles.Count > 0)
        {
            var portal = PortalDataReader.Read(portalFiles);
            input.Rejections.AddRange(portal.Rejections);
            input.Warnings.AddRange(portal.Warnings);
            foreach (var unit in portal.Units)
            {
                input.Add(unit.Unit, seen);
                input.Published.TryAdd(unit.Unit.Code, unit.PublishedScores);
            }
        }

        foreach (var path in paths.Except(portalFiles))
        {
            var reader = new UnitFileReader(ruleSet);
            foreach (var item in reader.Read(path))
            {
                if (item.Rejection is { } rejection)
                {
                    input.Rejections.Add(rejection);
                }
                else
                {
                    input.Add(item.Unit!, seen);
                }
            }

            input.Warnings.AddRange(reader.Warnings);
        }

        return input;
    }

    private void Add(UnitData unit, Dictionary<string, UnitSource?> seen)
    {
        if (seen.TryGetValue(unit.Code, out var first))
        {
            Rejections.Add(new UnitRejection(unit.Source?.File ?? "", unit.Source?.Row ?? 0, "code", unit.Code, $"mã đơn vị trùng với {first?.File}, dòng {first?.Row}"));
            return;
        }

        seen[unit.Code] = unit.Source;
        Units.Add(unit);
    }
}
