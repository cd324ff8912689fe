using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Testing;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Scoring;

/// <summary>The shipped qd766 rule set against expectations computed by hand from the formulas of qd766.md.</summary>
public class Qd766RuleSetTests
{
    private static UnitData Unit(string level, params (string Input, decimal Value)[] values)
        => new("T", "Đơn vị thử", UnitLevels.TryParse(level, out var parsed) ? parsed : throw new ArgumentException(level), null,
            values.ToDictionary(v => v.Input, v => (object?)v.Value, StringComparer.Ordinal));

    private static void AssertCard(ScoreCard card, Dictionary<string, decimal> criteria, Dictionary<string, decimal> groups, decimal total)
    {
        Assert.Empty(card.Problems);
        Assert.Equal(21, card.Criteria.Count);
        foreach (var criterion in card.Criteria)
        {
            Assert.True(criteria[criterion.Id] == criterion.Points, $"{criterion.Id}: expected {criteria[criterion.Id]}, got {criterion.Points} ({criterion.Explanation})");
        }

        Assert.Equal(groups, card.Areas.ToDictionary(a => a.Id, a => a.Points));
        Assert.All(card.Areas, a => Assert.Equal(a.Points, card.Criteria.Where(c => c.Area == a.Id).Sum(c => c.Points)));
        Assert.Equal(total, card.Points);
        Assert.Equal(100m, card.MaxPoints);
        Assert.Equal(total, card.Index);
    }

    [Fact]
    public async Task Score_CommuneWithHalvesSaturationAndZeroDenominators_MatchesHandComputation()
    {
        var unit = Unit("xa",
            ("publishOnTimeNum", 15), ("publishOnTimeDen", 16), ("publicUpdateOnTimeNum", 30), ("publicUpdateOnTimeDen", 32),
            ("publicContentFullNum", 9), ("publicContentFullDen", 10), ("dossierSyncNum", 1000), ("dossierSyncDen", 1000),
            ("totalOnTime", 97), ("totalReceived", 100),
            ("authorityCount", 100), ("partialCount", 30), ("fullCount", 40), ("onlineDossierCount", 3), ("onlineServiceTotal", 8),
            ("channelOnlineSum", 45), ("channelTotalSum", 100),
            ("totalDossierOnlinePaymentSuccess", 5), ("totalDossierFinancialObligation", 8),
            ("totalDossierOnlineFormalityPaymentSuccess", 30), ("totalFeeFormality", 40), ("totalFeeDossierFormality", 40),
            ("originalResultAvailableNum", 1), ("originalResultAvailableDen", 16), ("soHoaGiayToGiaiQuyetNum", 1), ("soHoaGiayToGiaiQuyetDen", 32),
            ("electronicCertifiedCopyNum", 0), ("electronicCertifiedCopyDen", 0), ("reusedDigitizedDataNum", 79), ("reusedDigitizedDataDen", 100),
            ("syncedWithDvcqgPersonalStorageNum", 1), ("syncedWithDvcqgPersonalStorageDen", 4),
            ("citizenDataConnectedDossierNum", 3), ("citizenDataConnectedDossierDen", 5),
            ("citizenDataConnectedFormalityNum", 5), ("citizenDataConnectedFormalityDen", 5),
            ("dossierReceivingSatisfactionNum", 89), ("dossierReceivingSatisfactionDen", 100),
            ("petitionProcessingOnTimeNum", 0), ("petitionProcessingOnTimeDen", 0),
            ("petitionHandlingSatisfactionNum", 0), ("petitionHandlingSatisfactionDen", 0));

        var card = await Qd766.Engine.ScoreAsync(unit);

        AssertCard(card,
            new()
            {
                ["PUBLISH_ON_TIME"] = 5.63m,            // 6 × 15/16 = 5,625 → 5,63 (half away from zero)
                ["PUBLIC_UPDATE_ON_TIME"] = 3.75m,      // 4 × 30/32
                ["PUBLIC_CONTENT_FULL"] = 1.8m,         // 2 × 9/10
                ["DOSSIER_SYNC"] = 6m,                  // 6 × 1
                ["ON_TIME"] = 19.4m,                    // 20 × 0,97
                ["ONLINE_PROVISION"] = 1.75m,           // A = 70/100; 2 × 0,7 ÷ 0,8
                ["ONLINE_USAGE"] = 1.5m,                // 4 × 3/8
                ["ONLINE_CHANNEL"] = 5.4m,              // 6 × 0,45 ÷ 0,5
                ["PAYMENT_DOSSIERS"] = 3.75m,           // 6 × 5/8
                ["PAYMENT_FORMALITIES"] = 1.88m,        // 2,5 × 0,75 = 1,875 → 1,88
                ["PAYMENT_FEE_FORMALITIES"] = 2m,       // min(2, 2,5 × 1)
                ["ORIGINAL_RESULT_AVAILABLE"] = 0.38m,  // 6 × 1/16 = 0,375 → 0,38
                ["SO_HOA_GIAY_TO_GIAI_QUYET"] = 0.13m,  // 4 × 1/32 = 0,125 → 0,13
                ["ELECTRONIC_CERTIFIED_COPY"] = 0m,     // 0/0 → 0
                ["REUSED_DIGITIZED_DATA"] = 1.98m,      // 2 × 0,79 ÷ 0,8 = 1,975 → 1,98
                ["SYNCED_WITH_DVCQG_PERSONAL_STORAGE"] = 1m, // 4 × 1/4
                ["CITIZEN_DATA_CONNECTED_DOSSIER"] = 1.2m,   // 2 × 3/5
                ["CITIZEN_DATA_CONNECTED_FORMALITY"] = 2m,   // 2 × 1
                ["DOSSIER_RECEIVING_SATISFACTION"] = 5.93m,  // 6 × 0,89 ÷ 0,9 = 5,933…
                ["PETITION_PROCESSING_ON_TIME"] = 6m,        // no petitions = full
                ["PETITION_HANDLING_SATISFACTION"] = 6m,     // no petitions = full
            },
            new()
            {
                ["cong-khai-minh-bach"] = 17.18m,  // 5,63 + 3,75 + 1,8 + 6 (unrounded 17,175)
                ["tien-do-giai-quyet"] = 19.4m,
                ["dich-vu-cong-truc-tuyen"] = 8.65m,
                ["thanh-toan-truc-tuyen"] = 7.63m,  // 3,75 + 1,88 + 2 (unrounded 7,625)
                ["so-hoa-ho-so"] = 6.69m,           // 0,38 + 0,13 + 0 + 1,98 + 1 + 1,2 + 2
                ["muc-do-hai-long"] = 17.93m,
            },
            77.48m);
        Assert.Equal(CriterionStatus.NoOccurrence, card.Criteria.Single(c => c.Id == "ELECTRONIC_CERTIFIED_COPY").Status);
        Assert.Equal(CriterionStatus.NoOccurrence, card.Criteria.Single(c => c.Id == "PETITION_PROCESSING_ON_TIME").Status);
    }

    [Fact]
    public async Task Score_DistrictAboveAndAtSaturationPoints_MatchesHandComputation()
    {
        var unit = Unit("huyen",
            ("publishOnTimeNum", 10), ("publishOnTimeDen", 10), ("publicUpdateOnTimeNum", 8), ("publicUpdateOnTimeDen", 10),
            ("publicContentFullNum", 10), ("publicContentFullDen", 10), ("dossierSyncNum", 45), ("dossierSyncDen", 50),
            ("totalOnTime", 190), ("totalReceived", 200),
            ("authorityCount", 150), ("partialCount", 60), ("fullCount", 60), ("onlineDossierCount", 20), ("onlineServiceTotal", 25),
            ("channelOnlineSum", 30), ("channelTotalSum", 100),
            ("totalDossierOnlinePaymentSuccess", 12), ("totalDossierFinancialObligation", 20),
            ("totalDossierOnlineFormalityPaymentSuccess", 6), ("totalFeeFormality", 10), ("totalFeeDossierFormality", 9),
            ("originalResultAvailableNum", 50), ("originalResultAvailableDen", 100), ("soHoaGiayToGiaiQuyetNum", 60), ("soHoaGiayToGiaiQuyetDen", 100),
            ("electronicCertifiedCopyNum", 2), ("electronicCertifiedCopyDen", 4), ("reusedDigitizedDataNum", 40), ("reusedDigitizedDataDen", 100),
            ("syncedWithDvcqgPersonalStorageNum", 0), ("syncedWithDvcqgPersonalStorageDen", 100),
            ("citizenDataConnectedDossierNum", 70), ("citizenDataConnectedDossierDen", 100),
            ("citizenDataConnectedFormalityNum", 8), ("citizenDataConnectedFormalityDen", 10),
            ("dossierReceivingSatisfactionNum", 95), ("dossierReceivingSatisfactionDen", 100),
            ("petitionProcessingOnTimeNum", 9), ("petitionProcessingOnTimeDen", 10),
            ("petitionHandlingSatisfactionNum", 7), ("petitionHandlingSatisfactionDen", 10));

        var card = await Qd766.Engine.ScoreAsync(unit);

        AssertCard(card,
            new()
            {
                ["PUBLISH_ON_TIME"] = 6m, ["PUBLIC_UPDATE_ON_TIME"] = 3.2m, ["PUBLIC_CONTENT_FULL"] = 2m, ["DOSSIER_SYNC"] = 5.4m,
                ["ON_TIME"] = 19m,                      // 20 × 190/200
                ["ONLINE_PROVISION"] = 2m,              // A = 120/150 = 80%: exactly the saturation point
                ["ONLINE_USAGE"] = 3.2m,                // 4 × 20/25
                ["ONLINE_CHANNEL"] = 3.6m,              // 6 × 0,3 ÷ 0,5
                ["PAYMENT_DOSSIERS"] = 3.6m,            // 6 × 12/20
                ["PAYMENT_FORMALITIES"] = 1.5m,         // 2,5 × 0,6
                ["PAYMENT_FEE_FORMALITIES"] = 2m,       // min(2, 2,5 × 0,9 = 2,25): above the saturation point
                ["ORIGINAL_RESULT_AVAILABLE"] = 3m, ["SO_HOA_GIAY_TO_GIAI_QUYET"] = 2.4m, ["ELECTRONIC_CERTIFIED_COPY"] = 1m,
                ["REUSED_DIGITIZED_DATA"] = 1m,         // 2 × 0,4 ÷ 0,8
                ["SYNCED_WITH_DVCQG_PERSONAL_STORAGE"] = 0m,
                ["CITIZEN_DATA_CONNECTED_DOSSIER"] = 1.4m, ["CITIZEN_DATA_CONNECTED_FORMALITY"] = 1.6m,
                ["DOSSIER_RECEIVING_SATISFACTION"] = 6m, // 95% ≥ 90%
                ["PETITION_PROCESSING_ON_TIME"] = 5.4m, ["PETITION_HANDLING_SATISFACTION"] = 4.2m,
            },
            new()
            {
                ["cong-khai-minh-bach"] = 16.6m, ["tien-do-giai-quyet"] = 19m, ["dich-vu-cong-truc-tuyen"] = 8.8m,
                ["thanh-toan-truc-tuyen"] = 7.1m, ["so-hoa-ho-so"] = 10.4m, ["muc-do-hai-long"] = 15.6m,
            },
            77.5m);
    }

    [Theory]
    [InlineData("channelOnlineSum", "channelTotalSum", "ONLINE_CHANNEL", 1, 96, 0.13)] // 6 × (1/96) ÷ 0,5 = 0,125: a repeating fraction at a half
    [InlineData("publishOnTimeNum", "publishOnTimeDen", "PUBLISH_ON_TIME", 1, 48, 0.13)] // 6 × 1/48 = 0,125
    [InlineData("dossierReceivingSatisfactionNum", "dossierReceivingSatisfactionDen", "DOSSIER_RECEIVING_SATISFACTION", 3, 160, 0.13)] // 6 × 3/160 ÷ 0,9 = 0,125
    public async Task Score_RepeatingFractionExactlyAtAHalf_RoundsAwayFromZero(string numerator, string denominator, string criterion, int num, int den, decimal expected)
    {
        var card = await Qd766.Engine.ScoreAsync(Unit("xa", (numerator, num), (denominator, den)));

        Assert.Equal(expected, card.Criteria.Single(c => c.Id == criterion).Points);
    }

    [Fact]
    public async Task Score_RandomCounts_GroupsAndTotalAreSumsOfTwoDecimalCriterionPoints()
    {
        var random = new Random(766);
        var inputs = Qd766.RuleSet.Inputs.Select(i => i.Name).ToList();
        for (var n = 0; n < 200; n++)
        {
            var card = await Qd766.Engine.ScoreAsync(Unit(UnitLevels.All[n % 3].ToCode(), [.. inputs.Select(i => (i, (decimal)random.Next(0, 60)))]));

            Assert.All(card.Criteria, c => Assert.Equal(c.Points, Math.Round(c.Points, 2)));
            Assert.All(card.Criteria, c => Assert.InRange(c.Points, 0m, c.MaxPoints));
            Assert.All(card.Areas, a => Assert.Equal(a.Points, card.Criteria.Where(c => c.Area == a.Id).Sum(c => c.Points)));
            Assert.Equal(card.Points, card.Areas.Sum(a => a.Points));
            Assert.Equal(card.Points, card.Index);
        }
    }

    [Fact]
    public async Task RunAsync_Qd766AnalystCases_AllPass()
    {
        var results = await AnalystTestRunner.RunAsync(Qd766.Engine);

        Assert.True(results.Count >= 70, $"only {results.Count} cases");
        var failures = results.Where(r => !r.Passed).Select(r => $"{r.Case.Name}: {string.Join("; ", r.Failures)}").ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void PortalMetrics_MapEveryCriterionOntoInputsOfTheRuleSet()
    {
        Assert.Equal(Qd766.RuleSet.Criteria.Select(c => c.Id).Order(StringComparer.Ordinal), PortalMetrics.Codes.Keys.Order(StringComparer.Ordinal));
        foreach (var (code, (numerator, denominator, group)) in PortalMetrics.Codes)
        {
            var criterion = Qd766.RuleSet.Criteria.Single(c => c.Id == code);
            Assert.Equal(group, criterion.Area);
            Assert.All(new[] { numerator, denominator }.OfType<string>(), input => Assert.Contains(input, criterion.Inputs));
        }

        Assert.All(PortalMetrics.TreeFields.SelectMany(t => t.Fields), field => Assert.True(Qd766.RuleSet.InputsByName.ContainsKey(field), field));
        Assert.Equal(Qd766.RuleSet.Inputs.Select(i => i.Name).Order(StringComparer.Ordinal),
            PortalMetrics.Codes.Values.SelectMany(v => new[] { v.Numerator, v.Denominator }).OfType<string>()
                .Concat(PortalMetrics.TreeFields.SelectMany(t => t.Fields)).Distinct().Order(StringComparer.Ordinal));
    }
}
