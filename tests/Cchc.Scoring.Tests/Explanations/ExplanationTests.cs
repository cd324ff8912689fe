using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;

namespace Cchc.Scoring.Tests.Explanations;

public sealed class ExplanationTests(ExplanationRuleSet fixture) : IClassFixture<ExplanationRuleSet>
{
    private readonly TempRuleSet _set = fixture.Set;

    private async Task<CriterionScore> ScoreAsync(string criterion, params (string Name, object? Value)[] values)
        => (await _set.ScoreAsync("xa", values)).Criterion(criterion);

    [Fact]
    public async Task Render_TemplateNotMet_FillsEveryPlaceholder()
    {
        var score = await ScoreAsync("TPL", ("tyLeHaiLong", "83,27"));

        Assert.Equal("Mức độ hài lòng|83,27%|87%|≥ 87%|3,73 điểm phần trăm|Phòng Nội vụ|0|1|—", score.Explanation);
    }

    [Fact]
    public async Task Render_TemplateMet_HasNoGap()
    {
        var score = await ScoreAsync("TPL", ("tyLeHaiLong", 91.2m));

        Assert.Equal("Mức độ hài lòng|91,2%|87%|≥ 87%|—|Phòng Nội vụ|1|1|—", score.Explanation);
    }

    [Fact]
    public async Task Render_TemplateMissingData_NamesTheMissingInputByLabel()
    {
        var score = await ScoreAsync("TPL");

        Assert.Equal("Mức độ hài lòng|—|87%|≥ 87%|—|Phòng Nội vụ|0|1|Mức độ hài lòng (%)", score.Explanation);
    }

    [Fact]
    public async Task Render_TemplatePartial_ShowsPointsAndGap()
    {
        var score = await ScoreAsync("LIN", ("tyLeSoHoa", 40));

        Assert.Equal(CriterionStatus.Partial, score.Status);
        Assert.Equal("1/2 điểm, còn thiếu 40 điểm phần trăm.", score.Explanation);
    }

    [Fact]
    public async Task Render_NoTemplateMet_IsTheStandardSentence()
    {
        var score = await ScoreAsync("STD", ("tyLeHaiLong", 91.2m));

        Assert.Equal("Mức độ hài lòng (chuẩn): đạt (91,2%; mục tiêu ≥ 87%).", score.Explanation);
    }

    [Fact]
    public async Task Render_NoTemplateNotMet_IsTheStandardSentenceWithGapAndLeadUnit()
    {
        var score = await ScoreAsync("STD", ("tyLeHaiLong", 83.27m));

        Assert.Equal(
            "Mức độ hài lòng (chuẩn): chưa đạt (83,27%; mục tiêu ≥ 87%, còn thiếu 3,73 điểm phần trăm). Đơn vị phụ trách: Văn phòng HĐND và UBND.",
            score.Explanation);
    }

    [Fact]
    public async Task Render_NoTemplateNotMet_InEnglish_IsTheEnglishStandardSentence()
    {
        var score = await Task.Run(() =>
        {
            Cchc.Rules.CchcLanguage.Current = Cchc.Rules.CchcLanguage.English;
            return ScoreAsync("STD", ("tyLeHaiLong", 83.27m));
        });

        // The sentence is the library's; the title, the values (the gap's unit too: it also fills the rule sets' Vietnamese
        // templates) and the lead unit are the rule set's and the data's.
        Assert.Equal(
            "Mức độ hài lòng (chuẩn): not met (83,27%; target ≥ 87%, 3,73 điểm phần trăm short). Responsible unit: Văn phòng HĐND và UBND.",
            score.Explanation);
    }

    [Fact]
    public async Task Render_NoTemplateMissingData_IsTheStandardSentence()
    {
        var score = await ScoreAsync("STD");

        Assert.Equal("Mức độ hài lòng (chuẩn): thiếu dữ liệu (Mức độ hài lòng (%)), chưa chấm được.", score.Explanation);
    }

    [Fact]
    public async Task Render_NoTemplateNoOccurrence_SaysFullPoints()
    {
        var score = await ScoreAsync("NO_OCC", ("tongHoSo", 0));

        Assert.Equal("Hồ sơ đúng hạn: không phát sinh trong kỳ đánh giá, được tính đủ điểm.", score.Explanation);
    }

    [Fact]
    public async Task Render_NoTemplateNotApplicable_NamesTheLevel()
    {
        var score = await ScoreAsync("HUYEN_ONLY", ("soSangKien", 3));

        Assert.Equal("Sáng kiến cấp huyện: không áp dụng đối với đơn vị cấp xã.", score.Explanation);
    }

    [Fact]
    public async Task Render_NoTemplatePartial_IsTheStandardSentenceWithPoints()
    {
        var score = await ScoreAsync("LIN_STD", ("tyLeSoHoa", 60));

        Assert.Equal("Số hóa (chuẩn): đạt một phần, 1,5/2 điểm (60%; mục tiêu ≥ 80%). Đơn vị phụ trách: Phòng Văn hóa.", score.Explanation);
    }

    [Fact]
    public async Task Render_StatusWithoutItsTemplate_FallsBackToTheStandardSentence()
    {
        // LIN has only a "partial" template; a value of 0 is notMet and uses the standard sentence.
        var score = await ScoreAsync("LIN", ("tyLeSoHoa", 0));

        Assert.Equal("Số hóa: chưa đạt (0%; mục tiêu ≥ 80%, còn thiếu 80 điểm phần trăm). Đơn vị phụ trách: Phòng Văn hóa.", score.Explanation);
    }

    [Theory]
    [InlineData("2023-02-18", "met", null, "Ban hành kế hoạch: đạt (18/02/2023; mục tiêu trước ngày 19/02/2023).")]
    [InlineData("2023-02-19", "notMet", "1 ngày", "Ban hành kế hoạch: chưa đạt (19/02/2023; mục tiêu trước ngày 19/02/2023, còn thiếu 1 ngày).")]
    [InlineData("20/02/2023", "notMet", "2 ngày", "Ban hành kế hoạch: chưa đạt (20/02/2023; mục tiêu trước ngày 19/02/2023, còn thiếu 2 ngày).")]
    public async Task Render_DateBefore_GapIsDaysLate(string date, string status, string? gap, string explanation)
    {
        var score = await ScoreAsync("DATE_LT", ("ngayBanHanh", date));

        Assert.Equal(status, StatusWords.Word(score.Status));
        Assert.Equal(gap, score.GapText);
        Assert.Equal("trước ngày 19/02/2023", score.TargetText);
        Assert.Equal(explanation, score.Explanation);
    }

    [Theory]
    [InlineData("2023-02-28", null)]
    [InlineData("2023-03-01", "1 ngày")]
    [InlineData("2023-03-02", "2 ngày")]
    public async Task Render_DateAtMost_GapIsDaysAfterTheDeadline(string date, string? gap)
    {
        var score = await ScoreAsync("DATE_LE", ("ngayKiemTra", date));

        Assert.Equal(gap, score.GapText);
        if (gap is not null)
        {
            Assert.Equal($"Ban hành ngày {date[8..]}/{date[5..7]}/{date[..4]}, chậm {gap} (hạn: chậm nhất ngày 28/02/2023).", score.Explanation);
        }
    }

    [Fact]
    public async Task Render_Number_UsesVietnameseSeparatorsAndUnassignedLeadUnit()
    {
        var score = await ScoreAsync("NUM", ("soTien", "1.000"));

        // "1.000" has only a dot: it is read as a decimal point, so the value is 1.
        Assert.Equal("1, thiếu 1.233,5 (mục tiêu ≥ 1.234,5); chưa phân công", score.Explanation);
    }

    [Fact]
    public async Task Render_NumberWithThousands_IsFormattedVietnamese()
    {
        var score = await ScoreAsync("NUM", ("soTien", "12.345,5"));

        Assert.Equal("12.345,5 (mục tiêu ≥ 1.234,5)", score.Explanation);
        Assert.Equal("12.345,5", score.ValueText);
    }

    [Fact]
    public async Task Render_CountGap_IsAWholeNumber()
    {
        var score = await ScoreAsync("COUNT", ("soSangKien", 7));

        Assert.Equal("3", score.GapText);
        Assert.Equal("≥ 10", score.TargetText);
        Assert.Equal("7", score.ValueText);
    }
}
