using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Loading;
using Cchc.Rules.Texts;

namespace Cchc.Rules.Tests.Text;

/// <summary>The rule-set diagnostics' texts: a Vietnamese catalog (the default) and a complete English one.</summary>
public sealed partial class RulesStringsCatalogTests
{
    private static Dictionary<string, string> Catalog(CultureInfo culture)
    {
        // Not disposed: the resource manager caches the set and hands the same one to every later lookup.
        var set = RulesStrings.ResourceManager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }

    [Fact]
    public void Catalogs_HaveTheSameKeysAndTheSamePlaceholders()
    {
        var vietnamese = Catalog(CultureInfo.InvariantCulture);
        var english = Catalog(CultureInfo.GetCultureInfo("en"));

        Assert.True(vietnamese.Count > 200, $"{vietnamese.Count} texts");
        Assert.Equal(vietnamese.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in vietnamese)
        {
            Assert.True(Placeholders(text).SequenceEqual(Placeholders(english[key])), $"{key}: '{text}' / '{english[key]}'");
            Assert.NotEqual(text, english[key]);
        }
    }

    [Fact]
    public void EveryText_IsAValidFormatString()
    {
        foreach (var culture in new[] { CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("en") })
        {
            foreach (var (key, text) in Catalog(culture))
            {
                var count = Placeholders(text).DefaultIfEmpty(-1).Max() + 1;
                var filled = string.Format(CultureInfo.InvariantCulture, text, Enumerable.Range(0, count).Select(i => (object)$"<{i}>").ToArray());
                Assert.False(string.IsNullOrWhiteSpace(filled), key);
            }
        }
    }

    [Fact]
    public void Diagnostic_InEnglish_WhenAsked_NumbersTheInvariantWay_VietnameseOtherwise()
    {
        var workflow = TempRuleSet.DefaultWorkflow.Replace("{ \"min\": 70, \"points\": 1 }", "{ \"min\": 92.5, \"points\": 1 }", StringComparison.Ordinal);
        var before = CchcLanguage.Current;
        try
        {
            CchcLanguage.Current = CchcLanguage.English;
            var english = Assert.Single(TempRuleSet.Load(workflow: workflow).Diagnostics, d => d.Code == "CCHC053");
            Assert.Equal("The bands are out of order: band 2 has 'min' 92.5, not below the band just before it (90).", english.Message);

            CchcLanguage.Current = CchcLanguage.Vietnamese;
            var vietnamese = Assert.Single(TempRuleSet.Load(workflow: workflow).Diagnostics, d => d.Code == "CCHC053");
            Assert.Equal("Các mức sai thứ tự: mức 2 có 'min' là 92,5, không thấp hơn mức ngay trước (90).", vietnamese.Message);
        }
        finally
        {
            CchcLanguage.Current = before;
        }
    }

    private static int[] Placeholders(string text)
        => [.. Placeholder().Matches(text.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal))
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Order()];

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
