using Cchc.Rules.Loading;
using Cchc.Scoring;
using Cchc.Scoring.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Cchc.Scoring in a service collection.</summary>
public static class CchcScoringServiceCollectionExtensions
{
    /// <summary>
    /// Registers the rule sets named by <paramref name="configure"/> (call it once per rule set, or list several) and,
    /// as singletons: <see cref="IRuleSetLoader"/>; <see cref="IRuleSetCatalog"/>; <see cref="IScoringEngine"/> and
    /// <see cref="IRuleSetProvider"/> for the default rule set; and both keyed by each rule set's key
    /// (<c>GetRequiredKeyedService&lt;IScoringEngine&gt;("qd766")</c>). Every engine handed out scores with the
    /// rule set's current version, reloads included.
    /// </summary>
    /// <remarks>
    /// Every rule set is loaded and validated together, at host start-up (or at first use without a host): a bad
    /// folder, or two folders with the same rule-set id, stop the start with <see cref="Cchc.Rules.Diagnostics.RuleSetValidationException"/>
    /// or <see cref="InvalidOperationException"/>.
    /// </remarks>
    public static IServiceCollection AddCchcScoring(this IServiceCollection services, Action<CchcScoringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CchcScoringOptions>().Configure(options => Collect(options, configure));
        return AddServices(services);
    }

    /// <summary>
    /// Registers Cchc.Scoring with options bound from <paramref name="configuration"/>, usually the
    /// <see cref="CchcScoringOptions.SectionName"/> section of <c>appsettings.json</c>:
    /// <c>{ "RuleSetsRoot": "rules", "WatchForChanges": true }</c>. See <see cref="AddCchcScoring(IServiceCollection, Action{CchcScoringOptions})"/>.
    /// </summary>
    public static IServiceCollection AddCchcScoring(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CchcScoringOptions>().Configure(options => Collect(options, configuration.Bind));
        return AddServices(services);
    }

    private static IServiceCollection AddServices(IServiceCollection services)
    {
        services.AddOptions<CchcScoringOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CchcScoringOptions>, CchcScoringOptionsValidator>());
        services.TryAddSingleton<IRuleSetLoader, RuleSetLoader>();
        services.TryAddSingleton<RuleSetCatalog>();
        services.TryAddSingleton<IRuleSetCatalog>(sp => sp.GetRequiredService<RuleSetCatalog>());
        services.TryAddSingleton(sp => sp.GetRequiredService<RuleSetCatalog>().Default);
        services.TryAddSingleton<IScoringEngine>(sp => new CurrentEngine(sp.GetRequiredService<IRuleSetProvider>()));
        services.TryAddKeyedSingleton(KeyedService.AnyKey, (sp, key) => sp.GetRequiredService<IRuleSetCatalog>().GetRuleSet(KeyOf(key)));
        services.TryAddKeyedSingleton(KeyedService.AnyKey, (sp, key) => sp.GetRequiredService<IRuleSetCatalog>().GetEngine(KeyOf(key)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RuleSetStartup>());
        return services;
    }

    /// <summary>
    /// Runs one registration's configuration. Each call names its own folder in <see cref="CchcScoringOptions.RuleSetDirectory"/>,
    /// so the folder an earlier call named is kept in <see cref="CchcScoringOptions.RuleSetDirectories"/> instead of being overwritten.
    /// </summary>
    private static void Collect(CchcScoringOptions options, Action<CchcScoringOptions> configure)
    {
        var earlier = options.RuleSetDirectory;
        configure(options);
        if (!string.IsNullOrWhiteSpace(earlier) && !string.Equals(earlier, options.RuleSetDirectory, StringComparison.Ordinal))
        {
            options.RuleSetDirectories.Add(earlier);
        }
    }

    private static string KeyOf(object? key)
        => key as string ?? throw new InvalidOperationException($"Khóa của bộ tiêu chí phải là chuỗi 'id' hoặc 'id@version', không phải '{key}' (rule-set keys are strings).");
}
