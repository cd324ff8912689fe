using System.Globalization;
using System.Text;
using Cchc.Rules.Model;

namespace Cchc.Samples;

/// <summary>A province (or centrally-run city) since 1 July 2025: its code, name and how many units of each kind it has.</summary>
public sealed record Province2025(string Code, string Name, int Phuong, int Xa, IReadOnlyList<string> DacKhu)
{
    public int Units => Phuong + Xa + DacKhu.Count;
}

/// <summary>A commune-level unit of today's batch and the communes of the earlier batch it was formed from.</summary>
public sealed record NewUnit(string Code, string Name, UnitKind Kind, string Province, IReadOnlyList<OldCommune> Predecessors);

/// <summary>Today's batch, its units, and the merger mapping (<c>oldCode,newCode,oldName,newName</c>).</summary>
public sealed record TodayBatch(GeneratedBatch Batch, IReadOnlyList<NewUnit> Units, string Mapping);

/// <summary>
/// The country since 1 July 2025 (Nghị quyết 202/2025/QH15 and the 34 resolutions on the commune-level rearrangement):
/// 34 provinces (6 centrally-run cities, 28 provinces), 3,321 commune-level units — 2,621 xã, 687 phường, 13 đặc khu —
/// and no districts. The national totals, the largest (TP Hồ Chí Minh, 168) and the smallest (Lai Châu, 38) and
/// Lâm Đồng's 124 are as published; the other provinces' sizes and their xã/phường split are plausible figures for a
/// sample, not checked against each resolution. Codes are the provinces' two-digit codes.
/// </summary>
public static class Country2025
{
    public static IReadOnlyList<Province2025> Provinces { get; } =
    [
        new("01", "Thành phố Hà Nội", 51, 75, []),
        new("79", "Thành phố Hồ Chí Minh", 113, 54, ["Côn Đảo"]),
        new("31", "Thành phố Hải Phòng", 45, 67, ["Cát Hải", "Bạch Long Vĩ"]),
        new("48", "Thành phố Đà Nẵng", 23, 70, ["Hoàng Sa"]),
        new("92", "Thành phố Cần Thơ", 31, 72, []),
        new("46", "Thành phố Huế", 19, 21, []),
        new("08", "Tuyên Quang", 7, 117, []),
        new("04", "Cao Bằng", 3, 53, []),
        new("12", "Lai Châu", 2, 36, []),
        new("15", "Lào Cai", 10, 89, []),
        new("19", "Thái Nguyên", 15, 77, []),
        new("11", "Điện Biên", 3, 42, []),
        new("20", "Lạng Sơn", 4, 61, []),
        new("14", "Sơn La", 8, 67, []),
        new("25", "Phú Thọ", 15, 133, []),
        new("24", "Bắc Ninh", 33, 66, []),
        new("22", "Quảng Ninh", 30, 22, ["Vân Đồn", "Cô Tô"]),
        new("33", "Hưng Yên", 11, 93, []),
        new("37", "Ninh Bình", 32, 97, []),
        new("38", "Thanh Hóa", 19, 147, []),
        new("40", "Nghệ An", 11, 119, []),
        new("42", "Hà Tĩnh", 9, 60, []),
        new("44", "Quảng Trị", 8, 69, ["Cồn Cỏ"]),
        new("51", "Quảng Ngãi", 9, 86, ["Lý Sơn"]),
        new("52", "Gia Lai", 25, 110, []),
        new("56", "Khánh Hòa", 16, 48, ["Trường Sa"]),
        new("68", "Lâm Đồng", 20, 103, ["Phú Quý"]),
        new("66", "Đắk Lắk", 14, 88, []),
        new("75", "Đồng Nai", 24, 71, []),
        new("80", "Tây Ninh", 14, 82, []),
        new("86", "Vĩnh Long", 20, 104, []),
        new("82", "Đồng Tháp", 20, 82, []),
        new("96", "Cà Mau", 9, 55, []),
        new("91", "An Giang", 14, 85, ["Phú Quốc", "Kiên Hải", "Thổ Châu"]),
    ];

    /// <summary>
    /// How many communes of the earlier batch each special zone is formed from in the sample: Phú Quý from the island
    /// district's three communes (Long Hải, Ngũ Phụng, Tam Thanh); island districts without communes from one.
    /// </summary>
    public static IReadOnlyDictionary<string, int> DacKhuPredecessors { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["Phú Quý"] = 3, ["Côn Đảo"] = 1, ["Cát Hải"] = 3, ["Bạch Long Vĩ"] = 1, ["Hoàng Sa"] = 1, ["Vân Đồn"] = 3, ["Cô Tô"] = 3,
        ["Cồn Cỏ"] = 1, ["Lý Sơn"] = 3, ["Trường Sa"] = 3, ["Phú Quốc"] = 3, ["Kiên Hải"] = 3, ["Thổ Châu"] = 1,
    };
}

public sealed partial class NationalGenerator
{
    /// <summary>
    /// Today's batch: the 34 provinces' communes, wards and special zones (parent = the province code), each formed
    /// from about three communes of <paramref name="earlier"/> (the earlier year's batch, in file order: contiguous
    /// runs, so a new unit's predecessors are neighbours of one district or two). A new unit's latent quality is its
    /// predecessors' mean plus a little noise, so last year's results and this year's tell a story. Most new units keep
    /// one predecessor's code, as in 2025; the others get a new code (3xxxx).
    /// </summary>
    public TodayBatch GenerateToday(IReadOnlyList<OldCommune> earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var provinces = Country2025.Provinces;
        var total = provinces.Sum(p => p.Units);
        var profiles = Profiles.For(ruleSet, year: 2025);
        string[] identity = ["code", "name", "level", "kind", "parent"];
        var header = identity.Concat(ruleSet.Inputs.Select(i => i.Name)).ToArray();
        var rows = new List<string[]>();
        var units = new List<NewUnit>();
        var keep = new List<string[]>();
        var emptyCells = 0;
        var nextNewCode = 30001;
        var taken = 0;
        var assigned = 0;
        foreach (var province in provinces)
        {
            // The province's share of the earlier communes, in proportion to its units (the last takes the rest).
            assigned += province.Units;
            var end = assigned == total ? earlier.Count : (int)Math.Round((double)earlier.Count * assigned / total);
            var chunk = earlier.Skip(taken).Take(end - taken).ToList();
            taken = end;

            var kinds = Enumerable.Repeat(UnitKind.Phuong, province.Phuong).Concat(Enumerable.Repeat(UnitKind.Xa, province.Xa)).ToArray();
            _random.Shuffle(kinds);
            var sizes = Sizes(chunk.Count - province.DacKhu.Sum(d => Country2025.DacKhuPredecessors[d]), kinds.Length);
            var names = new HashSet<string>(StringComparer.Ordinal);
            var at = 0;
            for (var u = 0; u < kinds.Length + province.DacKhu.Count; u++)
            {
                var special = u >= kinds.Length ? province.DacKhu[u - kinds.Length] : null;
                var kind = special is null ? kinds[u] : UnitKind.DacKhu;
                var size = special is null ? sizes[u] : Country2025.DacKhuPredecessors[special];
                var predecessors = chunk.GetRange(at, size);
                at += size;
                var code = _random.NextDouble() < 0.88
                    ? predecessors[_random.Next(predecessors.Count)].Code
                    : (nextNewCode++).ToString("00000", CultureInfo.InvariantCulture);
                var name = special is null ? UniqueName(names, kind.ToVietnamese()) : $"đặc khu {special}";
                var quality = Math.Clamp(predecessors.Average(p => p.Quality) + Normal(0, 0.04), 0.02, 0.98);
                var context = new UnitContext(quality, _random);
                var row = new string[header.Length];
                row[0] = code;
                row[1] = "UBND " + name;
                row[2] = "xa";
                row[3] = kind.ToCode();
                row[4] = province.Code;
                emptyCells += FillInputs(row, identity.Length, profiles, context);
                rows.Add(row);
                units.Add(new NewUnit(code, row[1].Normalize(NormalizationForm.FormC), kind, province.Code, predecessors));
                if (special is not null)
                {
                    keep.Add(row); // the special zones stay clean: the README and the tests look at Phú Quý
                }
            }
        }

        var bad = Spoil(rows, header, identity.Length, [("unknown level word", "level", "quận"), ("unknown kind word", "kind", "thị trấn")], keep);
        var csv = new StringBuilder();
        csv.Append(string.Join(Separator, header)).Append('\n');
        foreach (var row in rows)
        {
            csv.Append(string.Join(Separator, row.Select(Quote))).Append('\n');
        }

        var mapping = new StringBuilder("oldCode,newCode,oldName,newName\n");
        foreach (var (old, unit) in units.SelectMany(u => u.Predecessors.Select(p => (p, u))).OrderBy(x => x.p.Code, StringComparer.Ordinal))
        {
            mapping.Append(CultureInfo.InvariantCulture, $"{old.Code},{unit.Code},{CsvCell(old.Name)},{CsvCell(unit.Name)}\n");
        }

        return new TodayBatch(new GeneratedBatch(csv.ToString(), rows.Count, units.Count, bad, emptyCells), units, mapping.ToString());
    }

    /// <summary><paramref name="count"/> group sizes summing to <paramref name="communes"/>: about even, some 2 and some 5, none below 1.</summary>
    private int[] Sizes(int communes, int count)
    {
        var sizes = Enumerable.Range(0, count).Select(i => (communes / count) + (i < communes % count ? 1 : 0)).ToArray();
        _random.Shuffle(sizes);
        for (var k = 0; k < count / 3; k++)
        {
            var from = _random.Next(count);
            var to = _random.Next(count);
            if (sizes[from] > 2 && from != to)
            {
                sizes[from]--;
                sizes[to]++;
            }
        }

        return sizes;
    }

    private static string CsvCell(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal)
        ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : text;
}
