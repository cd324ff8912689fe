using System.Globalization;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Explanations;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Explanations;

public sealed class WhatIfTests
{
    private const string GradesAt90 = """[ { "name": "Xuất sắc", "from": 90 }, { "name": "Tốt", "from": 70, "to": 90 }, { "name": "Đạt", "from": 0, "to": 70 } ]""";

    // points = diem exactly, on a maximum of `max` points, so that the total can be steered to any decimal.
    private static TempRuleSet Linear(decimal max, int pointsDecimals, int indexDecimals = 2, string grades = GradesAt90)
    {
        var m = max.ToString(CultureInfo.InvariantCulture);
        return TempRuleSet.Create(
            $$"""[ { "name": "diem", "type": "number", "label": "Điểm", "min": 0, "max": {{m}} } ]""",
            $$"""
            [ { "RuleName": "DIEM", "LocalParams": [ { "Name": "value", "Expression": "diem" } ], "Expression": "value >= {{m}}",
                "Properties": { "title": "Điểm", "area": "chung", "scoring": { "method": "linear", "points": {{m}}, "fullAt": {{m}} } } } ]
            """,
            areas: $$"""[ { "id": "chung", "title": "Chung", "maxPoints": {{m}} } ]""",
            grades: grades,
            pointsDecimals: pointsDecimals,
            indexDecimals: indexDecimals);
    }

    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("100", 4, 2, "80", "89.995", "9.995")] // 89.995 rounds to 90.00: exactly the points that reach the band
    [InlineData("100", 2, 2, "80", "90", "10")] // at 2 decimals, 89.99 stays 89.99
    [InlineData("7", 2, 2, "5", "6.3", "1.3")] // 6.30 / 7 = 90.0000; 6.29 / 7 = 89.857
    [InlineData("3", 2, 2, "2.5", "2.7", "0.2")] // 2.70 / 3 = 90.00; 2.69 / 3 = 89.67
    [InlineData("8", 2, 0, "6", "7.16", "1.16")] // 7.16 / 8 = 89.5 → 90 half away from zero; 7.15 / 8 = 89.375 → 89
    [InlineData("8", 0, 0, "6", "8", "2")] // whole points: 7 / 8 = 87.5 → 88
    public async Task Analyze_NextGrade_IsTheSmallestTotalWhoseRoundedIndexReachesTheBand(string max, int pointsDecimals, int indexDecimals, string diem, string total, string needed)
    {
        using var set = Linear(D(max), pointsDecimals, indexDecimals);
        var card = await set.ScoreAsync("xa", ("diem", D(diem)));

        var next = WhatIf.Analyze(card, set.RuleSet).NextGrade;

        Assert.NotNull(next);
        Assert.Equal("Xuất sắc", next.Name);
        Assert.Equal(D(total), next.PointsTotal);
        Assert.Equal(D(needed), next.PointsNeeded);
        Assert.True(next.Index >= 90);
        Assert.True(next.Reachable);
        Assert.Equal(["DIEM"], next.Criteria);

        // Scoring exactly that total gives the grade; one step less does not.
        var step = 1m / (decimal)Math.Pow(10, pointsDecimals);
        Assert.Equal("Xuất sắc", (await set.ScoreAsync("xa", ("diem", next.PointsTotal))).Grade);
        Assert.NotEqual("Xuất sắc", (await set.ScoreAsync("xa", ("diem", next.PointsTotal - step))).Grade);
    }

    [Fact]
    public void SmallestTotalReaching_AgreesWithAScanOfEveryTotal()
    {
        using var set = Linear(7, pointsDecimals: 2);
        foreach (var from in new[] { 0m, 12.5m, 33.333m, 50m, 66.67m, 71.425m, 89.995m, 90m, 99.99m, 100m })
        {
            var scanned = Enumerable.Range(0, 701).Select(i => i / 100m)
                .First(t => Math.Round(t / 7 * 100, 2, MidpointRounding.AwayFromZero) >= from);

            Assert.Equal(scanned, WhatIf.SmallestTotalReaching(from, 7, set.RuleSet));
        }
    }

    [Fact]
    public async Task Analyze_ExcludedCriteria_NextGradeIsOnTheApplicableMaximum()
    {
        using var set = TempRuleSet.Create(
            """[ { "name": "diem", "type": "number", "label": "Điểm", "min": 0, "max": 7 }, { "name": "coBaoCao", "type": "bool", "label": "Có báo cáo" } ]""",
            """
            [
              { "RuleName": "DIEM", "LocalParams": [ { "Name": "value", "Expression": "diem" } ], "Expression": "value >= 7",
                "Properties": { "title": "Điểm", "area": "chung", "scoring": { "method": "linear", "points": 7, "fullAt": 7 } } },
              { "RuleName": "HUYEN", "Expression": "coBaoCao == true",
                "Properties": { "title": "Báo cáo của huyện", "area": "chung", "levels": [ "huyen" ], "scoring": { "method": "passFail", "points": 3 } } }
            ]
            """,
            areas: """[ { "id": "chung", "title": "Chung", "maxPoints": 10 } ]""",
            grades: GradesAt90);

        var card = await set.ScoreAsync("xa", ("diem", 5));
        var analysis = WhatIf.Analyze(card, set.RuleSet);

        Assert.Equal(7m, card.MaxPoints);
        Assert.Equal(71.43m, card.Index);
        Assert.Equal(6.3m, analysis.NextGrade!.PointsTotal); // 6,3/7, not 9/10
        Assert.Equal(1.3m, analysis.NextGrade.PointsNeeded);
        Assert.Equal(["DIEM"], analysis.Items.Select(i => i.Id));
        Assert.Equal(2m, analysis.Items[0].Recoverable);
    }

    [Fact]
    public async Task Analyze_TopGrade_HasNoNextGradeAndSaysSo()
    {
        using var set = Linear(100, pointsDecimals: 2);
        var full = WhatIf.Analyze(await set.ScoreAsync("xa", ("diem", 100)), set.RuleSet);
        var top = WhatIf.Analyze(await set.ScoreAsync("xa", ("diem", 95)), set.RuleSet);

        Assert.True(full.TopGrade);
        Assert.Null(full.NextGrade);
        Assert.Empty(full.Items);
        Assert.Equal("Đơn vị đã đạt xếp loại cao nhất (Xuất sắc).", full.Summary);
        Assert.True(top.TopGrade);
        Assert.Equal(5m, Assert.Single(top.Items).Recoverable);
        Assert.Contains("Còn 1 tiêu chí có thể thêm điểm", top.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_Items_AreSortedByRecoverablePointsThenIdAndMissingDataIsItsOwnKind()
    {
        using var set = TempRuleSet.Create(
            """
            [ { "name": "a", "type": "bool", "label": "A" }, { "name": "b", "type": "bool", "label": "B" },
              { "name": "c", "type": "bool", "label": "C" }, { "name": "d", "type": "bool", "label": "Dữ liệu D" }, { "name": "e", "type": "bool", "label": "E" } ]
            """,
            """
            [
              { "RuleName": "B2", "Expression": "b", "Properties": { "title": "B", "area": "chung", "leadUnit": "Phòng Nội vụ", "scoring": { "method": "passFail", "points": 2 } } },
              { "RuleName": "A2", "Expression": "a", "Properties": { "title": "A", "area": "chung", "scoring": { "method": "passFail", "points": 2 } } },
              { "RuleName": "C3", "Expression": "c", "Properties": { "title": "C", "area": "chung", "scoring": { "method": "passFail", "points": 3 } } },
              { "RuleName": "D1", "Expression": "d", "Properties": { "title": "D", "area": "chung", "scoring": { "method": "passFail", "points": 1 } } },
              { "RuleName": "E1", "Expression": "e", "Properties": { "title": "E", "area": "chung", "scoring": { "method": "passFail", "points": 1 } } }
            ]
            """,
            areas: """[ { "id": "chung", "title": "Chung", "maxPoints": 9 } ]""");

        var card = await set.ScoreAsync("xa", ("a", false), ("b", false), ("c", false), ("e", true));
        var analysis = WhatIf.Analyze(card, set.RuleSet);

        Assert.Equal(["C3", "A2", "B2", "D1"], analysis.Items.Select(i => i.Id));
        Assert.Equal([3m, 2m, 2m, 1m], analysis.Items.Select(i => i.Recoverable));
        Assert.Equal([WhatIfKind.LostPoints, WhatIfKind.LostPoints, WhatIfKind.LostPoints, WhatIfKind.MissingData], analysis.Items.Select(i => i.Kind));
        Assert.Equal("Bổ sung dữ liệu: Dữ liệu D để tiêu chí được chấm, có thể thêm 1 điểm.", analysis.Items[3].Advice);
        Assert.Equal("Đạt đủ yêu cầu để được thêm 2 điểm. Đơn vị phụ trách: Phòng Nội vụ.", analysis.Items[2].Advice);
        Assert.Equal(9m, analysis.BestPoints);

        // 1/9 = 11.11 → Xuất sắc (90) needs 8.1 points (90.00), the largest items first: C3 + A2 + B2 reach 8.
        Assert.Equal(8.1m, analysis.NextGrade!.PointsTotal);
        Assert.Equal(["C3", "A2", "B2", "D1"], analysis.NextGrade.Criteria);
    }

    [Fact]
    public async Task Analyze_Composite_ListsItsSubCriteria()
    {
        using var methods = new MethodsRuleSet();
        var card = await methods.Set.ScoreAsync("xa", ("soKeHoach", 1), ("tyLeThucHien", 50));

        var analysis = WhatIf.Analyze(card, methods.Set.RuleSet);

        var item = Assert.Single(analysis.Items, i => i.Id.StartsWith("COMPOSITE", StringComparison.Ordinal));
        Assert.Equal("COMPOSITE.2", item.Id);
        Assert.Equal(1m, item.Recoverable);
        Assert.Equal("Đạt mục tiêu ≥ 100% (hiện 50%, còn cách mục tiêu 50 điểm phần trăm) để được thêm tối đa 1 điểm.", item.Advice);
    }

    [Fact]
    public async Task Analyze_BonusAndPenalty_CountOnlyWhatTheCapsLet()
    {
        using var set = TempRuleSet.Create(
            """
            [ { "name": "dat", "type": "bool", "label": "Đạt" }, { "name": "soGiaiThuong", "type": "count", "label": "Số giải thưởng" },
              { "name": "coSangKien", "type": "bool", "label": "Có sáng kiến" }, { "name": "soSaiPham", "type": "count", "label": "Số sai phạm" } ]
            """,
            """
            [
              { "RuleName": "BASE", "Expression": "dat == true", "Properties": { "title": "Cơ bản", "area": "chung", "scoring": { "method": "passFail", "points": 10 } } },
              { "RuleName": "BONUS_A", "LocalParams": [ { "Name": "value", "Expression": "soGiaiThuong" } ], "Expression": "value >= 3",
                "Properties": { "title": "Giải thưởng", "kind": "bonus", "format": "count", "scoring": { "method": "perItem", "points": 3, "pointsPerItem": 1 } } },
              { "RuleName": "BONUS_B", "Expression": "coSangKien == true", "Properties": { "title": "Sáng kiến", "kind": "bonus", "scoring": { "method": "passFail", "points": 1 } } },
              { "RuleName": "PENALTY", "LocalParams": [ { "Name": "value", "Expression": "soSaiPham" } ], "Expression": "value > 0",
                "Properties": { "title": "Sai phạm", "kind": "penalty", "format": "count", "scoring": { "method": "perItem", "points": 5, "pointsPerItem": 1 } } }
            ]
            """,
            areas: """[ { "id": "chung", "title": "Chung", "maxPoints": 10 } ]""",
            bonusCap: 2,
            penaltyCap: 3);

        var card = await set.ScoreAsync("xa", ("dat", true), ("soGiaiThuong", 1), ("coSangKien", false), ("soSaiPham", 4));
        var analysis = WhatIf.Analyze(card, set.RuleSet);

        Assert.Equal(8m, card.Points); // 10 + 1 − min(4, 3)
        Assert.Equal(["PENALTY", "BONUS_A", "BONUS_B"], analysis.Items.Select(i => i.Id));
        Assert.Equal([3m, 1m, 1m], analysis.Items.Select(i => i.Recoverable)); // bonus room left: 1 of the cap of 2
        Assert.Equal([WhatIfKind.Penalty, WhatIfKind.Bonus, WhatIfKind.Bonus], analysis.Items.Select(i => i.Kind));
        Assert.Equal(12m, analysis.BestPoints); // both bonuses together still stop at the cap
        Assert.StartsWith("Khắc phục (hiện 4) để không bị trừ 3 điểm (đang bị trừ 4).", analysis.Items[0].Advice, StringComparison.Ordinal);
        Assert.Equal("Tốt", analysis.NextGrade!.Name); // index 80, Tốt from 90
        Assert.Equal(9m, analysis.NextGrade.PointsTotal);
        Assert.Equal(["PENALTY"], analysis.NextGrade.Criteria);
    }

    [Fact]
    public async Task Analyze_GradeOutOfReach_SaysSoAndSuggestsNothing()
    {
        using var set = Linear(10, pointsDecimals: 2, grades: """[ { "name": "Vượt trội", "from": 110 }, { "name": "Tốt", "from": 0, "to": 110 } ]""");
        var analysis = WhatIf.Analyze(await set.ScoreAsync("xa", ("diem", 4)), set.RuleSet);

        Assert.False(analysis.NextGrade!.Reachable);
        Assert.Equal(11m, analysis.NextGrade.PointsTotal);
        Assert.Empty(analysis.NextGrade.Criteria);
        Assert.Contains("không thể đạt được", analysis.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_CardOfAnotherRuleSet_Throws()
    {
        using var set = Linear(10, pointsDecimals: 2);
        var card = await set.ScoreAsync("xa", ("diem", 4));

        Assert.Throws<ArgumentException>(() => WhatIf.Analyze(card, Shipped.RuleSet));
    }

    [Theory]
    [InlineData("xa-tam-thanh.json", "Hoàn thành phần lớn mục tiêu", "14.4", "0.4", new[] { "MT2.4", "MT2.7c", "MT7.1", "MT7.4" }, new[] { "MT2.4" })]
    [InlineData("xa-long-hai.json", "Hoàn thành toàn bộ mục tiêu", "18", "1", new[] { "MT2.3b" }, new[] { "MT2.3b" })]
    [InlineData("huyen-phu-quy.json", "Hoàn thành toàn bộ mục tiêu", "24", "3", new[] { "MT2.1b", "MT2.3b", "MT2.8" }, new[] { "MT2.1b", "MT2.3b", "MT2.8" })]
    public async Task Analyze_ShippedSamples_GiveTheNextGradeOfThePlan(string sample, string grade, string total, string needed, string[] items, string[] criteria)
    {
        var unit = new UnitFileReader(Shipped.RuleSet).Read(Path.Combine(Paths.Samples, sample)).Single().Unit!;
        var card = await Shipped.Engine.ScoreAsync(unit);

        var analysis = WhatIf.Analyze(card, Shipped.RuleSet);

        Assert.Equal(items, analysis.Items.Select(i => i.Id));
        Assert.All(analysis.Items, i => Assert.Equal(1m, i.Recoverable));
        Assert.Equal(grade, analysis.NextGrade!.Name);
        Assert.Equal(D(total), analysis.NextGrade.PointsTotal);
        Assert.Equal(D(needed), analysis.NextGrade.PointsNeeded);
        Assert.Equal(criteria, analysis.NextGrade.Criteria);
    }
}
