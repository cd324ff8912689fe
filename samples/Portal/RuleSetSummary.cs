namespace Cchc.Portal;

/// <summary>One rule set as the portal lists it.</summary>
internal sealed record RuleSetSummary(string Id, string Version, string Title, string Sha256, IReadOnlyList<string> LastReloadErrors)
{
    public static RuleSetSummary Of(IRuleSetProvider provider)
    {
        var ruleSet = provider.Engine.RuleSet;
        return new RuleSetSummary(ruleSet.Id, ruleSet.Version, ruleSet.Title, ruleSet.Sha256, [.. provider.LastReloadErrors.Select(d => d.ToString())]);
    }
}
