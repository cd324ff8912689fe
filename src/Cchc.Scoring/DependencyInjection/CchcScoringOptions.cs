namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Options for <see cref="CchcScoringServiceCollectionExtensions.AddCchcScoring(IServiceCollection, Action{CchcScoringOptions})"/>:
/// which rule sets a host serves and whether it follows edits to their files. Relative paths resolve against the
/// host's content root (<c>IHostEnvironment.ContentRootPath</c>), or the current folder when there is no host.
/// </summary>
public sealed class CchcScoringOptions
{
    /// <summary>The configuration section read by <see cref="CchcScoringServiceCollectionExtensions.AddCchcScoring(IServiceCollection, Configuration.IConfiguration)"/> in the usual layout: <c>"CchcScoring"</c>.</summary>
    public const string SectionName = "CchcScoring";

    /// <summary>
    /// One rule-set folder (the one holding <c>ruleset.json</c>). Each call of <c>AddCchcScoring</c> that sets it adds
    /// one rule set, so three calls register three.
    /// </summary>
    public string RuleSetDirectory { get; set; } = "";

    /// <summary>More rule-set folders, one rule set each.</summary>
    public IList<string> RuleSetDirectories { get; } = [];

    /// <summary>A folder with one rule set per subfolder (subfolders without <c>ruleset.json</c>, such as <c>schema</c>, are skipped).</summary>
    public string? RuleSetsRoot { get; set; }

    /// <summary>
    /// The key (<c>id</c> or <c>id@version</c>) of the rule set that an unkeyed <c>IScoringEngine</c> or
    /// <see cref="IRuleSetProvider"/> scores with. Needed only when several rule sets are registered.
    /// </summary>
    public string? DefaultRuleSet { get; set; }

    /// <summary>
    /// Follow edits to the rule files: an edit is loaded and validated after <see cref="ReloadDelay"/> of quiet, and
    /// swapped in only when valid; an invalid edit is logged and the last good rule set keeps serving.
    /// </summary>
    public bool WatchForChanges { get; set; }

    /// <summary>How long the files must stay unchanged before an edit is reloaded (an editor's save is several writes).</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(300);
}
