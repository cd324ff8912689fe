using System.Text;
using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

/// <summary>
/// With DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 (the default of Alpine-based .NET images) string.Normalize does
/// nothing, whatever the tool's runtimeconfig says: an NFD header (typed on a Mac) must still match its input, and
/// the output must be the same bytes as with ICU.
/// </summary>
public sealed class InvariantGlobalizationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Rank_NfdHeaderUnderInvariantGlobalization_MatchesItsInputAndGivesTheSameBytes()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var ruleSet = RankRuleSet.Write(_folder);
        var header = "Mã,Tên,Cấp,Đơn vị cấp trên,Điểm lĩnh vực A,Điểm thủ tục hành chính,Điểm tác động".Normalize(NormalizationForm.FormD);
        Assert.NotEqual(header, header.Normalize(NormalizationForm.FormC));
        var data = _folder.Write("nfd.csv", string.Join("\n", "code,name,level,parent,diemA,diemTthc,diemTacDong", "ma1,Xã một,xa,p,5,6,7", "ma2,Xã hai,xa,p,8,9,10")
            .Replace("code,name,level,parent,diemA,diemTthc,diemTacDong", "code,name,level,parent," + string.Join(',', header.Split(',').Skip(4)), StringComparison.Ordinal));
        string[] args = ["rank", ruleSet, data, "--format", "csv"];

        var icu = await CchcProcess.RunAsync(args);
        var invariant = await CchcProcess.RunAsync(args, environment: new Dictionary<string, string> { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1" });

        Assert.True(icu.Exit == 0, icu.Error);
        Assert.True(invariant.Exit == 0, invariant.Error);
        Assert.DoesNotContain("thiếu cột", invariant.Error, StringComparison.Ordinal);
        Assert.Equal(icu.Out, invariant.Out);
        Assert.Contains("ma2", invariant.Out, StringComparison.Ordinal);
    }
}
