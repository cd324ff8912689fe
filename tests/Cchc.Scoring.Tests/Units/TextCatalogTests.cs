using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Cchc.Rules;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Texts;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Units;

/// <summary>
/// The libraries' two catalogs (Cchc.Scoring's ScoringStrings, Cchc.Scoring.Files' FileStrings): Vietnamese and English
/// hold the same keys with the same placeholders, and a reader's rejection and a report's headers follow
/// <see cref="CchcLanguage.Current"/> — per flow, so two concurrent requests in two languages do not mix.
/// </summary>
public sealed partial class TextCatalogTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public static TheoryData<string> Catalogs => new() { nameof(ScoringStrings), nameof(FileStrings) };

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void Catalog_ViAndEn_SameKeysAndSamePlaceholders(string catalog)
    {
        var resources = catalog == nameof(ScoringStrings) ? ScoringStrings.ResourceManager : FileStrings.ResourceManager;
        var vietnamese = Entries(resources, CultureInfo.InvariantCulture);
        var english = Entries(resources, CultureInfo.GetCultureInfo("en"));

        Assert.NotEmpty(vietnamese);
        Assert.Equal(vietnamese.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in vietnamese)
        {
            Assert.True(Placeholders(text).SetEquals(Placeholders(english[key])), $"{catalog}.{key}: '{text}' vs '{english[key]}'");
            Assert.NotEqual(text, english[key]);
        }
    }

    [Fact]
    public async Task Rejection_InEnglish_IsEnglish_AndVietnameseByDefault()
    {
        var english = await Task.Run(() =>
        {
            CchcLanguage.Current = CchcLanguage.English;
            return Assert.Throws<UnitDataException>(() => UnitData.FromRow(new Dictionary<string, object?> { ["code"] = "x", ["level"] = "tinh" })).Reason;
        });
        var vietnamese = Assert.Throws<UnitDataException>(() => UnitData.FromRow(new Dictionary<string, object?> { ["code"] = "x", ["level"] = "tinh" })).Reason;

        Assert.StartsWith("unknown unit level (level); accepted: xa, phuong, dacKhu", english);
        Assert.StartsWith("cấp đơn vị (level) không rõ; đọc được: xa, phuong, dacKhu", vietnamese);
    }

    [Fact]
    public async Task MissingColumn_InEnglish_IsEnglish()
    {
        var path = _temp.Write("khong-co-cap.csv", "code,name\nx,Xã X\n");

        var english = await Task.Run(async () =>
        {
            CchcLanguage.Current = CchcLanguage.English;
            return (await new UnitPipeline(Shipped.RuleSet).ReadAllAsync([path])).Summary;
        });
        var vietnamese = (await new UnitPipeline(Shipped.RuleSet).ReadAllAsync([path])).Summary;

        Assert.Contains(english.ColumnProblems, p => p.Reason == "the required column 'level' is missing: every row is rejected");
        Assert.Contains(vietnamese.ColumnProblems, p => p.Reason == "thiếu cột bắt buộc 'level': mọi dòng đều bị loại");
    }

    [Fact]
    public async Task RankingCsvHeader_InEnglish_IsEnglish_AndVietnameseByDefault()
    {
        var card = await Shipped.Engine.ScoreAsync(UnitData.FromRow(new Dictionary<string, object?> { ["code"] = "x", ["name"] = "Xã X", ["level"] = "xa" }));
        using var report = RankingReport.Of([card], Shipped.RuleSet);

        var english = await Task.Run(() =>
        {
            CchcLanguage.Current = CchcLanguage.English;
            return FirstLine(report, RankingFormat.Csv);
        });
        var vietnamese = FirstLine(report, RankingFormat.Csv);

        Assert.StartsWith("\uFEFFRank (rank),Code (code),Name (name),Level (level),Parent unit (parent),Points (points)", english, StringComparison.Ordinal);
        Assert.StartsWith("\uFEFFHạng (rank),Mã (code),Tên (name),Cấp (level),Đơn vị cấp trên (parent),Điểm (points)", vietnamese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoConcurrentFlows_InTwoLanguages_EachGetsItsOwn()
    {
        // Two requests of a portal, one with Accept-Language: en, one without, interleaved on the thread pool.
        using var gate = new Barrier(2);
        string Reason(CultureInfo language)
        {
            CchcLanguage.Current = language;
            gate.SignalAndWait(TimeSpan.FromSeconds(10));
            var reasons = new List<string>();
            for (var i = 0; i < 200; i++)
            {
                reasons.Add(Assert.Throws<UnitDataException>(() => UnitData.FromRow(new Dictionary<string, object?> { ["level"] = "xa" })).Reason);
            }

            return Assert.Single(reasons.Distinct());
        }

        var results = await Task.WhenAll(Task.Run(() => Reason(CchcLanguage.English)), Task.Run(() => Reason(CchcLanguage.Vietnamese)));

        Assert.Equal(["the unit code (code) is missing", "thiếu mã đơn vị (code)"], results);
    }

    [Fact]
    public void CoreAssembly_ReferencesNoFileFormatLibrary()
    {
        var references = typeof(ScoringEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        var files = typeof(RankingRun).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("CsvHelper", references);
        Assert.DoesNotContain("MiniExcel", references);
        Assert.Equal("Cchc.Scoring.Files", typeof(RankingRun).Assembly.GetName().Name);
        Assert.Contains("CsvHelper", files);
        Assert.Contains("MiniExcel", files);
    }

    private static string FirstLine(RankingReport report, RankingFormat format)
    {
        using var stream = new MemoryStream();
        RankingWriter.Write(report, format, stream, CancellationToken.None);
        var text = new System.Text.UTF8Encoding(false).GetString(stream.ToArray());
        return text[..text.IndexOf('\r', StringComparison.Ordinal)];
    }

    private static Dictionary<string, string> Entries(ResourceManager resources, CultureInfo culture)
    {
        var set = resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!;
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{[A-Za-z0-9]+\}")]
    private static partial Regex PlaceholderPattern();
}
