using System.Text;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Units;
using Newtonsoft.Json.Linq;

namespace Cchc.Scoring.Tests.Units;

public class UnitDataTests
{
    private static Dictionary<string, object?> Row(params (string Key, object? Value)[] values)
        => values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    [Fact]
    public void FromRow_FullIdentity_SplitsIdentityFromValues()
    {
        var unit = UnitData.FromRow(Row(("code", " X01 "), ("name", "Xã Một"), ("level", "xa"), ("parent", "H01"), ("tyLe", "72,5"), ("soLuong", 3m)));

        Assert.Equal("X01", unit.Code);
        Assert.Equal("Xã Một", unit.Name);
        Assert.Equal(UnitLevel.Xa, unit.Level);
        Assert.Equal("H01", unit.Parent);
        Assert.Equal(["soLuong", "tyLe"], unit.Values.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("72,5", unit.Values["tyLe"]);
        Assert.Equal(3m, unit.Values["soLuong"]);
    }

    [Fact]
    public void FromRow_NoNameNoParent_NameIsTheCodeAndParentIsNull()
    {
        var unit = UnitData.FromRow(Row(("code", "H01"), ("level", "huyen"), ("parent", " ")));

        Assert.Equal("H01", unit.Name);
        Assert.Null(unit.Parent);
        Assert.Equal(UnitLevel.Huyen, unit.Level);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void FromRow_MissingCode_ThrowsWithTheField(string? code)
    {
        var source = new UnitSource("du-lieu.csv", 7);

        var e = Assert.Throws<UnitDataException>(() => UnitData.FromRow(Row(("code", code), ("level", "xa")), source));

        Assert.Equal("code", e.Field);
        Assert.Same(source, e.Location);
        Assert.StartsWith("du-lieu.csv, dòng 7: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRow_NoCodeKey_ThrowsWithTheField()
        => Assert.Equal("code", Assert.Throws<UnitDataException>(() => UnitData.FromRow(Row(("level", "xa")))).Field);

    [Theory]
    [InlineData("tinh")]
    [InlineData("quận")]
    [InlineData("thị trấn")]
    [InlineData("xa phuong")]
    [InlineData(null)]
    public void FromRow_BadLevel_ThrowsWithTheFieldAndValue(string? level)
    {
        var e = Assert.Throws<UnitDataException>(() => UnitData.FromRow(Row(("code", "X01"), ("level", level))));

        Assert.Equal("level", e.Field);
        Assert.Equal(level, e.Value);
        Assert.Contains("đọc được: xa, phuong, dacKhu, huyen, so", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRow_NfdKeysAndValues_AreNormalisedToNfc()
    {
        var nfdName = "Xã Long Hải".Normalize(NormalizationForm.FormD);
        var unit = UnitData.FromRow(Row(("code", "X01"), ("name", nfdName), ("level", "xa"), ("xepLoai", "Khá".Normalize(NormalizationForm.FormD))));

        Assert.Equal("Xã Long Hải", unit.Name);
        Assert.Equal("Khá", unit.Values["xepLoai"]);
        Assert.True(((string)unit.Values["xepLoai"]!).IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void FromJObject_FlatObject_KeepsTypesOfValues()
    {
        var json = JObject.Parse("""
            { "code": "X01", "name": "Xã Một", "level": "xa", "soLuong": 3, "tyLe": 72.5, "coKhong": true, "ngay": "2023-02-18", "trong": null }
            """);

        var unit = UnitData.FromJObject(json);

        Assert.Equal("X01", unit.Code);
        Assert.Equal(3m, unit.Values["soLuong"]);
        Assert.IsType<decimal>(unit.Values["soLuong"]);
        Assert.Equal(true, unit.Values["coKhong"]);
        Assert.Equal("2023-02-18", unit.Values["ngay"]?.ToString());
        Assert.Null(unit.Values["trong"]);
        Assert.Equal(72.5m, Convert.ToDecimal(unit.Values["tyLe"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FromJObject_BadLevel_Throws()
        => Assert.Equal("level", Assert.Throws<UnitDataException>(() => UnitData.FromJObject(JObject.Parse("""{ "code": "X01", "level": "tinh" }"""))).Field);

    [Fact]
    public async Task FromJObject_ScoredOnTheShippedRuleSet_ReadsEveryValue()
    {
        var unit = UnitData.FromJObject(JObject.Parse("""
            { "code": "X01", "level": "xa", "tyLeHaiLong": 91.2, "ngayBanHanhKeHoachCchc": "2023-02-18" }
            """));

        var card = await Support.Shipped.Engine.ScoreAsync(unit);

        Assert.Equal(CriterionStatus.Met, card.Criteria.Single(c => c.Id == "MT2.5a").Status);
        Assert.Equal(91.2m, card.Criteria.Single(c => c.Id == "MT2.5a").Value?.Number);
        Assert.Equal(CriterionStatus.Met, card.Criteria.Single(c => c.Id == "MT7.1").Status);
    }
}
