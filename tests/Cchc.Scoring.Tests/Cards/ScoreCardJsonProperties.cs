using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;
using FsCheck.Xunit;

namespace Cchc.Scoring.Tests.Cards;

public class ScoreCardJsonProperties
{
    [Property(Arbitrary = [typeof(Generators)], MaxTest = 60)]
    public async Task Serialize_CardOfAnyUnit_RoundTripsToIdenticalText(ShippedUnit u)
    {
        var card = await Shipped.Engine.ScoreAsync(u.Unit);

        foreach (var indented in new[] { true, false })
        {
            var json = ScoreCardJson.Serialize(card, indented);
            var again = ScoreCardJson.Serialize(ScoreCardJson.Deserialize(json), indented);
            Assert.Equal(json, again);
        }
    }
}
