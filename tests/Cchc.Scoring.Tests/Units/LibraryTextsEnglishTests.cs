using Cchc.Rules;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Survey;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Tests.Survey;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Units;

/// <summary>
/// The messages moved from code to the catalogs (survey results, appraisal, last year's comparison, the CSV reader's
/// row texts) follow <see cref="CchcLanguage.Current"/>: English when a flow asks for it, Vietnamese (unchanged) otherwise.
/// </summary>
public sealed class LibraryTextsEnglishTests : IDisposable
{
    private readonly SurveySet _survey = new();
    private readonly TempRuleSet _ranking = RankingRuleSet.Create();
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _survey.Dispose();
        _ranking.Dispose();
        _temp.Dispose();
    }

    private static Task<T> InEnglish<T>(Func<Task<T>> work) => Task.Run(async () =>
    {
        CchcLanguage.Current = CchcLanguage.English;
        return await work();
    });

    [Fact]
    public async Task SurveyRowError_InEnglish_IsEnglish_AndVietnameseByDefault()
    {
        var path = _survey.Temp.Write("dieu-tra.csv", "Mã đơn vị;Nhóm;Câu hỏi;Rất hài lòng;Hài lòng;Bình thường;Không hài lòng\r\nX1;hoc-sinh;CH1;1;0;0;0\r\n", true);

        var english = await InEnglish(() => Task.FromResult(Assert.Single(SurveyFileReader.Read(_survey.RuleSet, [path]).Rejections).Reason));
        var vietnamese = Assert.Single(SurveyFileReader.Read(_survey.RuleSet, [path]).Rejections).Reason;

        Assert.StartsWith("the group is not in the survey (its groups: ", english, StringComparison.Ordinal);
        Assert.StartsWith("nhóm không có trong phiếu điều tra (các nhóm: ", vietnamese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppraisalRejection_InEnglish_IsEnglish_AndVietnameseByDefault()
    {
        // MT2.1a of the 2023 plan applies to districts only.
        var path = _temp.Write("xa.csv", "code,name,level,thamDinh:MT2.1a\nX01,Xã Một,xa,1\n");

        var english = await InEnglish(async () => Assert.Single((await new UnitPipeline(Shipped.RuleSet).ReadAllAsync([path])).Summary.Rejections).Reason);
        var vietnamese = Assert.Single((await new UnitPipeline(Shipped.RuleSet).ReadAllAsync([path])).Summary.Rejections).Reason;

        Assert.Contains("the criterion MT2.1a does not apply to a unit of level xa: no appraisal points are given", english, StringComparison.Ordinal);
        Assert.Contains("tiêu chí MT2.1a không áp dụng cho đơn vị cấp xa: không chấm điểm thẩm định", vietnamese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LastYearWarning_InEnglish_IsEnglish_AndVietnameseByDefault()
    {
        var data = _temp.Write("2024.csv", "code,name,level,parent,diemA,diemTthc,diemTacDong\nx1,Xã Một,xa,h,8,8,8\n");
        using var report = await RankingRun.RunAsync(_ranking.Engine, data, new RankingOptions { KeepCards = true }, CancellationToken.None);
        var lastYear = Path.Combine(_temp.Root, "2024.json");
        using (var file = File.Create(lastYear))
        {
            RankingWriter.Write(report, RankingFormat.Json, file, CancellationToken.None);
        }

        var mapping = _temp.Write("map.csv", "oldCode,newCode\nq9,y2\n");

        var english = await InEnglish(() => Task.FromResult(Assert.Single(PreviousRanking.Read(lastYear, mapping).Warnings)));
        var vietnamese = Assert.Single(PreviousRanking.Read(lastYear, mapping).Warnings);

        Assert.Equal(("oldCode", "q9", "the old code is not in last year's ranking"), (english.Column, english.Value, english.Reason));
        Assert.Equal("mã cũ không có trong xếp hạng năm trước", vietnamese.Reason);
    }

    [Fact]
    public async Task CsvOpenQuote_InEnglish_IsEnglish_AndVietnameseByDefault()
    {
        var path = _temp.Write("ngoac.csv", "code,name,level\nX01,\"Xã Một,xa\nX02,Xã Hai,xa\n");

        var english = await InEnglish(async () => (await new UnitPipeline(Shipped.RuleSet).ReadAllAsync([path])).Summary.Rejections[0].Reason);
        var vietnamese = (await new UnitPipeline(Shipped.RuleSet).ReadAllAsync([path])).Summary.Rejections[0].Reason;

        Assert.StartsWith("a double quote (\") is opened in column 'name' but not closed on this line", english, StringComparison.Ordinal);
        Assert.StartsWith("dấu ngoặc kép (\") mở ở cột 'name' nhưng không đóng trên dòng này", vietnamese, StringComparison.Ordinal);
    }
}
