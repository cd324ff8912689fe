using System.Globalization;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Cards;

public class InputHashTests
{
    private static UnitData Sample() => new UnitFileReader(Shipped.RuleSet).Read(Path.Combine(Paths.Samples, "huyen-phu-quy.json")).Single().Unit!;

    [Fact]
    public async Task Card_CarriesEngineVersionAndTheHashOfItsInputs()
    {
        var unit = Sample();
        var card = await Shipped.Engine.ScoreAsync(unit);

        Assert.Equal(InputHash.EngineVersion, card.EngineVersion);
        Assert.StartsWith("0.", card.EngineVersion, StringComparison.Ordinal);
        Assert.Equal(InputHash.Of(Shipped.RuleSet, unit), card.InputSha256);
        Assert.Matches("^[0-9a-f]{64}$", card.InputSha256!);
    }

    [Fact]
    public void CanonicalForm_IsIdentityThenEveryDeclaredInputInManifestOrder_MissingIsNull()
    {
        var unit = Sample();
        var missing = Shipped.RuleSet.Inputs.First(i => !unit.Values.ContainsKey(i.Name) || unit.Values[i.Name] is null).Name;

        var form = InputHash.CanonicalForm(Shipped.RuleSet, unit);

        Assert.StartsWith($"[\"cchc-inputs/1\",\"{unit.Code}\",\"{unit.Name}\",\"huyen\",", form, StringComparison.Ordinal);
        Assert.Contains($"[\"{missing}\",null]", form, StringComparison.Ordinal);
        var positions = Shipped.RuleSet.Inputs.Select(i => form.IndexOf($"[\"{i.Name}\",", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain(" ", form.Replace(unit.Name, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_SameValueWrittenDifferently_IsTheSame_AnotherValueChangesIt()
    {
        var unit = Sample();
        var number = Shipped.RuleSet.Inputs.First(i => i.Type == Cchc.Rules.Model.InputType.Number && unit.Values.GetValueOrDefault(i.Name) is not null).Name;
        var value = System.Convert.ToDecimal(unit.Values[number], CultureInfo.InvariantCulture);
        UnitData With(object? v) => unit with { Values = new Dictionary<string, object?>(unit.Values, StringComparer.Ordinal) { [number] = v } };

        var hash = InputHash.Of(Shipped.RuleSet, unit);

        Assert.Equal(hash, InputHash.Of(Shipped.RuleSet, With(value.ToString("0.000", CultureInfo.InvariantCulture))));
        Assert.Equal(hash, InputHash.Of(Shipped.RuleSet, With(value * 1.00m)));
        Assert.NotEqual(hash, InputHash.Of(Shipped.RuleSet, With(value + 1)));
        Assert.NotEqual(hash, InputHash.Of(Shipped.RuleSet, With(null)));
        Assert.NotEqual(hash, InputHash.Of(Shipped.RuleSet, unit with { Name = unit.Name + " " }));
    }

    [Theory]
    [InlineData("vi-VN")]
    [InlineData("tr-TR")]
    [InlineData("cs-CZ")]
    [InlineData("de-DE")]
    public void Hash_DoesNotDependOnTheCulture(string name)
    {
        var unit = Sample();
        var invariant = InputHash.CanonicalForm(Shipped.RuleSet, unit);
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
            Assert.Equal(invariant, InputHash.CanonicalForm(Shipped.RuleSet, unit));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
