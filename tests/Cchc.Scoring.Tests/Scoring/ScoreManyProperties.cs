using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;
using FsCheck.Xunit;

namespace Cchc.Scoring.Tests.Scoring;

public class ScoreManyProperties
{
    private static async Task<List<ScoreCard>> ScoreManyAsync(IEnumerable<UnitData> units, int parallelism)
    {
        var cards = new List<ScoreCard>();
        await foreach (var card in Shipped.Engine.ScoreManyAsync(units, parallelism))
        {
            cards.Add(card);
        }

        return cards;
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 25)]
    public async Task ScoreManyAsync_AnyOrderAnyParallelism_GivesIdenticalJsonPerUnit(ShippedBatch batch)
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var unit in batch.Units)
        {
            expected[unit.Code] = ScoreCardJson.Serialize(await Shipped.Engine.ScoreAsync(unit));
        }

        foreach (var order in new[] { batch.Units, batch.Shuffled })
        {
            foreach (var parallelism in new[] { 1, 2, 8 })
            {
                var cards = await ScoreManyAsync(order, parallelism);

                Assert.Equal(order.Select(u => u.Code), cards.Select(c => c.Unit.Code));
                Assert.All(cards, c => Assert.Equal(expected[c.Unit.Code], ScoreCardJson.Serialize(c)));
            }
        }
    }
}
