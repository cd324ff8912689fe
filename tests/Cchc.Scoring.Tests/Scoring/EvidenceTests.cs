using Cchc.Rules.Loading;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Scoring;

/// <summary>The rule set's evidence policy (<c>"evidence"</c>: none, flag, rejectClaim) applied to claims without a <c>tlkc:</c> reference.</summary>
public sealed class EvidenceTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string CopyRuleSet(string manifestEvidence)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "rules", "chi-so-cchc-xa");
        var target = Path.Combine(_temp.Root, "rs-" + manifestEvidence);
        foreach (var file in Directory.EnumerateFiles(source, "*.json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            var text = File.ReadAllText(file);
            if (relative == "ruleset.json")
            {
                text = text.Replace("\"evidence\": \"flag\"", $"\"evidence\": \"{manifestEvidence}\"", StringComparison.Ordinal);
            }

            File.WriteAllText(Path.Combine(target, relative), text);
        }

        return target;
    }

    private static UnitData Unit(string json) => UnitData.FromJObject(Newtonsoft.Json.Linq.JObject.Parse(json));

    [Fact]
    public async Task Flag_ClaimWithoutEvidence_IsListedAndStillCounted()
    {
        var engine = new ScoringEngine(new RuleSetLoader().LoadOrThrow(Path.Combine(AppContext.BaseDirectory, "rules", "chi-so-cchc-xa")));

        var card = await engine.ScoreAsync(Unit("""{ "code": "X", "level": "xa", "tuCham": { "1.2": 2, "1.4": 1.5, "1.1.a": 1 }, "tlkc": { "1.4": "KH 21/KH-UBND", "1.1": "KH 15/KH-UBND" } }"""));

        // 1.1.a is covered by the reference on its composite 1.1; 1.2 has none.
        Assert.Equal(["1.2"], card.SelfAssessment!.WithoutEvidence!);
        Assert.Equal(4.5m, card.SelfAssessment.ClaimedPoints);
        Assert.DoesNotContain(card.Problems, p => p.Input.StartsWith("tuCham", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RejectClaim_ClaimWithoutEvidence_IsNotAcceptedAndReported_FinalPointsUnchanged()
    {
        var engine = new ScoringEngine(new RuleSetLoader().LoadOrThrow(CopyRuleSet("rejectClaim")));
        var without = Unit("""{ "code": "X", "level": "xa", "tuCham": { "1.2": 2, "1.4": 1.5 }, "tlkc": { "1.4": "KH 21/KH-UBND" } }""");

        var card = await engine.ScoreAsync(without);
        var noClaims = await engine.ScoreAsync(Unit("""{ "code": "X", "level": "xa" }"""));

        Assert.Equal(1.5m, card.SelfAssessment!.ClaimedPoints);
        Assert.Equal(["1.2"], card.SelfAssessment.WithoutEvidence!);
        var problem = Assert.Single(card.Problems, p => p.Input == "tuCham:1.2");
        Assert.Equal("2", problem.Value);
        Assert.Contains("không được chấp nhận", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(noClaims.Points, card.Points);
    }

    [Fact]
    public async Task None_NothingIsListed()
    {
        var engine = new ScoringEngine(new RuleSetLoader().LoadOrThrow(CopyRuleSet("none")));

        var card = await engine.ScoreAsync(Unit("""{ "code": "X", "level": "xa", "tuCham": { "1.2": 2 } }"""));

        Assert.Null(card.SelfAssessment!.WithoutEvidence);
    }

    [Fact]
    public void Loader_UnknownEvidenceWord_IsAnErrorNamingTheFile()
    {
        var result = new RuleSetLoader().Load(CopyRuleSet("maybe"));

        Assert.Null(result.RuleSet);
        Assert.Contains(result.Diagnostics, d => d.File == "ruleset.json" && d.Message.Contains("maybe", StringComparison.Ordinal));
    }
}
