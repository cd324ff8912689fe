namespace Cchc.Rules.Tests;

/// <summary>Where the shipped rule sets are, as copied beside the test assembly.</summary>
internal static class Paths
{
    public static string Rules => Path.Combine(AppContext.BaseDirectory, "rules");

    public static string Plan2023 => Path.Combine(Rules, "ke-hoach-cchc-2023-phu-quy");

    public static IEnumerable<string> ShippedRuleSets => Directory.GetDirectories(Rules).Where(d => File.Exists(Path.Combine(d, "ruleset.json"))).Order(StringComparer.Ordinal);
}
