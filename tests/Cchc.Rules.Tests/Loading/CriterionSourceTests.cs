using Cchc.Rules.Diagnostics;
using Cchc.Rules.Loading;
using Cchc.Rules.Model;

namespace Cchc.Rules.Tests.Loading;

/// <summary>
/// Traceability: a criterion's Properties.<c>source</c> says whether it is stated in, borrowed from or inferred from a
/// public document (which it must cite) or reconstructed; the shipped commune index says it for every criterion.
/// </summary>
public class CriterionSourceTests
{
    private static readonly Lazy<CompiledRuleSet> Commune = new(() => new RuleSetLoader().LoadOrThrow(Path.Combine(Paths.Rules, "chi-so-cchc-xa")));

    private static readonly Lazy<CompiledRuleSet> Plan = new(() => new RuleSetLoader().LoadOrThrow(Paths.Plan2023));

    private static string WithSource(string source) => TempRuleSet.DefaultWorkflow.Replace(
        "\"Properties\": { \"title\": \"Tỷ lệ đạt\", \"area\": \"a\",",
        "\"Properties\": { \"title\": \"Tỷ lệ đạt\", \"area\": \"a\", \"source\": " + source + ",",
        StringComparison.Ordinal);

    [Fact]
    public void EveryCriterionOfTheCommuneIndex_NamesAPublicSourceOrIsMarkedReconstructed()
    {
        foreach (var criterion in Commune.Value.Criteria.Flatten())
        {
            var source = criterion.Source;
            Assert.True(source is not null, $"{criterion.Id} has no Properties.source");
            Assert.True(source.Basis == SourceBasis.Reconstructed || source.Cites.Count > 0, $"{criterion.Id}: {source.Basis} without a cited document");
            Assert.False(string.IsNullOrWhiteSpace(source.Note), $"{criterion.Id}: the reading taken is not said");
            Assert.All(source.Cites, c => Assert.DoesNotContain(".md", c, StringComparison.Ordinal)); // public documents, not project files
        }
    }

    [Fact]
    public void CommuneIndex_BorrowedCriteriaNameTheInstrumentTheyComeFrom()
    {
        var borrowed = Commune.Value.Criteria.Flatten().Where(c => c.Source!.Basis == SourceBasis.Borrowed).ToDictionary(c => c.Id, c => string.Join(" ", c.Source!.Cites));

        Assert.Equal(["2.1", "2.1.b", "3.6", "4.2", "CT.2"], borrowed.Keys.Order(StringComparer.Ordinal));
        foreach (var id in new[] { "2.1", "2.1.b", "3.6" })
        {
            Assert.Contains("Chuẩn tiếp cận pháp luật", borrowed[id], StringComparison.Ordinal);
        }

        foreach (var id in new[] { "4.2", "CT.2" })
        {
            Assert.Contains("Phú Thọ", borrowed[id], StringComparison.Ordinal);
            Assert.Contains("https://github.com/linhnv87/ChamDiemCCHC", borrowed[id], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Plan2023_InferredTargetsSaySoAndEveryTargetCitesThePlan()
    {
        var criteria = Plan.Value.Criteria.Flatten().ToList();

        Assert.All(criteria, c => Assert.Contains("09/KH-UBND", string.Join(" ", c.Source!.Cites), StringComparison.Ordinal));
        Assert.Equal(["MT2.3a", "MT2.7a", "MT7.4"], criteria.Where(c => c.Source!.Basis == SourceBasis.Inferred).Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Contains("theo quy định", criteria.Single(c => c.Id == "MT7.4").Source!.Note, StringComparison.Ordinal);
        Assert.All(criteria.Where(c => c.Id is "MT2.3a" or "MT2.7a"), c => Assert.Contains("rà soát, đề xuất đăng ký", c.Source!.Note, StringComparison.Ordinal));
        Assert.Contains("cbccDuocGiao", criteria.Single(c => c.Id == "MT4.1").Inputs);
    }

    [Fact]
    public void Load_SourceWithBasisCitesAndNote_IsRead()
    {
        var result = TempRuleSet.Load(workflow: WithSource("""{ "basis": "borrowed", "cites": ["Quyết định số 25/2021/QĐ-TTg", " "], "note": "Mượn." }"""));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var source = result.RuleSet!.Criteria.Single(c => c.Id == "R1").Source!;
        Assert.Equal((SourceBasis.Borrowed, "Mượn."), (source.Basis, source.Note));
        Assert.Equal(["Quyết định số 25/2021/QĐ-TTg"], source.Cites);
        Assert.Equal("Nguồn (mượn từ công cụ đánh giá khác): Quyết định số 25/2021/QĐ-TTg. Mượn.", source.ToString());
        Assert.Null(result.RuleSet.Criteria.Single(c => c.Id == "R2").Source);
    }

    [Theory]
    [InlineData("stated")]
    [InlineData("borrowed")]
    [InlineData("inferred")]
    public void Load_StatedBorrowedOrInferredWithoutACitedDocument_IsCchc049OnThatRule(string basis)
    {
        var result = TempRuleSet.Load(workflow: WithSource($$"""{ "basis": "{{basis}}", "cites": [] }"""));

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CCHC049", error.Code);
        Assert.Contains("'R1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReconstructedWithoutACitedDocument_IsAccepted()
    {
        Assert.True(TempRuleSet.Load(workflow: WithSource("""{ "basis": "reconstructed", "note": "Tái dựng." }""")).Succeeded);
    }

    [Fact]
    public void Load_UnknownBasisWord_IsASchemaError()
    {
        var result = TempRuleSet.Load(workflow: WithSource("""{ "basis": "guessed", "cites": ["x"] }"""));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("basis", StringComparison.Ordinal) || d.Message.Contains("guessed", StringComparison.Ordinal));
    }
}
