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
        var reader = new UnitBatchReader(ruleSet);
        foreach (var item in reader.Read(paths))
        {
            if (item.Rejection is { } rejection)
            {
                input.Rejections.Add(rejection);
            }
            else
            {
                input.Units.Add(item.Unit!);
            }
        }

        input.Warnings.AddRange(reader.Warnings);
        foreach (var (code, scores) in reader.Published)
        {
            input.Published[code] = scores;
        }

        return input;
    }
}
