using System.Text;
using Cchc.Rules;
using Cchc.Rules.Loading;
using Cchc.Scoring.Analysis;
using Cchc.Scoring.Tests.Support;

namespace Cchc.Scoring.Tests.Analysis;

public class RuleSetDiffTests
{
    private const string Id = "chi-so-cchc-xa";

    private static string Shipped => Path.Combine(AppContext.BaseDirectory, "rules", Id);

    private static string Copy(TempDirectory temp)
    {
        var target = Path.Combine(temp.Root, Id);
        foreach (var source in Directory.GetFiles(Shipped, "*", SearchOption.AllDirectories))
        {
            var file = Path.Combine(target, Path.GetRelativePath(Shipped, source));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.Copy(source, file);
        }

        return target;
    }

    private static CompiledRuleSet Load(string directory) => new RuleSetLoader { CheckWithRulesEngine = false }.LoadOrThrow(directory);

    [Fact]
    public void Compare_GradeBandMoved_NamesBothBandsAndNothingElse()
    {
        using var temp = new TempDirectory();
        var copy = Copy(temp);
        var manifest = Path.Combine(copy, "ruleset.json");
        var text = File.ReadAllText(manifest).ReplaceLineEndings("\n");
        text = text.Replace("\"name\": \"Xuất sắc\",\n      \"from\": 90", "\"name\": \"Xuất sắc\",\n      \"from\": 92", StringComparison.Ordinal)
            .Replace("\"from\": 80,\n      \"to\": 90", "\"from\": 80,\n      \"to\": 92", StringComparison.Ordinal);
        File.WriteAllText(manifest, text, new UTF8Encoding(false));

        var diff = RuleSetDiff.Compare(Load(Shipped), Load(copy));

        Assert.Equal(
            ["Xếp loại Tốt — Khoảng chỉ số: 80 ≤ chỉ số < 90 → 80 ≤ chỉ số < 92", "Xếp loại Xuất sắc — Khoảng chỉ số: chỉ số ≥ 90 → chỉ số ≥ 92"],
            diff.Changes.Select(c => c.Text));
        Assert.All(diff.Changes, c => Assert.Equal("grade-band", c.Kind));
        Assert.NotEqual(diff.Old.Sha256, diff.New.Sha256);
    }

    [Fact]
    public void Compare_SameRuleSet_HasNoChanges()
    {
        var rules = Load(Shipped);

        var diff = RuleSetDiff.Compare(rules, Load(Shipped));

        Assert.False(diff.HasChanges);
        Assert.Equal(diff.Old, diff.New);
    }

    [Fact]
    public void Compare_TwoDifferentRuleSets_IsTheSameListEveryTime()
    {
        var a = Load(Shipped);
        var b = Load(Path.Combine(AppContext.BaseDirectory, "rules", "ke-hoach-cchc-2023-phu-quy"));

        var first = RuleSetDiff.Compare(a, b).Changes.Select(c => c.Text).ToList();
        var second = RuleSetDiff.Compare(a, b).Changes.Select(c => c.Text).ToList();

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
        Assert.Contains(first, t => t.StartsWith("Bộ tiêu chí — Tên bộ tiêu chí:", StringComparison.Ordinal));
    }
}
