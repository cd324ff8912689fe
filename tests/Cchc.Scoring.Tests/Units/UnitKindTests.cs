using System.Text;
using Cchc.Rules.Model;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Units;

/// <summary>
/// Level words as officers write them since the two-level local government (1 July 2025): xã, phường and đặc khu at
/// the commune level, with or without diacritics, any case, composed or decomposed; huyện kept for earlier years.
/// </summary>
public class UnitKindTests
{
    private static Dictionary<string, object?> Row(params (string Key, object? Value)[] values)
        => values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    public static TheoryData<string, UnitLevel, UnitKind?> LevelWords() => new()
    {
        { "xa", UnitLevel.Xa, null },
        { "xã", UnitLevel.Xa, null },
        { "Xã", UnitLevel.Xa, null },
        { "XA", UnitLevel.Xa, null },
        { "cấp xã", UnitLevel.Xa, null },
        { "Cấp Xã", UnitLevel.Xa, null },
        { "cap xa", UnitLevel.Xa, null },
        { "phuong", UnitLevel.Xa, UnitKind.Phuong },
        { "phường", UnitLevel.Xa, UnitKind.Phuong },
        { "Phường", UnitLevel.Xa, UnitKind.Phuong },
        { "PHƯỜNG", UnitLevel.Xa, UnitKind.Phuong },
        { "dacKhu", UnitLevel.Xa, UnitKind.DacKhu },
        { "dackhu", UnitLevel.Xa, UnitKind.DacKhu },
        { "dac khu", UnitLevel.Xa, UnitKind.DacKhu },
        { "dac_khu", UnitLevel.Xa, UnitKind.DacKhu },
        { "đặc khu", UnitLevel.Xa, UnitKind.DacKhu },
        { "Đặc khu", UnitLevel.Xa, UnitKind.DacKhu },
        { "  đặc   khu ", UnitLevel.Xa, UnitKind.DacKhu },
        { "huyen", UnitLevel.Huyen, null },
        { "huyện", UnitLevel.Huyen, null },
        { "Cấp huyện", UnitLevel.Huyen, null },
        { "cap huyen", UnitLevel.Huyen, null },
        { "so", UnitLevel.So, null },
        { "sở", UnitLevel.So, null },
        { "Cấp sở", UnitLevel.So, null },
    };

    [Theory]
    [MemberData(nameof(LevelWords))]
    public void FromRow_EveryAcceptedLevelWord_GivesItsLevelAndKind(string word, UnitLevel level, UnitKind? kind)
    {
        var unit = UnitData.FromRow(Row(("code", "X01"), ("level", word)));

        Assert.Equal((level, kind), (unit.Level, unit.Kind));
    }

    [Theory]
    [MemberData(nameof(LevelWords))]
    public void FromRow_LevelWordDecomposed_ReadsAsComposed(string word, UnitLevel level, UnitKind? kind)
    {
        var unit = UnitData.FromRow(Row(("code", "X01"), ("level", word.Normalize(NormalizationForm.FormD))));

        Assert.Equal((level, kind), (unit.Level, unit.Kind));
    }

    [Theory]
    [InlineData("xa", UnitKind.Xa)]
    [InlineData("Xã", UnitKind.Xa)]
    [InlineData("phuong", UnitKind.Phuong)]
    [InlineData("Phường", UnitKind.Phuong)]
    [InlineData("dacKhu", UnitKind.DacKhu)]
    [InlineData("đặc khu", UnitKind.DacKhu)]
    public void FromRow_KindColumn_StatesTheKindOfACommuneLevelUnit(string word, UnitKind kind)
    {
        var unit = UnitData.FromRow(Row(("code", "X01"), ("level", "xa"), ("kind", word), ("soLuong", 3m)));

        Assert.Equal(UnitLevel.Xa, unit.Level);
        Assert.Equal(kind, unit.Kind);
        Assert.DoesNotContain("kind", unit.Values.Keys);
    }

    [Fact]
    public void FromRow_KindColumnAgreeingWithTheLevelWord_IsAccepted()
        => Assert.Equal(UnitKind.Phuong, UnitData.FromRow(Row(("code", "X01"), ("level", "phường"), ("kind", "phuong"))).Kind);

    [Fact]
    public void FromRow_KindColumnContradictingTheLevelWord_IsADataErrorWithItsPlace()
    {
        var source = new UnitSource("xa-3321.csv", 12);

        var e = Assert.Throws<UnitDataException>(() => UnitData.FromRow(Row(("code", "X01"), ("level", "dacKhu"), ("kind", "phuong")), source));

        Assert.Equal("kind", e.Field);
        Assert.Equal("phuong", e.Value);
        Assert.Contains("phải khớp", e.Reason, StringComparison.Ordinal);
        Assert.StartsWith("xa-3321.csv, dòng 12: kind = 'phuong'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRow_KindOnADistrict_IsADataError()
    {
        var e = Assert.Throws<UnitDataException>(() => UnitData.FromRow(Row(("code", "H01"), ("level", "huyen"), ("kind", "phuong"))));

        Assert.Equal("kind", e.Field);
        Assert.Contains("chỉ dành cho đơn vị cấp xã", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("thị trấn")]
    [InlineData("quan")]
    [InlineData("huyen")]
    public void FromRow_UnknownKindWord_IsADataErrorListingTheAcceptedWords(string word)
    {
        var source = new UnitSource("du-lieu.csv", 4);

        var e = Assert.Throws<UnitDataException>(() => UnitData.FromRow(Row(("code", "X01"), ("level", "xa"), ("kind", word)), source));

        Assert.Equal(("kind", word), (e.Field, e.Value));
        Assert.Contains("đọc được: xa, phuong, dacKhu, xã, phường, đặc khu", e.Reason, StringComparison.Ordinal);
        Assert.Same(source, e.Location);
    }

    [Fact]
    public void FromRow_EmptyKindCell_LeavesTheKindUnstated()
        => Assert.Null(UnitData.FromRow(Row(("code", "X01"), ("level", "xa"), ("kind", " "))).Kind);

    [Fact]
    public void FromRow_UnknownLevelWord_ErrorNamesRowColumnValueAndTheAcceptedWords()
    {
        var e = Assert.Throws<UnitDataException>(() => UnitData.FromRow(Row(("code", "X01"), ("level", "Quận")), new UnitSource("xa.csv", 9)));

        Assert.Equal("xa.csv, dòng 9: level = 'Quận': cấp đơn vị (level) không rõ; đọc được: xa, phuong, dacKhu, huyen, so, xã, phường, đặc khu, cấp xã, huyện, cấp huyện, sở, cấp sở", e.Message);
    }

    [Fact]
    public void FromJObject_PortalObject_GoesThroughTheSameWords()
    {
        var unit = UnitData.FromJObject(Newtonsoft.Json.Linq.JObject.Parse("""{ "code": "26734", "name": "Đặc khu Phú Quý", "level": "Đặc khu", "parent": "68" }"""));

        Assert.Equal((UnitLevel.Xa, UnitKind.DacKhu, "68"), (unit.Level, unit.Kind, unit.Parent));
    }
}
