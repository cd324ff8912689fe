using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cchc.Scoring.Tests.DependencyInjection;

/// <summary>
/// A running host watching a copy of the 2023 plan: an analyst's edit to a rule file reaches the engine injected
/// before the edit, and a broken edit is logged and refused while the last good version keeps scoring.
/// </summary>
public sealed class RuleSetWatchTests : IAsyncLifetime, IDisposable
{
    private const string Id = "ke-hoach-cchc-2023-phu-quy";
    private const int Loaded = 1201;
    private const int Rejected = 1202;
    private const int Reloaded = 1203;

    private readonly TempDirectory _temp = new();
    private readonly LogCollector _logs = new();
    private IHost _host = null!;

    private string Directory => Path.Combine(_temp.Root, Id);

    private string Workflow => Path.Combine(Directory, "workflows", "2-tthc.json");

    public async Task InitializeAsync()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "rules", Id);
        foreach (var file in System.IO.Directory.EnumerateFiles(shipped, "*.json", SearchOption.AllDirectories))
        {
            _temp.Write(Path.Combine(Id, Path.GetRelativePath(shipped, file)), File.ReadAllText(file));
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = _temp.Root });
        builder.Logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddCchcScoring(o =>
        {
            o.RuleSetDirectory = Id;
            o.WatchForChanges = true;
            o.ReloadDelay = TimeSpan.FromMilliseconds(100);
        });
        builder.Services.AddHealthChecks().AddCchcRuleSets();
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    public void Dispose()
    {
        _logs.Dispose();
        _temp.Dispose();
    }

    private async Task<(decimal Points, decimal MaxPoints)> ScoreLongHaiAsync(IScoringEngine engine)
    {
        var unit = new UnitFileReader(engine.RuleSet).Read(Path.Combine(Paths.Samples, "xa-long-hai.json")).Single().Unit!;
        var card = await engine.ScoreAsync(unit);
        return (card.Points, card.MaxPoints);
    }

    /// <summary>Rewrites MT2.3b's expression (the first one after its name) as an analyst would in an editor.</summary>
    private async Task EditMt23bAsync(string from, string to)
    {
        var text = await File.ReadAllTextAsync(Workflow);
        var at = text.IndexOf(from, text.IndexOf("\"RuleName\": \"MT2.3b\"", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(at > 0, $"MT2.3b has no {from}");
        await File.WriteAllTextAsync(Workflow, string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length)));
    }

    [Fact]
    public async Task EditRuleFile_ValidThenInvalid_InjectedEngineFollowsTheValidEditAndKeepsItThroughTheInvalidOne()
    {
        var injected = _host.Services.GetRequiredService<IScoringEngine>();
        var keyed = _host.Services.GetRequiredKeyedService<IScoringEngine>(Id);
        var provider = _host.Services.GetRequiredService<IRuleSetProvider>();
        var loaded = Assert.Single(_logs.Entries, e => e.EventId.Id == Loaded);
        Assert.Equal(Id, loaded.State["RuleSetId"]);
        var original = injected.RuleSet.Sha256;
        Assert.Equal(original, loaded.State["Sha256"]);
        Assert.Equal((17m, 18m), await ScoreLongHaiAsync(injected)); // MT2.3b: 8,05% of payments online, target 10%

        // A valid edit: the analyst lowers MT2.3b's target to 8%.
        var before = _logs.Entries.Count;
        await EditMt23bAsync("\"Expression\": \"value >= 10\",", "\"Expression\": \"value >= 8\",");
        var reloaded = await _logs.WaitForAsync(Reloaded, before);

        Assert.NotNull(reloaded);
        Assert.Equal(Id, reloaded.State["RuleSetId"]);
        Assert.NotEqual(original, injected.RuleSet.Sha256);
        Assert.Equal(reloaded.State["Sha256"], injected.RuleSet.Sha256);
        Assert.Equal((18m, 18m), await ScoreLongHaiAsync(injected));
        Assert.Equal((18m, 18m), await ScoreLongHaiAsync(keyed));
        Assert.Equal((18m, 18m), await ScoreLongHaiAsync(provider.Engine));
        var good = injected.RuleSet.Sha256;

        // An invalid edit: an input that does not exist. Logged with its diagnostics, refused, the last good version serves.
        before = _logs.Entries.Count;
        await EditMt23bAsync("\"Expression\": \"value >= 8\",", "\"Expression\": \"value >= 8 && tyLeKhongCo > 0\",");
        var rejected = await _logs.WaitForAsync(Rejected, before);

        Assert.NotNull(rejected);
        Assert.Equal(LogLevel.Error, rejected.Level);
        Assert.Contains("CCHC030", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("tyLeKhongCo", rejected.Message, StringComparison.Ordinal);
        Assert.Equal(good, injected.RuleSet.Sha256);
        Assert.Equal((18m, 18m), await ScoreLongHaiAsync(injected));
        Assert.Contains(provider.LastReloadErrors, d => d.Code == "CCHC030");

        var health = await _host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var entry = Assert.Single(health.Entries).Value;
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Equal(injected.RuleSet.Version, entry.Data[Id]);
        Assert.Contains("CCHC030", (string)entry.Data[$"{Id}.lastReloadError"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_AfterStart_IsHealthyAndReportsEachVersion()
    {
        var health = await _host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = Assert.Single(health.Entries);
        Assert.Equal("cchc-rule-sets", entry.Key);
        Assert.Equal(HealthStatus.Healthy, entry.Value.Status);
        Assert.Equal(_host.Services.GetRequiredService<IScoringEngine>().RuleSet.Version, entry.Value.Data[Id]);
        Assert.False(entry.Value.Data.ContainsKey($"{Id}.lastReloadError"));
    }
}
