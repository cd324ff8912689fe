using System.Globalization;

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

/// <summary>
/// The kind of a commune-level unit since 1 July 2025 (two-level local government): xã, phường or đặc khu. All three are
/// at <see cref="UnitLevel.Xa"/>.
/// </summary>
public enum UnitKind
{
    /// <summary><c>xa</c>: a commune (xã).</summary>
    Xa,

    /// <summary><c>phuong</c>: a ward (phường).</summary>
    Phuong,

    /// <summary><c>dacKhu</c>: a special zone (đặc khu), e.g. Phú Quý, Côn Đảo, Vân Đồn.</summary>
    DacKhu,
}

/// <summary>Converts <see cref="UnitLevel"/> to and from the words used in files.</summary>
public static class UnitLevels
{
    // The words a data file's level column may hold, after NFC, lower case and single spaces: the level, and the kind
    // when the word names one. "xa"/"xã"/"cấp xã" name the level only (before 2025 the commune level held xã, phường and
    // thị trấn alike); "phường" and "đặc khu" name the kind too.
    private static readonly Dictionary<string, (UnitLevel Level, UnitKind? Kind)> LevelWords = new(StringComparer.Ordinal)
    {
        ["xa"] = (UnitLevel.Xa, null),
        ["xã"] = (UnitLevel.Xa, null),
        ["cấp xã"] = (UnitLevel.Xa, null),
        ["cap xa"] = (UnitLevel.Xa, null),
        ["phuong"] = (UnitLevel.Xa, UnitKind.Phuong),
        ["phường"] = (UnitLevel.Xa, UnitKind.Phuong),
        ["dackhu"] = (UnitLevel.Xa, UnitKind.DacKhu),
        ["dac khu"] = (UnitLevel.Xa, UnitKind.DacKhu),
        ["đặc khu"] = (UnitLevel.Xa, UnitKind.DacKhu),
        ["huyen"] = (UnitLevel.Huyen, null),
        ["huyện"] = (UnitLevel.Huyen, null),
        ["cấp huyện"] = (UnitLevel.Huyen, null),
        ["cap huyen"] = (UnitLevel.Huyen, null),
        ["so"] = (UnitLevel.So, null),
        ["sở"] = (UnitLevel.So, null),
        ["cấp sở"] = (UnitLevel.So, null),
        ["cap so"] = (UnitLevel.So, null),
    };

    private static readonly Dictionary<string, UnitKind> KindWords = new(StringComparer.Ordinal)
    {
        ["xa"] = UnitKind.Xa,
        ["xã"] = UnitKind.Xa,
        ["phuong"] = UnitKind.Phuong,
        ["phường"] = UnitKind.Phuong,
        ["dackhu"] = UnitKind.DacKhu,
        ["dac khu"] = UnitKind.DacKhu,
        ["đặc khu"] = UnitKind.DacKhu,
    };

    /// <summary>All levels, in file order.</summary>
    public static IReadOnlyList<UnitLevel> All { get; } = [UnitLevel.Xa, UnitLevel.Huyen, UnitLevel.So];

    /// <summary>The words a data file's level column accepts (file words first), for error messages and guides.</summary>
    public static IReadOnlyList<string> DataWords { get; } = ["xa", "phuong", "dacKhu", "huyen", "so", "xã", "phường", "đặc khu", "cấp xã", "huyện", "cấp huyện", "sở", "cấp sở"];

    /// <summary>The words a data file's kind column accepts (file words first).</summary>
    public static IReadOnlyList<string> KindDataWords { get; } = ["xa", "phuong", "dacKhu", "xã", "phường", "đặc khu"];

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

    /// <summary>The file word of a kind: <c>xa</c>, <c>phuong</c> or <c>dacKhu</c>.</summary>
    public static string ToCode(this UnitKind kind) => kind switch
    {
        UnitKind.Xa => "xa",
        UnitKind.Phuong => "phuong",
        UnitKind.DacKhu => "dacKhu",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The Vietnamese name of a kind, for people: <c>xã</c>, <c>phường</c>, <c>đặc khu</c>.</summary>
    public static string ToVietnamese(this UnitKind kind) => kind switch
    {
        UnitKind.Xa => "xã",
        UnitKind.Phuong => "phường",
        UnitKind.DacKhu => "đặc khu",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Reads a level word as rule files write it (exact, lower case: xa, huyen, so); returns false for anything else.</summary>
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

    /// <summary>
    /// Reads a data file's level word, in Vietnamese with or without diacritics and in any case, after NFC (<c>xa</c>,
    /// <c>Xã</c>, <c>cấp xã</c>, <c>phường</c>, <c>phuong</c>, <c>đặc khu</c>, <c>dacKhu</c>, <c>huyện</c>, <c>sở</c>…).
    /// A word that names a commune kind (phường, đặc khu) gives it in <paramref name="kind"/>; the level is then
    /// <see cref="UnitLevel.Xa"/>. Returns false for any other word (see <see cref="DataWords"/>).
    /// </summary>
    public static bool TryParseWord(string? text, out UnitLevel level, out UnitKind? kind)
    {
        if (Fold(text) is { } key && LevelWords.TryGetValue(key, out var found))
        {
            (level, kind) = found;
            return true;
        }

        (level, kind) = (default, null);
        return false;
    }

    /// <summary>Reads a data file's kind word (<c>xa</c>, <c>xã</c>, <c>phuong</c>, <c>phường</c>, <c>dacKhu</c>, <c>đặc khu</c>, any case, after NFC).</summary>
    public static bool TryParseKind(string? text, out UnitKind kind)
    {
        if (Fold(text) is { } key && KindWords.TryGetValue(key, out kind))
        {
            return true;
        }

        kind = default;
        return false;
    }

    /// <summary>Reads a kind's file word as <see cref="ToCode(UnitKind)"/> writes it; null for null or anything else.</summary>
    public static UnitKind? KindFromCode(string? code) => code switch
    {
        "xa" => UnitKind.Xa,
        "phuong" => UnitKind.Phuong,
        "dacKhu" => UnitKind.DacKhu,
        _ => null,
    };

    // NFC, lower case (invariant: no Turkish i), runs of white space, '_' and '-' as one space.
    private static string? Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var lower = Text.Nfc.Normalize(text).ToLower(CultureInfo.InvariantCulture);
        return string.Join(' ', lower.Split([' ', '\t', '\u00A0', '_', '-'], StringSplitOptions.RemoveEmptyEntries));
    }
}
