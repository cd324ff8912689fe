using System.Globalization;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;

namespace Cchc.Scoring.Tests.Explanations;

public sealed class VietnameseFormatTests(ExplanationRuleSet fixture) : IClassFixture<ExplanationRuleSet>
{
    public static TheoryData<string> Cultures => ["en-US", "de-DE", "ar-SA", "vi-VN", "fr-FR", "tr-TR"];

    [Theory]
    [InlineData("1234.5", "1.234,5")]
    [InlineData("1234567.891", "1.234.567,89")]
    [InlineData("-1234.5", "-1.234,5")]
    [InlineData("72.50", "72,5")]
    [InlineData("1000", "1.000")]
    [InlineData("999", "999")]
    [InlineData("0.005", "0,01")]
    [InlineData("2.345", "2,35")]
    [InlineData("-0.004", "0")]
    [InlineData("0", "0")]
    public void Number_Value_IsWrittenVietnameseStyle(string value, string expected)
        => Assert.Equal(expected, VietnameseFormat.Number(decimal.Parse(value, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("1.5", 0, "2")]
    [InlineData("2.5", 0, "3")]
    [InlineData("1234.5678", 3, "1.234,568")]
    public void Number_MaxDecimals_RoundsHalfAwayFromZero(string value, int decimals, string expected)
        => Assert.Equal(expected, VietnameseFormat.Number(decimal.Parse(value, CultureInfo.InvariantCulture), decimals));

    [Fact]
    public void Value_EachKind_IsWrittenForPeople()
    {
        Assert.Equal("72,5%", VietnameseFormat.Value(72.5m, ValueFormat.Percent));
        Assert.Equal("1.235", VietnameseFormat.Value(1234.5m, ValueFormat.Count));
        Assert.Equal("19/02/2023", VietnameseFormat.Value(new DateTime(2023, 2, 19, 0, 0, 0, DateTimeKind.Unspecified), ValueFormat.Date));
        Assert.Equal("có", VietnameseFormat.Value(true, ValueFormat.Bool));
        Assert.Equal("không", VietnameseFormat.Value(false, ValueFormat.Bool));
        Assert.Equal("Khá", VietnameseFormat.Value("kha", ValueFormat.Choice, [new ChoiceOption("tot", "Tốt"), new ChoiceOption("kha", "Khá")]));
        Assert.Null(VietnameseFormat.Value(null, ValueFormat.Number));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Format_AnyCurrentCulture_GivesVietnameseText(string culture)
    {
        var (number, percent, date) = WithCulture(culture, () => (
            VietnameseFormat.Number(1234.5m),
            VietnameseFormat.Percent(72.5m),
            VietnameseFormat.Date(new DateTime(2023, 2, 19, 0, 0, 0, DateTimeKind.Unspecified))));

        Assert.Equal("1.234,5", number);
        Assert.Equal("72,5%", percent);
        Assert.Equal("19/02/2023", date);
    }

    [Fact]
    public async Task Score_CurrentCultureChanges_CardTextIsIdentical()
    {
        var outputs = new List<string>();
        foreach (var culture in new[] { "en-US", "de-DE", "ar-SA", "vi-VN" })
        {
            var json = await WithCultureAsync(culture, async () =>
            {
                var card = await fixture.Set.ScoreAsync(
                    "xa",
                    ("tyLeHaiLong", "72,5%"), ("tyLeSoHoa", 40), ("ngayBanHanh", "19/02/2023"), ("ngayKiemTra", "2023-03-02"),
                    ("soTien", "1.234,5"), ("tongHoSo", 3), ("hoSoDungHan", 2), ("soSangKien", 7));
                Assert.Equal("72,5%", card.Criterion("TPL").ValueText);
                Assert.Equal("1.234,5", card.Criterion("NUM").ValueText);
                Assert.Equal("19/02/2023", card.Criterion("DATE_LT").ValueText);
                Assert.Equal("66,67%", card.Criterion("NO_OCC").ValueText);
                return ScoreCardJson.Serialize(card);
            });
            outputs.Add(json);
        }

        Assert.All(outputs, o => Assert.Equal(outputs[0], o));
        Assert.Contains("Mức độ hài lòng|72,5%|87%|≥ 87%|14,5 điểm phần trăm|Phòng Nội vụ|0|1|—", outputs[0], StringComparison.Ordinal);
    }

    private static T WithCulture<T>(string name, Func<T> action)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    private static async Task<T> WithCultureAsync<T>(string name, Func<Task<T>> action)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            return await action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
