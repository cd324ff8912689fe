namespace Cchc.Rules.Model;

/// <summary>The level of an administrative unit, as written in data and rule files.</summary>
public enum UnitLevel
{
    /// <summary><c>xa</c>: a commune, ward or town (UBND cấp xã).</summary>
    Xa,

    /// <summary><c>huyen</c>: a district (UBND cấp huyện and its offices).</summary>
    Huyen,

    /// <summary><c>so</c>: a provincial department (sở, ban, ngành).</summary>
    So,
}

/// <summary>Converts <see cref="UnitLevel"/> to and from the words used in files.</summary>
public static class UnitLevels
{
    /// <summary>All levels, in file order.</summary>
    public static IReadOnlyList<UnitLevel> All { get; } = [UnitLevel.Xa, UnitLevel.Huyen, UnitLevel.So];

    /// <summary>The file word of a level: <c>xa</c>, <c>huyen</c> or <c>so</c>.</summary>
    public static string ToCode(this UnitLevel level) => level switch
    {
        UnitLevel.Xa => "xa",
        UnitLevel.Huyen => "huyen",
        UnitLevel.So => "so",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>The Vietnamese name of a level, for people.</summary>
    public static string ToVietnamese(this UnitLevel level) => level switch
    {
        UnitLevel.Xa => "cấp xã",
        UnitLevel.Huyen => "cấp huyện",
        UnitLevel.So => "cấp sở",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>Reads a level word (exact, lower case); returns false for anything else.</summary>
    public static bool TryParse(string? text, out UnitLevel level)
    {
        switch (text?.Trim())
        {
            case "xa": level = UnitLevel.Xa; return true;
            case "huyen": level = UnitLevel.Huyen; return true;
            case "so": level = UnitLevel.So; return true;
            default: level = default; return false;
        }
    }
}
