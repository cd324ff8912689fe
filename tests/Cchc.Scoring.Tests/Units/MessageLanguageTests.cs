using System.Globalization;
using Cchc.Rules;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Units;

/// <summary>The library's data problems come from resources: Vietnamese by default, English through CchcLanguage.</summary>
public sealed class MessageLanguageTests
{
    [Fact]
    public async Task InputProblem_ByDefault_IsVietnameseWhateverTheUiCulture()
    {
        await Task.Run(() =>
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            var input = Shipped.RuleSet.InputsByName["tyLeHaiLong"];

            Assert.Null(InputConverter.Convert(input, "abc", out var problem));
            Assert.Equal("không phải số", problem!.Reason);
            Assert.Null(InputConverter.Convert(input, "120", out problem));
            Assert.Equal("tỷ lệ phần trăm vượt quá 100", problem!.Reason);
        });
    }

    [Fact]
    public async Task InputProblem_WithEnglish_IsEnglishInThatFlowOnly()
    {
        var input = Shipped.RuleSet.InputsByName["tyLeHaiLong"];
        var english = await Task.Run(() =>
        {
            CchcLanguage.Current = CchcLanguage.English;
            InputConverter.Convert(input, "abc", out var notNumber);
            InputConverter.Convert(input, "120", out var over);
            InputConverter.Convert(input, 1e30, out var outOfRange);
            return (notNumber!.Reason, over!.Reason, outOfRange!.Reason);
        });

        Assert.Equal(("is not a number", "is a percentage above 100", "is a number outside the range that can be computed (NaN, infinity, or beyond ±7.9 × 10^28)"), english);
        InputConverter.Convert(input, "abc", out var here);
        Assert.Equal("không phải số", here!.Reason);
    }

    [Fact]
    public void FromCode_EnglishOrElseVietnamese()
    {
        Assert.Same(CchcLanguage.English, CchcLanguage.FromCode("en-GB"));
        Assert.Same(CchcLanguage.Vietnamese, CchcLanguage.FromCode("vi"));
        Assert.Same(CchcLanguage.Vietnamese, CchcLanguage.FromCode("de"));
        Assert.Same(CchcLanguage.Vietnamese, CchcLanguage.FromCode(null));
    }
}
