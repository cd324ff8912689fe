namespace Cchc.Scoring.Tests.Support;

/// <summary>One criterion per scoring method, each reading its own inputs; shared by the tests of a class.</summary>
public sealed class MethodsRuleSet : IDisposable
{
    public const string Inputs = """
        [
          { "name": "daBanHanh", "type": "bool", "label": "Đã ban hành" },
          { "name": "tyLe", "type": "percent", "label": "Tỷ lệ (%)" },
          { "name": "soNgayCham", "type": "count", "label": "Số ngày chậm" },
          { "name": "tyLeSoHoa", "type": "percent", "label": "Tỷ lệ số hóa (%)" },
          { "name": "soSangKien", "type": "count", "label": "Số sáng kiến" },
          { "name": "soViPham", "type": "count", "label": "Số vi phạm" },
          { "name": "xepLoai", "type": "choice", "label": "Xếp loại",
            "options": [ { "value": "tot", "label": "Tốt" }, { "value": "kha", "label": "Khá" }, { "value": "kem", "label": "Kém" } ] },
          { "name": "soKeHoach", "type": "count", "label": "Số kế hoạch" },
          { "name": "tyLeThucHien", "type": "percent", "label": "Tỷ lệ thực hiện (%)" }
        ]
        """;

    public const string Rules = """
        [
          {
            "RuleName": "PF",
            "LocalParams": [ { "Name": "value", "Expression": "daBanHanh" } ],
            "Expression": "value == true",
            "Properties": { "title": "Ban hành văn bản", "area": "chung", "format": "bool",
              "scoring": { "method": "passFail", "points": 1 } }
          },
          {
            "RuleName": "BANDS_MIN",
            "LocalParams": [ { "Name": "value", "Expression": "tyLe" } ],
            "Expression": "value >= 90",
            "Properties": { "title": "Tỷ lệ theo bậc", "area": "chung", "format": "percent",
              "scoring": { "method": "bands", "points": 4,
                "bands": [ { "min": 90, "points": 4 }, { "min": 70, "points": 2 }, { "min": 50, "points": 1 }, { "min": 0, "points": 0 } ] } }
          },
          {
            "RuleName": "BANDS_MAX",
            "LocalParams": [ { "Name": "value", "Expression": "soNgayCham" } ],
            "Expression": "value <= 0",
            "Properties": { "title": "Số ngày chậm theo bậc", "area": "chung", "format": "count",
              "scoring": { "method": "bands", "points": 3,
                "bands": [ { "max": 0, "points": 3 }, { "max": 5, "points": 2 }, { "max": 10, "points": 1 } ] } }
          },
          {
            "RuleName": "LINEAR",
            "LocalParams": [ { "Name": "value", "Expression": "tyLeSoHoa" } ],
            "Expression": "value >= 80",
            "Properties": { "title": "Số hóa tuyến tính", "area": "chung", "format": "percent",
              "scoring": { "method": "linear", "points": 6, "fullAt": 80 } }
          },
          {
            "RuleName": "LINEAR_Z",
            "LocalParams": [ { "Name": "value", "Expression": "tyLeSoHoa" } ],
            "Expression": "value >= 80",
            "Properties": { "title": "Số hóa tuyến tính từ 20%", "area": "chung", "format": "percent",
              "scoring": { "method": "linear", "points": 6, "zeroAt": 20, "fullAt": 80 } }
          },
          {
            "RuleName": "PER_ITEM",
            "LocalParams": [ { "Name": "value", "Expression": "soSangKien" } ],
            "Expression": "value >= 4",
            "Properties": { "title": "Sáng kiến", "area": "chung", "format": "count",
              "scoring": { "method": "perItem", "points": 2, "pointsPerItem": 0.5 } }
          },
          {
            "RuleName": "DEDUCTION",
            "LocalParams": [ { "Name": "value", "Expression": "soViPham" } ],
            "Expression": "value == 0",
            "Properties": { "title": "Vi phạm", "area": "chung", "format": "count",
              "scoring": { "method": "deduction", "points": 2, "deductionPerItem": 0.5, "floor": 0.5 } }
          },
          {
            "RuleName": "CHOICE",
            "LocalParams": [ { "Name": "value", "Expression": "xepLoai" } ],
            "Expression": "value == \"tot\"",
            "Properties": { "title": "Xếp loại", "area": "chung", "format": "choice",
              "scoring": { "method": "choice", "points": 2, "options": { "tot": 1, "kha": 0.5, "kem": 0 } } }
          },
          {
            "RuleName": "COMPOSITE",
            "Operator": "And",
            "Properties": { "title": "Kế hoạch và thực hiện", "area": "chung",
              "scoring": { "method": "composite", "points": 3 } },
            "Rules": [
              {
                "RuleName": "COMPOSITE.1",
                "LocalParams": [ { "Name": "value", "Expression": "soKeHoach" } ],
                "Expression": "value >= 1",
                "Properties": { "title": "Có kế hoạch", "format": "count", "scoring": { "method": "passFail", "points": 1 } }
              },
              {
                "RuleName": "COMPOSITE.2",
                "LocalParams": [ { "Name": "value", "Expression": "tyLeThucHien" } ],
                "Expression": "value >= 100",
                "Properties": { "title": "Thực hiện kế hoạch", "format": "percent", "scoring": { "method": "linear", "points": 2, "fullAt": 100 } }
              }
            ]
          }
        ]
        """;

    public MethodsRuleSet() => Set = TempRuleSet.Create(Inputs, Rules, areas: """[ { "id": "chung", "title": "Chung", "maxPoints": 29 } ]""");

    public TempRuleSet Set { get; }

    public void Dispose() => Set.Dispose();
}
