using System.Globalization;
using Cchc.Rules.Model;
using Cchc.Scoring.Texts;
using Newtonsoft.Json.Linq;

namespace Cchc.Scoring.Units;

/// <summary>Collects one unit's data across the portal's files; a conflict (two levels, two values of one input) rejects the unit.</summary>
internal sealed class PortalUnitBuilder(string code, string? name, string? parent, UnitSource source)
{
    private readonly Dictionary<string, (object? Value, UnitSource Source)> _values = new(StringComparer.Ordinal);
    private readonly List<PublishedScore> _published = [];
    private (UnitLevel Level, UnitSource Source)? _level;
    private UnitKind? _kind;

    public string Code { get; } = code;

    public string? Name { get; private set; } = name;

    public string? Parent { get; private set; } = parent;

    public UnitSource Source { get; } = source;

    public string Display => Name is null ? Code : $"{Name} ({Code})";

    public List<string> Conflicts { get; } = [];

    public void Fill(string? name, string? parent)
    {
        Name ??= name;
        Parent ??= parent;
    }

    public void SetLevel(UnitLevel level, UnitKind? kind, UnitSource source)
    {
        _kind ??= kind;
        if (_level is { } existing && existing.Level != level)
        {
            Conflicts.Add(FileText.Format(nameof(FileStrings.Portal_LevelConflict), existing.Level.ToCode(), existing.Source.File, existing.Source.Row, level.ToCode(), source.File, source.Row));
            return;
        }

        _level ??= (level, source);
    }

    public void SetValue(string input, JToken token, UnitSource source)
    {
        var value = UnitData.FromToken(token);
        if (value is null)
        {
            // null is "not published": it neither sets nor contradicts a value another file gives.
            return;
        }

        if (_values.TryGetValue(input, out var existing))
        {
            if (!Same(existing.Value, value))
            {
                Conflicts.Add(FileText.Format(nameof(FileStrings.Portal_ValueConflict), input, Show(existing.Value), existing.Source.File, existing.Source.Row, Show(value), source.File, source.Row));
            }

            return;
        }

        _values[input] = (value, source);
    }

    public void Publish(PublishedScore score) => _published.Add(score);

    public UnitLevel? Level => _level?.Level;

    public PortalUnit Build() => new(
        new UnitData(Code, Name ?? Code, _level!.Value.Level, Parent, _values.ToDictionary(v => v.Key, v => v.Value.Value, StringComparer.Ordinal)) { Source = Source, Kind = _kind },
        _published);

    private static bool Same(object? a, object? b) => a is decimal x && b is decimal y ? x == y : Equals(a, b);

    private static string Show(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";
}

/// <summary>The units of a set of portal files, by department id, in the order each first appeared.</summary>
internal sealed class PortalMerge
{
    private readonly Dictionary<string, PortalUnitBuilder> _units = new(StringComparer.Ordinal);
    private readonly List<PortalUnitBuilder> _order = [];
    private readonly List<UnitRejection> _rejections = [];
    private readonly List<string> _warnings = [];

    public PortalUnitBuilder Unit(string code, string? name, string? parent, UnitSource source)
    {
        if (_units.TryGetValue(code, out var unit))
        {
            unit.Fill(name, parent);
            return unit;
        }

        unit = new PortalUnitBuilder(code, name, parent, source);
        _units[code] = unit;
        _order.Add(unit);
        return unit;
    }

    public void Reject(UnitRejection rejection) => _rejections.Add(rejection);

    public void Warn(string warning) => _warnings.Add(warning);

    public PortalReadResult Result()
    {
        var units = new List<PortalUnit>();
        var rejections = new List<UnitRejection>(_rejections);
        foreach (var unit in _order)
        {
            if (unit.Conflicts.Count > 0)
            {
                rejections.Add(new UnitRejection(unit.Source.File, unit.Source.Row, "departmentId", unit.Code, FileText.Format(nameof(FileStrings.Portal_FilesDisagree), unit.Display, string.Join("; ", unit.Conflicts))) { Unit = unit.Code });
            }
            else if (unit.Level is null)
            {
                rejections.Add(new UnitRejection(unit.Source.File, unit.Source.Row, "departmentLevel", null, FileText.Format(nameof(FileStrings.Portal_NoLevel), unit.Display)) { Unit = unit.Code });
            }
            else
            {
                units.Add(unit.Build());
            }
        }

        return new PortalReadResult(units, rejections, _warnings);
    }
}
