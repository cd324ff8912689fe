using System.Text.Json;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Cards;

public class ScoreCardJsonTests
{
    private static async Task<ScoreCard> SampleCardAsync(string file = "huyen-phu-quy.json")
    {
        var unit = new UnitFileReader(Shipped.RuleSet).Read(Path.Combine(Paths.Samples, file)).Single().Unit!;
        return await Shipped.Engine.ScoreAsync(unit);
    }

    [Fact]
    public async Task Serialize_Card_IsCamelCaseWithEnumWordsAndUnescapedVietnamese()
    {
        var json = ScoreCardJson.Serialize(await SampleCardAsync());

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("ke-hoach-cchc-2023-phu-quy", root.GetProperty("ruleSet").GetProperty("id").GetString());
        Assert.Equal(87.5m, root.GetProperty("index").GetDecimal());
        Assert.Equal("Hoàn thành phần lớn mục tiêu", root.GetProperty("grade").GetString());
        var first = root.GetProperty("criteria")[0];
        Assert.Equal("met", first.GetProperty("status").GetString());
        Assert.Contains("\"status\": \"notMet\"", json, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành phần lớn mục tiêu", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
        Assert.False(root.TryGetProperty("rank", out _)); // null is left out
    }

    [Fact]
    public async Task Serialize_Values_AreNumbersAndDateStrings()
    {
        var card = await SampleCardAsync();
        var json = ScoreCardJson.Serialize(card, indented: false);

        using var document = JsonDocument.Parse(json);
        var criteria = document.RootElement.GetProperty("criteria").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.Equal(JsonValueKind.Number, criteria["MT2.5a"].GetProperty("value").ValueKind);
        Assert.Equal(91.2m, criteria["MT2.5a"].GetProperty("value").GetDecimal());
        Assert.Equal("2023-01-17", criteria["MT7.1"].GetProperty("value").GetString());
        Assert.Equal("2023-02-19", criteria["MT7.1"].GetProperty("target").GetString());
        Assert.DoesNotContain('\n', json);
    }

    [Fact]
    public async Task Deserialize_SerializedCard_GivesTheSameCard()
    {
        var card = await SampleCardAsync("xa-tam-thanh.json");
        var json = ScoreCardJson.Serialize(card);

        var back = ScoreCardJson.Deserialize(json);

        Assert.Equal(json, ScoreCardJson.Serialize(back));
        Assert.Equal(card.Unit, back.Unit);
        Assert.Equal(card.RuleSet, back.RuleSet);
        Assert.Equal(card.Areas, back.Areas);
        Assert.Equal(card.Criteria.Select(c => c with { Children = [] }), back.Criteria.Select(c => c with { Children = [] }));
        Assert.Equal(DateTime.Parse("2023-02-19", System.Globalization.CultureInfo.InvariantCulture), back.Criteria.Single(c => c.Id == "MT7.1").Target?.Date);
    }

    [Fact]
    public void Deserialize_JsonNull_Throws()
        => Assert.Throws<JsonException>(() => ScoreCardJson.Deserialize("null"));

    [Theory]
    [InlineData("12.50")]
    [InlineData("\"2023-02-19\"")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("\"kha\"")]
    public void ScoreValue_RoundTrip_KeepsTheJson(string json)
    {
        var value = JsonSerializer.Deserialize<ScoreValue>(json, ScoreCardJson.Options);

        Assert.Equal(json, JsonSerializer.Serialize(value, ScoreCardJson.Options));
    }

    [Fact]
    public void ScoreValue_From_WrapsEachKind()
    {
        Assert.Equal(12.5m, ScoreValue.From(12.5m)?.Number);
        Assert.Equal(3m, ScoreValue.From(3)?.Number);
        Assert.Equal(new DateTime(2023, 2, 19, 0, 0, 0, DateTimeKind.Unspecified), ScoreValue.From(new DateTime(2023, 2, 19, 13, 0, 0, DateTimeKind.Unspecified))?.Date);
        Assert.Equal(true, ScoreValue.From(true)?.Flag);
        Assert.Equal("tot", ScoreValue.From("tot")?.Text);
        Assert.Null(ScoreValue.From(null));
    }

    [Fact]
    public void ScoreValue_ArrayInJson_IsRefused()
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ScoreValue>("[1]", ScoreCardJson.Options));

    [Fact]
    public void DefaultOptions_EveryEnumValue_IsItsDocumentedWord()
    {
        foreach (var status in Enum.GetValues<CriterionStatus>())
        {
            Assert.Equal($"\"{StatusWords.Word(status)}\"", JsonSerializer.Serialize(status));
            Assert.Equal(status, JsonSerializer.Deserialize<CriterionStatus>($"\"{StatusWords.Word(status)}\""));
        }

        Assert.Equal(["\"missing\"", "\"invalid\""], Enum.GetValues<DataProblemKind>().Select(k => JsonSerializer.Serialize(k)));
        Assert.Equal(
            ["\"lostPoints\"", "\"missingData\"", "\"bonus\"", "\"penalty\""],
            Enum.GetValues<Cchc.Scoring.Explanations.WhatIfKind>().Select(k => JsonSerializer.Serialize(k)));
    }

    [Fact]
    public async Task WebDefaultOptions_Card_WritesTheDocumentedWordsAndReadsBackAsTheSameCard()
    {
        var card = await SampleCardAsync("xa-ngu-phung.json");

        var web = JsonSerializer.Serialize(card, JsonSerializerOptions.Web); // what ASP.NET Core's Results.Json writes

        Assert.Contains("\"status\":\"met\"", web, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"notApplicable\"", web, StringComparison.Ordinal);
        Assert.DoesNotContain("\"status\":0", web, StringComparison.Ordinal);
        Assert.Equal(ScoreCardJson.Serialize(card), ScoreCardJson.Serialize(ScoreCardJson.Deserialize(web)));
    }
}
