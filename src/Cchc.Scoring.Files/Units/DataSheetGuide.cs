using Cchc.Rules;
using Cchc.Rules.Model;
using Cchc.Scoring.Explanations;

namespace Cchc.Scoring.Units;

/// <summary>
/// The rows of a template's guide sheet, in the data sheet's column order: what each column holds and how to write
/// it so that <see cref="UnitPipeline"/> and <see cref="InputConverter"/> accept it, then the general rules.
/// </summary>
internal static class DataSheetGuide
{
    public static IEnumerable<object?[]> Rows(CompiledRuleSet ruleSet, UnitLevel? level, IReadOnlyList<InputDefinition> inputs, IReadOnlyList<CriterionDefinition> claims, IReadOnlyList<CriterionDefinition>? appraisal = null)
    {
        var column = 0;
        var levels = level is { } l ? [l] : ruleSet.Levels;
        yield return Row(column++, "code", "Mã đơn vị", "văn bản", null, null,
            "Bắt buộc, không trùng nhau trong tệp. Mã có số 0 ở đầu (00004): định dạng cột là văn bản (Text) hoặc gõ dấu ' trước mã.");
        yield return Row(column++, "name", "Tên đơn vị", "văn bản", null, null, "Tên đơn vị; để trống thì dùng mã.");
        yield return Row(column++, "level", "Cấp đơn vị", "văn bản", null, null,
            $"Bắt buộc: {string.Join(" hoặc ", levels.Select(x => $"{x.ToCode()} ({x.ToVietnamese()})"))}."
            + (levels.Contains(UnitLevel.Xa)
                ? " Đơn vị cấp xã có thể ghi rõ loại: phuong (phường), dacKhu (đặc khu); viết có dấu hay không dấu, hoa hay thường đều được (xã, Phường, đặc khu). Cột tùy chọn kind ghi loại xa, phuong hoặc dacKhu (phải khớp với cột level)."
                : ""));
        yield return Row(column++, "parent", "Mã đơn vị cấp trên", "văn bản", null, null, "Mã tỉnh mà đơn vị trực thuộc (từ 1/7/2025 không còn cấp huyện), hoặc mã huyện với dữ liệu các năm trước; có thể để trống.");

        foreach (var input in inputs)
        {
            yield return Row(column++, input.Name, input.Label, TypeWords(input.Type), input.EffectiveMin, input.EffectiveMax, HowToFill(input));
            foreach (var option in input.Options)
            {
                yield return [null, null, null, null, null, null, $"{option.Value} — {option.Label}"];
            }
        }

        foreach (var criterion in claims)
        {
            var kind = criterion.Kind switch
            {
                CriterionKind.Bonus => "điểm thưởng tự chấm",
                CriterionKind.Penalty => "điểm trừ tự chấm",
                _ => "điểm tự chấm",
            };
            var how = $"Điểm đơn vị tự chấm tiêu chí {criterion.Id}, từ 0 đến {VietnameseFormat.Number(criterion.Scoring.Points, 6)}; để trống nếu không tự chấm.";
            if (criterion.Kind == CriterionKind.Penalty)
            {
                how += " Ghi số điểm bị trừ (2, không ghi -2).";
            }

            yield return Row(column++, UnitData.ClaimPrefix + criterion.Id, $"Tự chấm {criterion.Id}: {criterion.Title}", kind, 0m, criterion.Scoring.Points, how);
        }

        foreach (var criterion in appraisal ?? [])
        {
            var max = VietnameseFormat.Number(criterion.Scoring.Points, 6);
            var penalty = criterion.Kind == CriterionKind.Penalty ? " Điểm trừ ghi số điểm bị trừ (2, không ghi -2)." : "";
            yield return Row(column++, CriterionColumns.Column(CriterionField.Evidence, criterion.Id), $"TLKC {criterion.Id}: {criterion.Title}", "văn bản", null, null, "Tài liệu kiểm chứng: số, ngày văn bản, tên tệp hoặc đường dẫn; nhiều tài liệu cách nhau bằng dấu chấm phẩy (;).");
            yield return Row(column++, CriterionColumns.Column(CriterionField.Round1, criterion.Id), $"Thẩm định lần 1 {criterion.Id}", "điểm thẩm định", 0m, criterion.Scoring.Points, $"Điểm hội đồng thẩm định chấm, từ 0 đến {max}; để trống thì dùng điểm tính từ số liệu.{penalty}");
            yield return Row(column++, CriterionColumns.Column(CriterionField.Comment, criterion.Id), $"Nhận xét {criterion.Id}", "văn bản", null, null, "Nhận xét của hội đồng thẩm định.");
            yield return Row(column++, CriterionColumns.Column(CriterionField.Explanation, criterion.Id), $"Giải trình {criterion.Id}", "văn bản", null, null, "Giải trình của đơn vị sau thẩm định lần 1.");
            yield return Row(column++, CriterionColumns.Column(CriterionField.Round2, criterion.Id), $"Thẩm định lần 2 {criterion.Id}", "điểm thẩm định", 0m, criterion.Scoring.Points, $"Điểm thẩm định lại sau giải trình, từ 0 đến {max}; chỉ ghi khi đã có điểm lần 1; điểm lần 2 thay điểm lần 1.{penalty}");
        }

        yield return [null, null, null, null, null, null, null];
        yield return Note("Ngày tháng", "Ghi dd/MM/yyyy (19/02/2023) hoặc yyyy-MM-dd (2023-02-19); ô kiểu ngày của Excel cũng được.");
        yield return Note("Có/không", "Ghi có hoặc không (cũng nhận true/false, 1/0).");
        yield return Note("Số thập phân", "Dấu phẩy (72,5) hoặc dấu chấm (72.5); có cả hai thì dấu đứng sau là dấu thập phân (1.234,5). Số đếm ghi liền, không dấu phân cách hàng nghìn (1250, không ghi 1.250).");
        yield return Note("Tỷ lệ phần trăm", "Ghi số phần trăm (72,5); không định dạng ô kiểu % của Excel, vì ô 72,5% được lưu là 0,725.");
        if (claims.Count > 0)
        {
            yield return Note("Tự chấm", "Mỗi tiêu chí không có tiêu chí con có một cột; điểm tự chấm của tiêu chí có tiêu chí con là tổng điểm tự chấm các tiêu chí con.");
        }

        if (appraisal is { Count: > 0 })
        {
            yield return Note("Thẩm định", "Chỉ số tính trên điểm thẩm định lần cuối (lần 2, nếu không có thì lần 1) ở tiêu chí được thẩm định, trên điểm tính từ số liệu ở tiêu chí khác. Thẩm định chấm từng tiêu chí không có tiêu chí con. Hội đồng có thể điền ở tệp riêng (cột code và các cột này) rồi dùng --appraisal.");
        }

        yield return Note("Ô trống", "Ô để trống là thiếu dữ liệu, không phải số 0: tiêu chí dùng ô đó được báo thiếu dữ liệu.");
        yield return Note(DataSheetTemplate.DataSheetName, $"Mỗi dòng một đơn vị, từ dòng 2. Giữ nguyên dòng tiêu đề và để trang {DataSheetTemplate.DataSheetName} là trang đầu tiên: chương trình chỉ đọc trang đầu.");
        yield return Note("Bộ tiêu chí", $"{ruleSet.Id} {ruleSet.Version}: {ruleSet.Title}");
    }

    /// <summary>The spreadsheet letter of a 0-based column: A … Z, AA … AZ, BA ….</summary>
    public static string ColumnLetter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private static object?[] Row(int column, string name, string label, string type, decimal? min, decimal? max, string how)
        => [ColumnLetter(column), name, label, type, min, max, how];

    private static object?[] Note(string topic, string text) => [null, null, topic, null, null, null, text];

    private static string TypeWords(InputType type) => type switch
    {
        InputType.Count => "số đếm (số nguyên)",
        InputType.Percent => "tỷ lệ phần trăm",
        InputType.Number => "số",
        InputType.Bool => "có/không",
        InputType.Date => "ngày",
        InputType.Choice => "lựa chọn",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static string HowToFill(InputDefinition input) => input.Type switch
    {
        InputType.Count => "Số nguyên, ghi liền không dấu phân cách hàng nghìn (1250).",
        InputType.Percent => "Số phần trăm (72,5 hoặc 72.5), không dùng định dạng % của Excel.",
        InputType.Number => "Số; phần thập phân dùng dấu phẩy (72,5) hoặc dấu chấm (72.5).",
        InputType.Bool => "Ghi có hoặc không.",
        InputType.Date => "Ngày: dd/MM/yyyy (19/02/2023) hoặc yyyy-MM-dd (2023-02-19), hoặc ô kiểu ngày của Excel.",
        InputType.Choice => "Ghi một mã lựa chọn dưới đây (hoặc đúng nội dung của lựa chọn):",
        _ => throw new ArgumentOutOfRangeException(nameof(input), input.Type, null),
    };
}
