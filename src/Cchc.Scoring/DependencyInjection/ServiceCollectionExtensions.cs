using Cchc.Rules;
using Cchc.Rules.Loading;
using Cchc.Scoring;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Options for <see cref="CchcScoringServiceCollectionExtensions.AddCchcScoring"/>.</summary>
public sealed class CchcScoringOptions
{
    /// <summary>The rule-set folder to load (the one holding <c>ruleset.json</c>).</summary>
    public string RuleSetDirectory { get; set; } = "";
}

/// <summary>A holder of the current rule set, reloadable; a rule set that fails validation never replaces one that works.</summary>
public interface IRuleSetProvider
{
    /// <summary>The scoring engine for the current rule set.</summary>
    IScoringEngine Engine { get; }

    /// <summary>Reloads the rule set from its folder. On errors the current one stays and the diagnostics are returned.</summary>
    RuleSetLoadResult Reload();
}

/// <summary>Registers Cchc.Scoring in a service collection.</summary>
public static class CchcScoringServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IRuleSetLoader"/>, <see cref="IRuleSetProvider"/> and <see cref="IScoringEngine"/> (all singletons).
    /// The rule set is loaded and validated on first use; a bad rule set throws <see cref="Cchc.Rules.Diagnostics.RuleSetValidationException"/>.
    /// </summary>
    public static IServiceCollection AddCchcScoring(this IServiceCollection services, Action<CchcScoringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CchcScoringOptions>()
            .Configure(configure)
            .Validate(o => !string.IsNullOrWhiteSpace(o.RuleSetDirectory), "CchcScoringOptions.RuleSetDirectory must name a rule-set folder.");
        services.TryAddSingleton<IRuleSetLoader, RuleSetLoader>();
        services.TryAddSingleton<IRuleSetProvider>(sp => new RuleSetProvider(sp.GetRequiredService<IRuleSetLoader>(), sp.GetRequiredService<IOptions<CchcScoringOptions>>().Value.RuleSetDirectory));
        services.TryAddSingleton(sp => sp.GetRequiredService<IRuleSetProvider>().Engine);
        return services;
    }

    private sealed class RuleSetProvider : IRuleSetProvider
    {
        private readonly IRuleSetLoader _loader;
        private readonly string _directory;
        private IScoringEngine _engine;

        public RuleSetProvider(IRuleSetLoader loader, string directory)
        {
            _loader = loader;
            _directory = directory;
            var result = loader.Load(directory);
            _engine = new ScoringEngine(result.RuleSet ?? throw new Cchc.Rules.Diagnostics.RuleSetValidationException(directory, result.Diagnostics));
        }

        public IScoringEngine Engine => Volatile.Read(ref _engine);

        public RuleSetLoadResult Reload()
        {
            var result = _loader.Load(_directory);
            if (result.RuleSet is not null)
            {
                Volatile.Write(ref _engine, new ScoringEngine(result.RuleSet));
            }

            return result;
        }
    }
}
