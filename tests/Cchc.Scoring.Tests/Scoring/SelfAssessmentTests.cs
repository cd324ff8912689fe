using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Scoring;

public sealed class SelfAssessmentTests
{
    private static async Task<ScoreCard> ScoreAsync(string sample, string code)
    {
        var unit = new UnitFileReader(Shipped.RuleSet).Read(Path.Combine(Paths.Samples, sample)).Select(r => r.Unit).Single(u => u!.Code == code)!;
        return await Shipped.Engine.ScoreAsync(unit);
    }

    private static Task<ScoreCard> ScoreAsync(params (string Name, object? Value)[] claims)
    {
        var row = new Dictionary<string, object?> { ["code"] = "X01", ["level"] = "xa", ["tyLeHaiLong"] = 90m, ["tyLeHaiLongDatDai"] = 80m };
        foreach (var (name, value) in claims)
        {
            row[name] = value;
        }

        return Shipped.Engine.ScoreAsync(UnitData.FromRow(row, new UnitSource("tu-cham.csv", 7))).AsTask();
    }

    [Fact]
    public async Task Score_NoClaims_HasNoSelfAssessment()
    {
        var card = await ScoreAsync();

        Assert.Null(card.SelfAssessment);
        Assert.DoesNotContain("selfAssessment", ScoreCardJson.Serialize(card), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("long-hai", "18", "100", new[] { "MT2.3b" })]
    [InlineData("ngu-phung", "16.5", "91.67", new[] { "MT2.2b", "MT4.1" })]
    [InlineData("tam-thanh", "15", "83.33", new[] { "MT2.1a", "MT2.4", "MT7.1" })]
    public async Task Score_SampleClaims_ListEveryCriterionWhereComputedDiffersFromClaimed(string code, string claimed, string index, string[] differences)
    {
        var card = await ScoreAsync("phu-quy-tu-cham.csv", code);

        var self = card.SelfAssessment!;
        Assert.Empty(card.Problems);
        Assert.Equal(decimal.Parse(claimed, System.Globalization.CultureInfo.InvariantCulture), self.ClaimedPoints);
        Assert.Equal(decimal.Parse(index, System.Globalization.CultureInfo.InvariantCulture), self.ClaimedIndex);
        Assert.Equal(differences, self.Differences.Select(d => d.Id));
        Assert.All(self.Differences, d => Assert.Equal(d.Computed - d.Claimed, d.Difference));
        Assert.All(self.Differences, d => Assert.Equal(card.Criterion(d.Id).Explanation, d.Explanation));
    }

    [Fact]
    public async Task Score_ClaimOnCriterionThatDoesNotApply_IsListedButNotCounted()
    {
        var card = await ScoreAsync("phu-quy-tu-cham.csv", "tam-thanh");

        var difference = card.SelfAssessment!.Differences.Single(d => d.Id == "MT2.1a");
        Assert.Equal(CriterionStatus.NotApplicable, difference.Status);
        Assert.Equal(1m, difference.Claimed);
        Assert.Equal(0m, difference.Computed);
        Assert.Equal(-1m, difference.Difference);
        Assert.Equal(["MT6.2"], card.SelfAssessment.Unclaimed); // its cell is empty
        Assert.Equal("Hoàn thành phần lớn mục tiêu", card.SelfAssessment.ClaimedGrade);
    }

    [Fact]
    public async Task Score_ClaimOnMissingData_IsListedWithTheMissingDataExplanation()
    {
        var card = await ScoreAsync(("tuCham:MT2.4", "1"), ("tuCham:MT2.5a", "1"));

        var self = card.SelfAssessment!;
        var missing = Assert.Single(self.Differences);
        Assert.Equal("MT2.4", missing.Id);
        Assert.Equal(CriterionStatus.MissingData, missing.Status);
        Assert.Contains("thiếu dữ liệu", missing.Explanation, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2m, self.ClaimedPoints);
        Assert.Equal(2, self.ClaimCount);
    }

    [Theory]
    [InlineData("tuCham:MT9.9", "1", "'MT9.9' không phải mã tiêu chí của bộ tiêu chí ke-hoach-cchc-2023-phu-quy")]
    [InlineData("tuCham:mt2.4", "1", "(có phải 'MT2.4'?)")]
    [InlineData("tuCham:MT2.4", "một", "điểm tự chấm không phải số")]
    [InlineData("tuCham:MT2.4", "-1", "điểm tự chấm không được âm")]
    [InlineData("tuCham:MT2.4", "1,5", "điểm tự chấm vượt quá điểm tối đa 1 của tiêu chí MT2.4")]
    [InlineData("tuCham", "5", "thiếu mã tiêu chí")]
    public async Task Score_BadClaim_IsADataProblemWithItsPlaceAndTheUnitIsStillScored(string column, string value, string reason)
    {
        var good = await ScoreAsync(("tuCham:MT2.5a", "1"));
        var card = await ScoreAsync((column, value), ("tuCham:MT2.5a", "1"));

        var problem = Assert.Single(card.Problems, p => p.Input.StartsWith("tuCham", StringComparison.Ordinal));
        Assert.Equal(column, problem.Input);
        Assert.Equal(value, problem.Value);
        Assert.Equal("tu-cham.csv", problem.File);
        Assert.Equal(7, problem.Row);
        Assert.Equal(DataProblemKind.Invalid, problem.Kind);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        Assert.Equal(good.Points, card.Points);
        Assert.Equal(1, card.SelfAssessment!.ClaimCount); // the bad claim counts as not given
        Assert.Equal(1m, card.SelfAssessment.ClaimedPoints);
    }

    [Fact]
    public async Task Score_BadClaims_AreReportedAfterInputProblemsInRuleSetOrder()
    {
        var card = await ScoreAsync(("tuCham:ZZ", "1"), ("tuCham:MT7.4", "x"), ("tuCham:MT1.1", "9"), ("tyLeHaiLong", "abc"));

        Assert.Equal(["tyLeHaiLong", "tuCham:MT1.1", "tuCham:MT7.4", "tuCham:ZZ"], card.Problems.Select(p => p.Input).Where(i => i == "tyLeHaiLong" || i.StartsWith("tuCham", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Score_CompositeClaims_AtEitherLevelAndDisagreementReported()
    {
        using var methods = new MethodsRuleSet();
        async Task<ScoreCard> Claim(params (string Name, object? Value)[] claims)
        {
            var row = new Dictionary<string, object?> { ["code"] = "X01", ["level"] = "xa", ["soKeHoach"] = 1m, ["tyLeThucHien"] = 50m };
            foreach (var (name, value) in claims)
            {
                row[name] = value;
            }

            return await methods.Set.Engine.ScoreAsync(UnitData.FromRow(row));
        }

        var parent = await Claim(("tuCham:COMPOSITE", 3m));
        var children = await Claim(("tuCham:COMPOSITE.1", 1m), ("tuCham:COMPOSITE.2", 2m));
        var both = await Claim(("tuCham:COMPOSITE", 2m), ("tuCham:COMPOSITE.1", 1m), ("tuCham:COMPOSITE.2", 2m));

        Assert.Equal(["COMPOSITE"], parent.SelfAssessment!.Differences.Select(d => d.Id));
        Assert.Equal(3m, parent.SelfAssessment.ClaimedPoints);
        Assert.Equal(["COMPOSITE.2"], children.SelfAssessment!.Differences.Select(d => d.Id));
        Assert.Equal(3m, children.SelfAssessment.ClaimedPoints); // the sum of the sub-criteria's claims
        Assert.Equal(2m, both.SelfAssessment!.ClaimedPoints); // the composite's own claim counts
        Assert.DoesNotContain(parent.Problems, p => p.Input.StartsWith("tuCham", StringComparison.Ordinal));
        Assert.DoesNotContain(children.Problems, p => p.Input.StartsWith("tuCham", StringComparison.Ordinal));
        var problem = Assert.Single(both.Problems, p => p.Input.StartsWith("tuCham", StringComparison.Ordinal));
        Assert.Equal("tuCham:COMPOSITE", problem.Input);
        Assert.Contains("khác tổng điểm tự chấm các tiêu chí con (3)", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_PenaltyClaim_IsTheDeductionWrittenPositiveAndSignedOnTheCard()
    {
        using var set = TempRuleSet.Create(
            """[ { "name": "dat", "type": "bool", "label": "Đạt" }, { "name": "soSaiPham", "type": "count", "label": "Số sai phạm" } ]""",
            """
            [
              { "RuleName": "BASE", "Expression": "dat == true", "Properties": { "title": "Cơ bản", "area": "chung", "scoring": { "method": "passFail", "points": 10 } } },
              { "RuleName": "PENALTY", "LocalParams": [ { "Name": "value", "Expression": "soSaiPham" } ], "Expression": "value > 0",
                "Properties": { "title": "Sai phạm", "kind": "penalty", "format": "count", "scoring": { "method": "perItem", "points": 5, "pointsPerItem": 1 } } }
            ]
            """,
            areas: """[ { "id": "chung", "title": "Chung", "maxPoints": 10 } ]""",
            penaltyCap: 3);

        var card = await set.ScoreAsync("xa", ("dat", true), ("soSaiPham", 2), ("tuCham:BASE", "10"), ("tuCham:PENALTY", "1"));

        var self = card.SelfAssessment!;
        var difference = Assert.Single(self.Differences);
        Assert.Equal("PENALTY", difference.Id);
        Assert.Equal(-1m, difference.Claimed);
        Assert.Equal(-2m, difference.Computed);
        Assert.Equal(-1m, difference.Difference);
        Assert.Equal(9m, self.ClaimedPoints);
        Assert.Equal(8m, card.Points);
        Assert.Empty(self.Unclaimed);
    }

    [Fact]
    public async Task Serialize_CardWithSelfAssessment_RoundTrips()
    {
        var card = await ScoreAsync("phu-quy-tu-cham.csv", "tam-thanh");

        var json = ScoreCardJson.Serialize(card);
        var again = ScoreCardJson.Deserialize(json);

        Assert.Equal(json, ScoreCardJson.Serialize(again));
        Assert.Contains("\"selfAssessment\": {", json, StringComparison.Ordinal);
        Assert.Contains("\"claimedPoints\": 15", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"notApplicable\"", json, StringComparison.Ordinal);
        Assert.Equal(card.SelfAssessment!.Differences, again.SelfAssessment!.Differences);
    }
}
