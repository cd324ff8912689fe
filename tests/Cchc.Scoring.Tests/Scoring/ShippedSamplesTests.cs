using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Scoring;

public class ShippedSamplesTests
{
    private static async Task<List<ScoreCard>> ScoreFileAsync(string file)
    {
        var reader = new UnitFileReader(Shipped.RuleSet);
        var results = reader.Read(Path.Combine(Paths.Samples, file)).ToList();
        Assert.All(results, r => Assert.Null(r.Rejection));
        var cards = new List<ScoreCard>();
        await foreach (var card in Shipped.Engine.ScoreManyAsync(results.Select(r => r.Unit!)))
        {
            cards.Add(card);
        }

        return cards;
    }

    [Theory]
    [InlineData("phu-quy.json")]
    [InlineData("phu-quy.csv")]
    public async Task ScoreMany_FourSampleUnits_GiveTheDocumentedTotals(string file)
    {
        var cards = await ScoreFileAsync(file);

        Assert.Equal(
            [("phu-quy", 21m, 24m, 87.5m), ("long-hai", 17m, 18m, 94.44m), ("ngu-phung", 15m, 18m, 83.33m), ("tam-thanh", 14m, 18m, 77.78m)],
            cards.Select(c => (c.Unit.Code, c.Points, c.MaxPoints, c.Index!.Value)));
        Assert.Equal(
            ["Hoàn thành phần lớn mục tiêu", "Hoàn thành phần lớn mục tiêu", "Hoàn thành phần lớn mục tiêu", "Hoàn thành một phần mục tiêu"],
            cards.Select(c => c.Grade));
        Assert.All(cards, c => Assert.Empty(c.Problems));
    }

    [Fact]
    public async Task ScoreMany_SampleJsonAndCsv_GiveTheSameCards()
    {
        var fromJson = await ScoreFileAsync("phu-quy.json");
        var fromCsv = await ScoreFileAsync("phu-quy.csv");

        Assert.Equal(fromJson.Select(c => ScoreCardJson.Serialize(c)), fromCsv.Select(c => ScoreCardJson.Serialize(c)));
    }

    [Theory]
    [InlineData("huyen-phu-quy.json", "phu-quy")]
    [InlineData("xa-long-hai.json", "long-hai")]
    [InlineData("xa-ngu-phung.json", "ngu-phung")]
    [InlineData("xa-tam-thanh.json", "tam-thanh")]
    public async Task Score_SingleUnitSample_MatchesTheSameUnitInTheCombinedFile(string file, string code)
    {
        var single = Assert.Single(await ScoreFileAsync(file));
        var combined = (await ScoreFileAsync("phu-quy.json")).Single(c => c.Unit.Code == code);

        Assert.Equal(ScoreCardJson.Serialize(combined), ScoreCardJson.Serialize(single));
    }
}
