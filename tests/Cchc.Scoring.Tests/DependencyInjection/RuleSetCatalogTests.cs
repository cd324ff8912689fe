using Cchc.Rules.Diagnostics;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cchc.Scoring.Tests.DependencyInjection;

/// <summary>Several rule sets in one host: keys, start-up checks, configuration, content root.</summary>
public sealed class RuleSetCatalogTests
{
    private static string Rules => Path.Combine(AppContext.BaseDirectory, "rules");

    private static string Plan2023 => Path.Combine(Rules, "ke-hoach-cchc-2023-phu-quy");

    private static string CommuneIndex => Path.Combine(Rules, "chi-so-cchc-xa");

    private static string ServiceIndex => Path.Combine(Rules, "qd766");

    private static ServiceProvider ThreeRuleSets(Action<CchcScoringOptions>? more = null)
        => new ServiceCollection()
            .AddCchcScoring(o => o.RuleSetDirectory = Plan2023)
            .AddCchcScoring(o => o.RuleSetDirectory = CommuneIndex)
            .AddCchcScoring(o =>
            {
                o.RuleSetDirectory = ServiceIndex;
                more?.Invoke(o);
            })
            .BuildServiceProvider();

    private static UnitData PlanCommune(IScoringEngine engine)
        => new UnitFileReader(engine.RuleSet).Read(Path.Combine(Paths.Samples, "xa-long-hai.json")).Single().Unit!;

    private static UnitData IndexCommune(IScoringEngine engine)
        => new UnitFileReader(engine.RuleSet).Read(Path.Combine(Paths.Samples, "chi-so-cchc-xa.csv")).First().Unit!;

    private static UnitData PortalDistrict(IScoringEngine engine)
        => new UnitPipeline(engine.RuleSet).ReadAllAsync(Qd766.SampleFiles).GetAwaiter().GetResult().Units.Single(u => u.Code == "huyen-hoa-binh");

    [Fact]
    public async Task AddCchcScoring_ThreeCalls_RegistersThreeRuleSetsAndScoresAUnitAgainstEach()
    {
        using var services = ThreeRuleSets();
        var catalog = services.GetRequiredService<IRuleSetCatalog>();

        Assert.Equal(["ke-hoach-cchc-2023-phu-quy", "chi-so-cchc-xa", "qd766"], catalog.RuleSets.Select(r => r.Engine.RuleSet.Id));

        var plan = services.GetRequiredKeyedService<IScoringEngine>("ke-hoach-cchc-2023-phu-quy");
        var planCard = await plan.ScoreAsync(PlanCommune(plan));
        Assert.Equal(("ke-hoach-cchc-2023-phu-quy", 17m, 18m, 94.44m), (planCard.RuleSet.Id, planCard.Points, planCard.MaxPoints, planCard.Index));

        var index = catalog.GetEngine("chi-so-cchc-xa");
        var indexCard = await index.ScoreAsync(IndexCommune(index));
        Assert.Equal(("chi-so-cchc-xa", "long-hai", 95.58m, 99m, "Xuất sắc"), (indexCard.RuleSet.Id, indexCard.Unit.Code, indexCard.Points, indexCard.MaxPoints, indexCard.Grade));

        var service = catalog.GetEngine("qd766");
        var serviceCard = await service.ScoreAsync(PortalDistrict(service));
        var direct = await Qd766.Engine.ScoreAsync(PortalDistrict(Qd766.Engine));
        Assert.Equal("qd766", serviceCard.RuleSet.Id);
        Assert.True(serviceCard.Complete);
        Assert.Equal((direct.Points, direct.MaxPoints, direct.Index), (serviceCard.Points, serviceCard.MaxPoints, serviceCard.Index));
        Assert.DoesNotContain(serviceCard.Criteria, c => c.Status == CriterionStatus.MissingData);
    }

    [Fact]
    public void GetRuleSet_KeyWithVersion_ResolvesOnlyTheLoadedVersion()
    {
        using var services = ThreeRuleSets();
        var catalog = services.GetRequiredService<IRuleSetCatalog>();
        var version = catalog.GetRuleSet("chi-so-cchc-xa").Engine.RuleSet.Version;

        Assert.Same(catalog.GetRuleSet("chi-so-cchc-xa"), catalog.GetRuleSet($"chi-so-cchc-xa@{version}"));
        Assert.Same(catalog.GetRuleSet("qd766"), services.GetRequiredKeyedService<IRuleSetProvider>("qd766"));
        Assert.Equal(version, services.GetRequiredKeyedService<IScoringEngine>($"chi-so-cchc-xa@{version}").RuleSet.Version);
        Assert.False(catalog.TryGetRuleSet("chi-so-cchc-xa@0.0.0-khong-co", out _));
        var e = Assert.Throws<KeyNotFoundException>(() => catalog.GetEngine("chi-so-cchc-tinh"));
        Assert.Contains("qd766@", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnkeyedEngine_SeveralRuleSetsAndNoDefault_ThrowsNamingTheChoices()
    {
        using var services = ThreeRuleSets();

        var e = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IScoringEngine>().RuleSet);

        Assert.Contains("DefaultRuleSet", e.Message, StringComparison.Ordinal);
        Assert.Contains("chi-so-cchc-xa@", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnkeyedEngine_DefaultRuleSetNamed_ScoresWithIt()
    {
        using var services = ThreeRuleSets(o => o.DefaultRuleSet = "chi-so-cchc-xa");

        Assert.Equal("chi-so-cchc-xa", services.GetRequiredService<IScoringEngine>().RuleSet.Id);
        Assert.Equal("chi-so-cchc-xa", services.GetRequiredService<IRuleSetProvider>().Engine.RuleSet.Id);
    }

    [Fact]
    public async Task StartAsync_SameRuleSetTwice_FailsAtStartUp()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddCchcScoring(o => o.RuleSetDirectory = Plan2023).AddCchcScoring(o => o.RuleSetDirectories.Add(Plan2023));
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("ke-hoach-cchc-2023-phu-quy", e.Message, StringComparison.Ordinal);
        Assert.Contains("hai lần", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WrongFolder_FailsAtStartUpNotAtTheFirstRequest()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddCchcScoring(o => o.RuleSetDirectory = Path.Combine(Rules, "khong-co"));
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<RuleSetValidationException>(() => host.StartAsync());

        Assert.Contains(e.Diagnostics, d => d.Code == "CCHC001");
    }

    [Fact]
    public async Task StartAsync_NothingConfigured_FailsOptionsValidationAtStartUp()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddCchcScoring(builder.Configuration.GetSection(CchcScoringOptions.SectionName));
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("RuleSetsRoot", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCchcScoring_RootFromConfiguration_LoadsEverySubfolderRelativeToTheContentRoot()
    {
        // A content root that is not the current folder, holding the rule sets under a name the current folder lacks:
        // "quy-tac" resolves only if relative paths are taken against the content root.
        using var contentRoot = new TempDirectory();
        foreach (var file in Directory.EnumerateFiles(Rules, "*.json", SearchOption.AllDirectories))
        {
            contentRoot.Write(Path.Combine("quy-tac", Path.GetRelativePath(Rules, file)), File.ReadAllText(file));
        }

        Assert.False(Directory.Exists(Path.GetFullPath("quy-tac")));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = contentRoot.Root });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CchcScoring:RuleSetsRoot"] = "quy-tac",
            ["CchcScoring:DefaultRuleSet"] = "qd766",
        });
        builder.Services.AddCchcScoring(builder.Configuration.GetSection(CchcScoringOptions.SectionName));
        using var host = builder.Build();
        await host.StartAsync();

        var catalog = host.Services.GetRequiredService<IRuleSetCatalog>();
        Assert.Equal(["chi-so-cchc-xa", "ke-hoach-cchc-2023-phu-quy", "qd766"], catalog.RuleSets.Select(r => r.Engine.RuleSet.Id));
        Assert.All(catalog.RuleSets, r => Assert.StartsWith(Path.Combine(contentRoot.Root, "quy-tac"), r.Directory, StringComparison.Ordinal));
        Assert.Equal("qd766", host.Services.GetRequiredService<IScoringEngine>().RuleSet.Id);
        await host.StopAsync();
    }
}
