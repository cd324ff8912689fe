namespace Cchc.Scoring.Tests.Support;

/// <summary>Where the shipped rule set and samples are, as copied beside the test assembly.</summary>
internal static class Paths
{
    public static string Plan2023 => Path.Combine(AppContext.BaseDirectory, "rules", "ke-hoach-cchc-2023-phu-quy");

    public static string Samples => Path.Combine(AppContext.BaseDirectory, "samples", "phu-quy");
}
