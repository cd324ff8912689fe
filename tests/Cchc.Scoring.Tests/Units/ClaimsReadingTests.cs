using System.Text;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;
using Newtonsoft.Json.Linq;

namespace Cchc.Scoring.Tests.Units;

/// <summary>Claimed points (điểm tự chấm) in every input format: <c>tuCham:&lt;id&gt;</c> columns, or a nested JSON object.</summary>
public sealed class ClaimsReadingTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static List<UnitData> Read(string path, out UnitFileReader reader)
    {
        reader = new UnitFileReader(Shipped.RuleSet);
        var results = reader.Read(path).ToList();
        Assert.All(results, r => Assert.Null(r.Rejection));
        return [.. results.Select(r => r.Unit!)];
    }

    [Fact]
    public void Read_CsvClaimColumns_AreClaimsNotInputsAndRaiseNoUnknownColumnWarning()
    {
        var path = _temp.Write("tu-cham.csv", "code;level;tyLeHaiLong;tuCham:MT2.5a;tuCham:MT2.4; tuCham:MT7.1 \nX01;xa;72,5;0,5;1;\n");

        var unit = Assert.Single(Read(path, out var reader));

        Assert.Empty(reader.Warnings);
        Assert.Equal(["tyLeHaiLong"], unit.Values.Keys);
        Assert.Equal(2, unit.Claims.Count); // the empty cell is no claim
        Assert.Equal("0,5", unit.Claims["MT2.5a"]);
        Assert.Equal("1", unit.Claims["MT2.4"]);
    }

    [Fact]
    public void Read_JsonFlatAndNestedClaims_GiveTheSameClaims()
    {
        var flat = _temp.Write("flat.json", """{ "code": "X01", "level": "xa", "tuCham:MT2.4": 1, "tuCham:MT2.5a": "0,5" }""");
        var nested = _temp.Write("nested.json", """{ "code": "X01", "level": "xa", "tuCham": { "MT2.4": 1, "MT2.5a": "0,5" } }""");

        var a = Assert.Single(Read(flat, out var flatReader));
        var b = Assert.Single(Read(nested, out var nestedReader));

        Assert.Empty(flatReader.Warnings);
        Assert.Empty(nestedReader.Warnings);
        Assert.Equal(a.Claims.OrderBy(c => c.Key), b.Claims.OrderBy(c => c.Key));
        Assert.Equal(1m, b.Claims["MT2.4"]);
        Assert.Empty(b.Values);
    }

    [Fact]
    public async Task FromJObject_NestedClaims_AreReadLikeAFile()
    {
        // JObject.Parse reads 0.75 as a double; the claim is still the exact decimal 0,75.
        var unit = UnitData.FromJObject(JObject.Parse("""{ "code": "X01", "level": "xa", "tuCham": { "MT7.4": 0.75 } }"""));

        var card = await Shipped.Engine.ScoreAsync(unit);

        Assert.Equal(0.75m, card.SelfAssessment!.ClaimedPoints);
    }

    [Fact]
    public void Read_DecomposedLabelledClaimHeader_IsNormalisedToTheClaim()
    {
        // "Tự chấm (tuCham:MT2.4)" written in decomposed Unicode, as some spreadsheets save it.
        var header = "Tự chấm (tuCham:MT2.4)".Normalize(NormalizationForm.FormD);
        var path = _temp.Write("nfd.csv", $"code,level,{header}\nX01,xa,1\n");

        var unit = Assert.Single(Read(path, out var reader));

        Assert.Empty(reader.Warnings);
        Assert.Equal("1", unit.Claims["MT2.4"]);
    }

    [Fact]
    public void FromRow_ClaimWithoutId_IsKeptSoThatItIsReported()
    {
        var unit = UnitData.FromRow(new Dictionary<string, object?> { ["code"] = "X01", ["level"] = "xa", ["tuCham"] = 5m });

        Assert.Equal(5m, unit.Claims[""]);
    }
}
