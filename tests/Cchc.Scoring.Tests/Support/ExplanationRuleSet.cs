namespace Cchc.Scoring.Tests.Support;

/// <summary>Criteria with and without explanation templates, for the explanation tests.</summary>
public sealed class ExplanationRuleSet : IDisposable
{
    public const string AllPlaceholders = "{title}|{value}|{target}|{targetText}|{gap}|{leadUnit}|{points}|{maxPoints}|{missing}";

    private const string Inputs = """
        [
          { "name": "tyLeHaiLong", "type": "percent", "label": "Mức độ hài lòng (%)" },
          { "name": "tyLeSoHoa", "type": "percent", "label": "Tỷ lệ số hóa (%)" },
          { "name": "ngayBanHanh", "type": "date", "label": "Ngày ban hành kế hoạch" },
          { "name": "ngayKiemTra", "type": "date", "label": "Ngày ban hành kế hoạch kiểm tra" },
          { "name": "soTien", "type": "number", "label": "Số tiền tiết kiệm (triệu đồng)", "min": 0 },
          { "name": "tongHoSo", "type": "count", "label": "Tổng số hồ sơ" },
          { "name": "hoSoDungHan", "type": "count", "label": "Số hồ sơ đúng hạn" },
          { "name": "soSangKien", "type": "count", "label": "Số sáng kiến" }
        ]
        """;

    private const string Rules = """
        [
          { "RuleName": "TPL", "LocalParams": [ { "Name": "value", "Expression": "tyLeHaiLong" } ], "Expression": "value >= 87",
            "Properties": { "title": "Mức độ hài lòng", "area": "chung", "format": "percent", "leadUnit": "Phòng Nội vụ",
              "scoring": { "method": "passFail", "points": 1 },
              "explanations": {
                "met": "{title}|{value}|{target}|{targetText}|{gap}|{leadUnit}|{points}|{maxPoints}|{missing}",
                "notMet": "{title}|{value}|{target}|{targetText}|{gap}|{leadUnit}|{points}|{maxPoints}|{missing}",
                "missingData": "{title}|{value}|{target}|{targetText}|{gap}|{leadUnit}|{points}|{maxPoints}|{missing}" } } },
          { "RuleName": "STD", "LocalParams": [ { "Name": "value", "Expression": "tyLeHaiLong" } ], "Expression": "value >= 87",
            "Properties": { "title": "Mức độ hài lòng (chuẩn)", "area": "chung", "format": "percent", "leadUnit": "Văn phòng HĐND và UBND",
              "scoring": { "method": "passFail", "points": 1 } } },
          { "RuleName": "LIN", "LocalParams": [ { "Name": "value", "Expression": "tyLeSoHoa" } ], "Expression": "value >= 80",
            "Properties": { "title": "Số hóa", "area": "chung", "format": "percent", "leadUnit": "Phòng Văn hóa",
              "scoring": { "method": "linear", "points": 2, "fullAt": 80 },
              "explanations": { "partial": "{points}/{maxPoints} điểm, còn thiếu {gap}." } } },
          { "RuleName": "LIN_STD", "LocalParams": [ { "Name": "value", "Expression": "tyLeSoHoa" } ], "Expression": "value >= 80",
            "Properties": { "title": "Số hóa (chuẩn)", "area": "chung", "format": "percent", "leadUnit": "Phòng Văn hóa",
              "scoring": { "method": "linear", "points": 2, "fullAt": 80 } } },
          { "RuleName": "DATE_LT", "LocalParams": [ { "Name": "value", "Expression": "ngayBanHanh" } ], "Expression": "value < Fn.Date(2023, 2, 19)",
            "Properties": { "title": "Ban hành kế hoạch", "area": "chung", "format": "date",
              "scoring": { "method": "passFail", "points": 1 } } },
          { "RuleName": "DATE_LE", "LocalParams": [ { "Name": "value", "Expression": "ngayKiemTra" } ], "Expression": "value <= Fn.Date(2023, 2, 28)",
            "Properties": { "title": "Kế hoạch kiểm tra", "area": "chung", "format": "date",
              "scoring": { "method": "passFail", "points": 1 },
              "explanations": { "notMet": "Ban hành ngày {value}, chậm {gap} (hạn: {targetText})." } } },
          { "RuleName": "NUM", "LocalParams": [ { "Name": "value", "Expression": "soTien" } ], "Expression": "value >= 1234.5",
            "Properties": { "title": "Tiết kiệm", "area": "chung", "format": "number",
              "scoring": { "method": "passFail", "points": 1 },
              "explanations": { "met": "{value} (mục tiêu {targetText})", "notMet": "{value}, thiếu {gap} (mục tiêu {targetText}); {leadUnit}" } } },
          { "RuleName": "NO_OCC", "LocalParams": [ { "Name": "noOccurrence", "Expression": "tongHoSo == 0" }, { "Name": "value", "Expression": "Fn.Percent(hoSoDungHan, tongHoSo)" } ],
            "Expression": "value >= 90",
            "Properties": { "title": "Hồ sơ đúng hạn", "area": "chung", "format": "percent", "scoring": { "method": "passFail", "points": 1 } } },
          { "RuleName": "COUNT", "LocalParams": [ { "Name": "value", "Expression": "soSangKien" } ], "Expression": "value >= 10",
            "Properties": { "title": "Sáng kiến", "area": "chung", "format": "count", "scoring": { "method": "passFail", "points": 1 } } },
          { "RuleName": "HUYEN_ONLY", "LocalParams": [ { "Name": "value", "Expression": "soSangKien" } ], "Expression": "value >= 1",
            "Properties": { "title": "Sáng kiến cấp huyện", "area": "chung", "levels": [ "huyen" ], "format": "count",
              "scoring": { "method": "passFail", "points": 1 } } }
        ]
        """;

    public ExplanationRuleSet() => Set = TempRuleSet.Create(Inputs, Rules, areas: """[ { "id": "chung", "title": "Chung", "maxPoints": 12 } ]""");

    public TempRuleSet Set { get; }

    public void Dispose() => Set.Dispose();
}
