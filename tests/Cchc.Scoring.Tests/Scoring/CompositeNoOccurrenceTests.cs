using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;

namespace Cchc.Scoring.Tests.Scoring;

/// <summary>A composite whose sub-criteria have nothing to do: its status follows theirs, not RulesEngine's raw tests.</summary>
public sealed class CompositeNoOccurrenceTests : IDisposable
{
    private const string Inputs = """
        [
          { "name": "phaiBanHanh", "type": "count", "label": "Số văn bản phải ban hành" },
          { "name": "daBanHanh", "type": "count", "label": "Số văn bản đã ban hành" },
          { "name": "soPhieu", "type": "count", "label": "Số phiếu khảo sát" },
          { "name": "soPhieuHaiLong", "type": "count", "label": "Số phiếu hài lòng" }
        ]
        """;

    private const string Rules = """
        [
          {
            "RuleName": "VB",
            "Operator": "And",
            "Rules": [
              {
                "RuleName": "VB.a",
                "LocalParams": [
                  { "Name": "noOccurrence", "Expression": "phaiBanHanh == 0" },
                  { "Name": "value", "Expression": "Fn.Percent(daBanHanh, phaiBanHanh)" }
                ],
                "Expression": "value >= 100",
                "Properties": { "title": "Ban hành đầy đủ", "format": "percent", "scoring": { "method": "passFail", "points": 1 } }
              },
              {
                "RuleName": "VB.b",
                "Expression": "daBanHanh >= 0",
                "Properties": { "title": "Có số liệu", "scoring": { "method": "passFail", "points": 1 } }
              }
            ],
            "Properties": { "title": "Văn bản", "area": "chung", "scoring": { "method": "composite", "points": 2 } }
          },
          {
            "RuleName": "KS",
            "Operator": "And",
            "Rules": [
              {
                "RuleName": "KS.a",
                "LocalParams": [
                  { "Name": "noOccurrence", "Expression": "soPhieu == 0" },
                  { "Name": "value", "Expression": "Fn.Percent(soPhieuHaiLong, soPhieu)" }
                ],
                "Expression": "value >= 90",
                "Properties": { "title": "Hài lòng", "format": "percent", "whenNoOccurrence": "exclude", "scoring": { "method": "linear", "points": 2, "fullAt": 90 } }
              }
            ],
            "Properties": { "title": "Khảo sát", "area": "chung", "scoring": { "method": "composite", "points": 2 } }
          }
        ]
        """;

    private readonly TempRuleSet _set = TempRuleSet.Create(Inputs, Rules, areas: """[ { "id": "chung", "title": "Chung", "maxPoints": 4 } ]""");

    public void Dispose() => _set.Dispose();

    [Fact]
    public async Task Score_ChildWithNothingToDoAndChildMet_CompositeIsMet()
    {
        var card = await _set.ScoreAsync("xa", ("phaiBanHanh", 0), ("daBanHanh", 0), ("soPhieu", 10), ("soPhieuHaiLong", 9));

        var composite = card.Criterion("VB");
        Assert.Equal(CriterionStatus.NoOccurrence, card.Criterion("VB.a").Status);
        Assert.Equal(CriterionStatus.Met, composite.Status);
        Assert.Equal((2m, 2m), (composite.Points, composite.MaxPoints));
    }

    [Fact]
    public async Task Score_EveryChildExcluded_CompositeIsNoOccurrenceOutOfTheMaximum()
    {
        var card = await _set.ScoreAsync("xa", ("phaiBanHanh", 2), ("daBanHanh", 2), ("soPhieu", 0), ("soPhieuHaiLong", 0));

        var composite = card.Criterion("KS");
        Assert.Equal(CriterionStatus.NoOccurrence, composite.Status);
        Assert.Equal((0m, 0m), (composite.Points, composite.MaxPoints));
        Assert.Equal((2m, 2m, 100m), (card.Points, card.MaxPoints, card.Index));
    }

    [Fact]
    public async Task Score_ChildNotMet_CompositeStaysPartial()
    {
        var card = await _set.ScoreAsync("xa", ("phaiBanHanh", 2), ("daBanHanh", 1), ("soPhieu", 10), ("soPhieuHaiLong", 9));

        Assert.Equal(CriterionStatus.Partial, card.Criterion("VB").Status);
        Assert.Equal(1m, card.Criterion("VB").Points);
    }
}
