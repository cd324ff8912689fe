using System.Globalization;
using System.Text;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Units;

public class InputConverterTests
{
    private static readonly InputDefinition Count = new("soLuong", InputType.Count, "Số lượng", null, null, []);
    private static readonly InputDefinition Percent = new("tyLe", InputType.Percent, "Tỷ lệ (%)", null, null, []);
    private static readonly InputDefinition Number = new("giaTri", InputType.Number, "Giá trị", null, null, []);
    private static readonly InputDefinition Year = new("namDanhGia", InputType.Number, "Năm đánh giá", 2021, 2030, []);
    private static readonly InputDefinition Flag = new("coKhong", InputType.Bool, "Có thực hiện", null, null, []);
    private static readonly InputDefinition Date = new("ngay", InputType.Date, "Ngày", null, null, []);
    private static readonly InputDefinition Choice = new("xepLoai", InputType.Choice, "Xếp loại", null, null,
        [new ChoiceOption("tot", "Tốt"), new ChoiceOption("kha", "Khá"), new ChoiceOption("trung-binh", "Trung bình")]);

    private static object? Convert(InputDefinition input, object? raw)
    {
        var value = InputConverter.Convert(input, raw, out var problem);
        Assert.Null(problem);
        return value;
    }

    private static DataProblem Problem(InputDefinition input, object raw)
    {
        var value = InputConverter.Convert(input, raw, out var problem);
        Assert.Null(value);
        Assert.NotNull(problem);
        Assert.Equal(DataProblemKind.Invalid, problem.Kind);
        Assert.Equal(input.Name, problem.Input);
        Assert.Equal(input.Label, problem.Label);
        return problem;
    }

    [Theory]
    [InlineData("72,5", "72.5")]
    [InlineData("72.5", "72.5")]
    [InlineData("72,5%", "72.5")]
    [InlineData(" 72,5 % ", "72.5")]
    [InlineData("1.234,5", "1234.5")]
    [InlineData("1,234.5", "1234.5")]
    [InlineData("1 234,5", "1234.5")]
    [InlineData("1\u00A0234,5", "1234.5")]
    [InlineData("-3,25", "-3.25")]
    public void Convert_NumberText_AcceptsVietnameseAndInvariantStyles(string raw, string expected)
        => Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Convert(Number, raw));

    [Fact]
    public void Convert_HostNumbers_BecomeExactDecimals()
    {
        Assert.Equal(0.1m, Convert(Number, 0.1d));
        Assert.Equal(3m, Convert(Number, 3));
        Assert.Equal(3m, Convert(Number, 3L));
        Assert.Equal(2.5m, Convert(Number, 2.5f));
        Assert.Equal(7m, Convert(Count, 7.0m));
    }

    [Fact]
    public void Convert_PercentText_AcceptsTheBoundsAndAPercentSign()
    {
        Assert.Equal(0m, Convert(Percent, "0"));
        Assert.Equal(100m, Convert(Percent, "100%"));
        Assert.Equal(72.5m, Convert(Percent, "72,5%"));
    }

    [Theory]
    [InlineData("có", true)]
    [InlineData("Có", true)]
    [InlineData("co", true)]
    [InlineData("x", true)]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("đạt", true)]
    [InlineData("không", false)]
    [InlineData("Không", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("không đạt", false)]
    public void Convert_BoolText_ReadsVietnameseAndEnglishWords(string raw, bool expected)
        => Assert.Equal(expected, Convert(Flag, raw));

    [Fact]
    public void Convert_BoolHostValues_AreAccepted()
    {
        Assert.Equal(true, Convert(Flag, true));
        Assert.Equal(false, Convert(Flag, false));
        Assert.Equal(true, Convert(Flag, 1m));
        Assert.Equal(false, Convert(Flag, 0m));
    }

    [Theory]
    [InlineData("có")]
    [InlineData("không")]
    [InlineData("đạt")]
    public void Convert_BoolTextInNfd_IsReadAfterNfc(string composed)
    {
        var decomposed = composed.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(composed, decomposed);

        Assert.Equal(Convert(Flag, composed), Convert(Flag, decomposed));
    }

    [Theory]
    [InlineData("2023-02-18")]
    [InlineData("18/02/2023")]
    [InlineData(" 2023-02-18 ")]
    [InlineData("2023-02-18T00:00:00")]
    public void Convert_DateText_IsReadInBothStyles(string raw)
        => Assert.Equal(new DateTime(2023, 2, 18, 0, 0, 0, DateTimeKind.Unspecified), Convert(Date, raw));

    [Fact]
    public void Convert_DateHostValues_DropTheTime()
    {
        var expected = new DateTime(2023, 2, 18, 0, 0, 0, DateTimeKind.Unspecified);
        Assert.Equal(expected, Convert(Date, new DateTime(2023, 2, 18, 15, 30, 0, DateTimeKind.Unspecified)));
        Assert.Equal(expected, Convert(Date, new DateOnly(2023, 2, 18)));
    }

    [Theory]
    [InlineData("tot", "tot")]
    [InlineData(" kha ", "kha")]
    [InlineData("Khá", "kha")]
    [InlineData("KHÁ", "kha")]
    [InlineData("Trung bình", "trung-binh")]
    public void Convert_ChoiceByValueOrLabel_GivesTheOptionValue(string raw, string expected)
        => Assert.Equal(expected, Convert(Choice, raw));

    [Fact]
    public void Convert_ChoiceLabelInNfd_MatchesAfterNfc()
    {
        var decomposed = "Trung bình".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Trung bình", decomposed);

        Assert.Equal("trung-binh", Convert(Choice, decomposed));
        Assert.Equal("kha", Convert(Choice, "Khá".Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Convert_NullOrBlank_IsMissingWithoutAProblem(string? raw)
    {
        Assert.Null(InputConverter.Convert(Number, raw, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Convert_NegativeCount_IsInvalid()
        => Assert.Equal("không được âm", Problem(Count, "-1").Reason);

    [Fact]
    public void Convert_NonIntegerCount_IsInvalid()
    {
        Assert.Equal("phải là số nguyên", Problem(Count, "2,5").Reason);
        Assert.Equal("phải là số nguyên", Problem(Count, 2.5m).Reason);
    }

    [Fact]
    public void Convert_PercentAbove100_IsInvalid()
    {
        var problem = Problem(Percent, 120m);

        Assert.Equal("tỷ lệ phần trăm vượt quá 100", problem.Reason);
        Assert.Equal("120", problem.Value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12abc")]
    [InlineData("1.234.567")]
    [InlineData("--1")]
    public void Convert_TextThatIsNoNumber_IsInvalid(string raw)
    {
        var problem = Problem(Number, raw);

        Assert.Equal("không phải số", problem.Reason);
        Assert.Equal(raw, problem.Value);
    }

    [Fact]
    public void Convert_NumberOutsideDeclaredRange_IsInvalid()
    {
        Assert.Equal("lớn hơn giá trị tối đa 2.030", Problem(Year, 2031m).Reason);
        Assert.Equal("nhỏ hơn giá trị tối thiểu 2.021", Problem(Year, "2020").Reason);
        Assert.Equal(2030m, Convert(Year, "2030"));
    }

    [Theory]
    [InlineData("2023-02-30")]
    [InlineData("30/02/2023")]
    [InlineData("02/18/2023")]
    [InlineData("hôm qua")]
    public void Convert_BadDate_IsInvalid(string raw)
        => Assert.Equal("không phải ngày hợp lệ (yyyy-MM-dd hoặc dd/MM/yyyy)", Problem(Date, raw).Reason);

    [Fact]
    public void Convert_UnknownChoice_IsInvalidAndListsTheOptions()
        => Assert.Equal("không thuộc các lựa chọn: tot, kha, trung-binh", Problem(Choice, "xuat-sac").Reason);

    [Theory]
    [InlineData("có lẽ")]
    [InlineData("2")]
    public void Convert_UnknownBoolWord_IsInvalid(string raw)
        => Assert.Equal("không phải giá trị có/không (true/false)", Problem(Flag, raw).Reason);
}
