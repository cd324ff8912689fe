using Cchc.Rules.Model;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Units;

/// <summary>Reading the portal's (Cổng DVCQG) evaluation responses: both shapes, merging, levels, and what is refused.</summary>
public sealed class PortalDataReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Evaluation(string name, string items, string? overview = null) => _temp.Write(name, $$"""
        {
          "code": "OK",
          "data": {
            "overview": {{overview ?? """{ "departmentId": "tinh", "departmentName": "UBND tỉnh", "departmentLevel": "PROVINCE", "metrics": [] }"""}},
            "evaluation": [
        {{items}}
            ]
          }
        }
        """);

    [Fact]
    public void Read_EvaluationShape_MapsNumeratorAndDenominatorToInputsAndKeepsPublishedScores()
    {
        var path = Evaluation("transparency.json", """
              { "departmentId": "so-tp", "departmentName": "Sở Tư pháp", "departmentLevel": "DEPARTMENT", "score": 9.5,
                "metrics": [
                  { "code": "PUBLISH_ON_TIME", "numerator": 15, "denominator": 16, "ratio": 93.75, "score": 5.63, "maxScore": 6 },
                  { "code": "DOSSIER_SYNC", "numerator": 0, "denominator": 0, "ratio": 0, "score": null, "maxScore": 6 }
                ] }
            """);

        var result = PortalDataReader.Read([path]);

        Assert.Empty(result.Rejections);
        Assert.Empty(result.Warnings);
        var portal = Assert.Single(result.Units);
        Assert.Equal(("so-tp", "Sở Tư pháp", UnitLevel.So, "tinh"), (portal.Unit.Code, portal.Unit.Name, portal.Unit.Level, portal.Unit.Parent));
        Assert.Equal(15m, portal.Unit.Values["publishOnTimeNum"]);
        Assert.Equal(16m, portal.Unit.Values["publishOnTimeDen"]);
        Assert.Equal(0m, portal.Unit.Values["dossierSyncDen"]);
        Assert.Equal(
            [("PUBLISH_ON_TIME", PublishedScoreKind.Criterion, (decimal?)5.63m, (decimal?)6m), ("DOSSIER_SYNC", PublishedScoreKind.Criterion, null, 6m), ("cong-khai-minh-bach", PublishedScoreKind.Group, 9.5m, null)],
            portal.PublishedScores.Select(p => (p.Id, p.Kind, p.Score, p.MaxScore)));
        Assert.Equal(new UnitSource("transparency.json", 8), portal.PublishedScores[0].Source);
    }

    [Fact]
    public void Read_TreeShape_TakesRawCountsAndTheGroupScore_SkipsTheProvinceParent()
    {
        var path = _temp.Write("formality-online-payment-tree.json", """
            { "data": {
                "parent": { "departmentId": "tinh", "departmentName": "UBND tỉnh", "totalFeeFormality": 50, "totalScore": null },
                "children": [
                  { "departmentId": "xa-1", "departmentName": "UBND xã Một", "departmentLevel": "COMMUNE",
                    "totalDossierOnlinePaymentSuccess": 5, "totalDossierFinancialObligation": 8, "totalDossierOnlineFormalityPaymentSuccess": 3,
                    "totalFeeDossierFormalityDistinct": 4, "totalFeeDossierFormality": 4, "totalFeeFormality": 5, "totalScore": 7.35, "totalMaxScore": 10 }
                ] } }
            """);

        var result = PortalDataReader.Read([path]);

        Assert.Empty(result.Rejections);
        var portal = Assert.Single(result.Units);
        Assert.Equal(("xa-1", UnitLevel.Xa, "tinh"), (portal.Unit.Code, portal.Unit.Level, portal.Unit.Parent));
        Assert.Equal(5, portal.Unit.Values.Count);
        Assert.Equal(5m, portal.Unit.Values["totalFeeFormality"]);
        Assert.False(portal.Unit.Values.ContainsKey("totalFeeDossierFormalityDistinct"));
        var score = Assert.Single(portal.PublishedScores);
        Assert.Equal(("thanh-toan-truc-tuyen", PublishedScoreKind.Group, (decimal?)7.35m, (decimal?)10m), (score.Id, score.Kind, score.Score, score.MaxScore));
    }

    [Fact]
    public void Read_SeveralFiles_MergesAUnitByDepartmentIdAndLevelMayComeFromAnyFile()
    {
        var evaluation = Evaluation("a.json", """
              { "departmentId": "h-1", "departmentName": "UBND huyện Một", "departmentLevel": "Cấp huyện",
                "metrics": [ { "code": "PETITION_PROCESSING_ON_TIME", "numerator": 0, "denominator": 0, "score": 6, "maxScore": 6 } ] }
            """);
        var tree = _temp.Write("b.json", """
            { "data": { "parent": null, "children": [ { "departmentId": "h-1", "departmentName": "UBND huyện Một", "totalReceived": 200, "totalOnTime": 190, "score": 19, "maxScore": 20 } ] } }
            """);

        var result = PortalDataReader.Read([tree, evaluation]);

        Assert.Empty(result.Rejections);
        var portal = Assert.Single(result.Units);
        Assert.Equal(UnitLevel.Huyen, portal.Unit.Level);
        Assert.Equal(new UnitSource("b.json", 1), portal.Unit.Source);
        Assert.Equal(["totalOnTime", "totalReceived", "petitionProcessingOnTimeNum", "petitionProcessingOnTimeDen"], portal.Unit.Values.Keys);
        Assert.Equal(["tien-do-giai-quyet", "PETITION_PROCESSING_ON_TIME"], portal.PublishedScores.Select(p => p.Id));
    }

    [Theory]
    [InlineData("COMMUNE", UnitLevel.Xa)]
    [InlineData("ward", UnitLevel.Xa)]
    [InlineData("Cấp xã", UnitLevel.Xa)]
    [InlineData("xa", UnitLevel.Xa)]
    [InlineData("DISTRICT", UnitLevel.Huyen)]
    [InlineData("huyện", UnitLevel.Huyen)]
    [InlineData("PROVINCIAL_DEPARTMENT", UnitLevel.So)]
    [InlineData("Sở, ban, ngành", UnitLevel.So)]
    public void Read_DepartmentLevelWords_MapToLevels(string word, UnitLevel level)
    {
        var path = Evaluation("e.json", $$"""{ "departmentId": "u", "departmentName": "Đơn vị", "departmentLevel": "{{word}}", "metrics": [] }""");

        Assert.Equal(level, Assert.Single(PortalDataReader.Read([path]).Units).Unit.Level);
    }

    [Theory]
    [InlineData("Đặc khu", UnitKind.DacKhu)]
    [InlineData("phuong", UnitKind.Phuong)]
    [InlineData("Phường", UnitKind.Phuong)]
    public void Read_DepartmentLevelNamingAKind_GivesTheCommuneLevelAndTheKind(string word, UnitKind kind)
    {
        var path = Evaluation("e.json", $$"""{ "departmentId": "u", "departmentName": "Đơn vị", "departmentLevel": "{{word}}", "metrics": [] }""");

        var unit = Assert.Single(PortalDataReader.Read([path]).Units).Unit;

        Assert.Equal((UnitLevel.Xa, (UnitKind?)kind), (unit.Level, unit.Kind));
    }

    [Fact]
    public void Read_UnknownDepartmentLevel_IsRejectedWithFileLineAndValue()
    {
        var path = Evaluation("e.json", """
              { "departmentId": "ok", "departmentName": "UBND xã Tốt", "departmentLevel": "COMMUNE", "metrics": [] },
              { "departmentId": "bad", "departmentName": "Ban quản lý", "departmentLevel": 7, "metrics": [] }
            """);

        var result = PortalDataReader.Read([path]);

        Assert.Equal("ok", Assert.Single(result.Units).Unit.Code);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(("e.json", 7, "departmentLevel", "7"), (rejection.File, rejection.Row, rejection.Column, rejection.Value));
        Assert.Contains("Ban quản lý", rejection.Reason);
        Assert.Contains("COMMUNE", rejection.Reason);
    }

    [Fact]
    public void Read_UnknownMetricCode_IsReportedWithPlaceAndValues_InformationalCodesAreNot()
    {
        var path = Evaluation("e.json", """
              { "departmentId": "x", "departmentName": "UBND xã X", "departmentLevel": "COMMUNE", "metrics": [
                  { "code": "PETITION_CLASSIFICATION_STAFF", "numerator": 1, "denominator": 4, "score": null, "maxScore": 0 },
                  { "code": "NEW_METRIC_2027", "numerator": 3, "denominator": 4, "score": 1.5, "maxScore": 2 }
              ] }
            """);

        var result = PortalDataReader.Read([path]);

        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith("e.json, dòng 8: mã chỉ số 'NEW_METRIC_2027' của đơn vị UBND xã X (x)", warning, StringComparison.Ordinal);
        Assert.Contains("numerator 3, denominator 4, score 1.5", warning);
        Assert.Empty(Assert.Single(result.Units).Unit.Values);
    }

    [Fact]
    public void Read_ConflictingValuesAcrossFiles_RejectsTheUnitNamingBothPlaces()
    {
        var first = Evaluation("a.json", """{ "departmentId": "x", "departmentName": "UBND xã X", "departmentLevel": "COMMUNE", "metrics": [ { "code": "PAYMENT_FORMALITIES", "numerator": 3, "denominator": 10, "score": 0.75 } ] }""");
        var second = _temp.Write("b.json", """{ "data": { "children": [ { "departmentId": "x", "totalFeeFormality": 12 } ] } }""");

        var result = PortalDataReader.Read([first, second]);

        Assert.Empty(result.Units);
        var rejection = Assert.Single(result.Rejections);
        Assert.Contains("totalFeeFormality là 10 (a.json, dòng 6) nhưng là 12 (b.json, dòng 1)", rejection.Reason);
    }

    [Fact]
    public void Read_NoFileGivesALevel_RejectsTheUnit()
    {
        var path = _temp.Write("t.json", """{ "data": { "children": [ { "departmentId": "x", "departmentName": "UBND xã X", "totalReceived": 1, "totalOnTime": 1 } ] } }""");

        var rejection = Assert.Single(PortalDataReader.Read([path]).Rejections);

        Assert.Equal(("t.json", "departmentLevel"), (rejection.File, rejection.Column));
        Assert.Contains("UBND xã X", rejection.Reason);
    }

    [Fact]
    public void Read_BrokenOrForeignFile_IsRejectedAndTheOthersAreStillRead()
    {
        var broken = _temp.Write("broken.json", "{ \"data\": { \"evaluation\": [ { \"departmentId\": ");
        var foreign = _temp.Write("foreign.json", """{ "result": [] }""");
        var good = Evaluation("good.json", """{ "departmentId": "x", "departmentName": "UBND xã X", "departmentLevel": "COMMUNE", "metrics": [] }""");

        var result = PortalDataReader.Read([broken, foreign, good]);

        Assert.Single(result.Units);
        Assert.Equal(["broken.json", "foreign.json"], result.Rejections.Select(r => r.File));
        Assert.Contains("JSON không hợp lệ", result.Rejections[0].Reason);
        Assert.Contains("data.evaluation[]", result.Rejections[1].Reason);
    }

    [Fact]
    public void IsPortalResponse_TellsPortalFilesFromUnitFiles()
    {
        Assert.True(PortalDataReader.IsPortalResponse(Evaluation("e.json", "")));
        Assert.True(PortalDataReader.IsPortalResponse(_temp.Write("t.json", """{ "code": "OK", "message": "x", "data": { "pagination": {}, "children": [] } }""")));
        Assert.False(PortalDataReader.IsPortalResponse(_temp.Write("u.json", """{ "code": "X", "name": "Xã", "level": "xa", "data": 3 }""")));
        Assert.False(PortalDataReader.IsPortalResponse(_temp.Write("a.json", """[ { "code": "X", "level": "xa" } ]""")));
        Assert.False(PortalDataReader.IsPortalResponse(_temp.Write("n.json", "not json")));
    }

    [Fact]
    public void Read_ShippedSample_GivesFourUnitsWithEveryInputOfTheRuleSet()
    {
        var result = PortalDataReader.Read(Qd766.SampleFiles);

        Assert.Empty(result.Rejections);
        Assert.Empty(result.Warnings);
        Assert.Equal(["so-tu-phap", "huyen-hoa-binh", "xa-an-phu", "xa-binh-minh"], result.Units.Select(u => u.Unit.Code));
        Assert.All(result.Units, u => Assert.Equal(Qd766.RuleSet.Inputs.Select(i => i.Name).Order(StringComparer.Ordinal), u.Unit.Values.Keys.Order(StringComparer.Ordinal)));
        Assert.All(result.Units, u => Assert.Equal("tinh-mau", u.Unit.Parent));
    }

    [Fact]
    public async Task UnitFileReader_PortalFile_ReadsItAsUnits()
    {
        var path = Qd766.SampleFiles.Single(f => f.EndsWith("dvc-progress-tree.json", StringComparison.Ordinal));

        var results = new UnitFileReader(Qd766.RuleSet).Read(path).ToList();

        Assert.Equal(4, results.Count(r => r.Unit is not null));
        var card = await Qd766.Engine.ScoreAsync(results.First(r => r.Unit?.Code == "huyen-hoa-binh").Unit!);
        Assert.Equal(19m, card.Criteria.Single(c => c.Id == "ON_TIME").Points);
    }
}
