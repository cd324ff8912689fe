using Cchc.Rules.Diagnostics;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cchc.Scoring.Tests.DependencyInjection;

public sealed class ServiceCollectionExtensionsTests : IDisposable
{
    private const string Inputs = """[ { "name": "daBanHanh", "type": "bool", "label": "Đã ban hành" } ]""";

    private const string Rules = """
        [ { "RuleName": "PF", "Expression": "daBanHanh == true",
            "Properties": { "title": "Ban hành", "area": "chung", "scoring": { "method": "passFail", "points": 1 } } } ]
        """;

    private readonly TempRuleSet _set = TempRuleSet.Create(Inputs, Rules);

    public void Dispose() => _set.Dispose();

    private static ServiceProvider Build(string directory)
        => new ServiceCollection().AddCchcScoring(o => o.RuleSetDirectory = directory).BuildServiceProvider();

    private static UnitData Unit(bool value)
        => UnitData.FromRow(new Dictionary<string, object?> { ["code"] = "X01", ["level"] = "xa", ["daBanHanh"] = value });

    [Fact]
    public async Task AddCchcScoring_ValidFolder_ResolvesAnEngineThatScores()
    {
        using var services = Build(_set.Directory);

        var engine = services.GetRequiredService<IScoringEngine>();
        var card = await engine.ScoreAsync(Unit(true));

        Assert.Equal(TempRuleSet.Id, engine.RuleSet.Id);
        Assert.Equal(1m, card.Points);
        Assert.Equal(100m, card.Index);
        Assert.Same(engine, services.GetRequiredService<IScoringEngine>());
        Assert.Same(services.GetRequiredService<IRuleSetProvider>().Engine.RuleSet, engine.RuleSet);
        Assert.IsType<Cchc.Rules.Loading.RuleSetLoader>(services.GetRequiredService<Cchc.Rules.Loading.IRuleSetLoader>());
    }

    [Fact]
    public async Task Reload_FolderBecameInvalid_ReturnsDiagnosticsAndKeepsTheOldEngine()
    {
        using var services = Build(_set.Directory);
        var provider = services.GetRequiredService<IRuleSetProvider>();
        var before = provider.Engine;

        // The area now declares 2 points while its only criterion has 1.
        _set.WriteFiles(
            TempRuleSet.Manifest(Inputs, """[ { "id": "chung", "title": "Chung", "maxPoints": 2 } ]""", 2),
            TempRuleSet.Workflow(Rules));
        var result = provider.Reload();

        Assert.False(result.Succeeded);
        Assert.Null(result.RuleSet);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Code == "CCHC025");
        Assert.Same(before, provider.Engine);
        var card = await provider.Engine.ScoreAsync(Unit(true));
        Assert.Equal(1m, card.MaxPoints);
        Assert.Equal(100m, card.Index);
    }

    [Theory]
    [InlineData("deep")]
    [InlineData("long")]
    [InlineData("np(daBanHanh) == true")]
    public async Task Reload_HostileExpressionUploaded_HostSurvivesAndKeepsTheOldEngine(string kind)
    {
        using var services = Build(_set.Directory);
        var provider = services.GetRequiredService<IRuleSetProvider>();
        var before = provider.Engine;
        var expression = kind switch
        {
            "deep" => new string('(', 2700) + "daBanHanh == true" + new string(')', 2700),
            "long" => string.Join(" && ", Enumerable.Repeat("daBanHanh == true", 100_000)),
            _ => kind,
        };

        _set.WriteFiles(
            TempRuleSet.Manifest(Inputs, """[ { "id": "chung", "title": "Chung", "maxPoints": 1 } ]""", 1),
            TempRuleSet.Workflow(Rules.Replace("\"daBanHanh == true\"", Newtonsoft.Json.JsonConvert.ToString(expression), StringComparison.Ordinal)));
        var result = provider.Reload();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.RuleId == "PF" && d.Line > 0);
        Assert.Same(before, provider.Engine);
        Assert.Equal(1m, (await provider.Engine.ScoreAsync(Unit(true))).Points);
    }

    [Fact]
    public async Task Reload_FolderStillValid_SwapsInTheNewRuleSet()
    {
        using var services = Build(_set.Directory);
        var provider = services.GetRequiredService<IRuleSetProvider>();
        var before = provider.Engine;

        var rules = Rules.Replace("\"points\": 1", "\"points\": 4", StringComparison.Ordinal);
        _set.WriteFiles(TempRuleSet.Manifest(Inputs, """[ { "id": "chung", "title": "Chung", "maxPoints": 4 } ]""", 4), TempRuleSet.Workflow(rules));
        var result = provider.Reload();

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.NotSame(before, provider.Engine);
        Assert.Equal(4m, (await provider.Engine.ScoreAsync(Unit(true))).Points);
        Assert.Equal(1m, (await before.ScoreAsync(Unit(true))).Points);
    }

    [Fact]
    public async Task Reload_FolderStillValid_ReachesTheEngineInjectedBeforeIt()
    {
        using var services = Build(_set.Directory);
        var injected = services.GetRequiredService<IScoringEngine>();
        Assert.Equal(1m, (await injected.ScoreAsync(Unit(true))).Points);

        var rules = Rules.Replace("\"points\": 1", "\"points\": 4", StringComparison.Ordinal);
        _set.WriteFiles(TempRuleSet.Manifest(Inputs, """[ { "id": "chung", "title": "Chung", "maxPoints": 4 } ]""", 4), TempRuleSet.Workflow(rules));
        Assert.True(services.GetRequiredService<IRuleSetProvider>().Reload().Succeeded);

        Assert.Equal(4m, (await injected.ScoreAsync(Unit(true))).Points);
        Assert.Equal(4m, injected.RuleSet.MaxPoints);
    }

    [Fact]
    public void AddCchcScoring_InvalidFolderAtFirstResolve_ThrowsRuleSetValidationException()
    {
        _set.WriteFiles(TempRuleSet.Manifest(Inputs, """[ { "id": "chung", "title": "Chung", "maxPoints": 2 } ]""", 2), TempRuleSet.Workflow(Rules));
        using var services = Build(_set.Directory);

        var e = Assert.Throws<RuleSetValidationException>(() => services.GetRequiredService<IScoringEngine>());

        Assert.Equal(_set.Directory, e.Directory);
        Assert.Contains(e.Diagnostics, d => d.Code == "CCHC025");
    }

    [Fact]
    public void AddCchcScoring_MissingFolder_ThrowsRuleSetValidationException()
    {
        using var services = Build(Path.Combine(_set.Directory, "khong-co"));

        var e = Assert.Throws<RuleSetValidationException>(() => services.GetRequiredService<IRuleSetProvider>());

        Assert.Contains(e.Diagnostics, d => d.Code == "CCHC001");
    }

    [Fact]
    public void AddCchcScoring_NoFolderConfigured_FailsOptionsValidation()
    {
        using var services = Build("");

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IScoringEngine>());
    }

    [Fact]
    public async Task AddCchcScoring_ScoresTheShippedRuleSet()
    {
        using var services = Build(Paths.Plan2023);
        var engine = services.GetRequiredService<IScoringEngine>();
        var unit = new UnitFileReader(engine.RuleSet).Read(Path.Combine(Paths.Samples, "xa-long-hai.json")).Single().Unit!;

        var card = await engine.ScoreAsync(unit);

        Assert.Equal((17m, 18m, 94.44m), (card.Points, card.MaxPoints, card.Index));
        Assert.Equal(CriterionStatus.NotApplicable, card.Criteria.Single(c => c.Id == "MT2.1a").Status);
    }
}
