namespace Cchc.Cli.Tests.Support;

/// <summary>
/// A small commune index for ranking tests: three areas of 10 points (a, tthc, tac-dong), one per-item criterion
/// each (0–10, a point per unit), tie-breaks tthc then tac-dong, five grades. Index = sum ÷ 30 × 100.
/// </summary>
internal static class RankRuleSet
{
    public const string Header = "code,name,level,parent,diemA,diemTthc,diemTacDong";

    public static string Write(TempFolder folder)
    {
        folder.Write("chi-so-thu/ruleset.json", """
            {
              "id": "chi-so-thu",
              "version": "1.0.0",
              "title": "Chỉ số CCHC thử nghiệm",
              "levels": ["xa"],
              "inputs": [
                { "name": "diemA", "type": "number", "label": "Điểm lĩnh vực A", "min": 0, "max": 10 },
                { "name": "diemTthc", "type": "number", "label": "Điểm thủ tục hành chính", "min": 0, "max": 10 },
                { "name": "diemTacDong", "type": "number", "label": "Điểm tác động", "min": 0, "max": 10 }
              ],
              "areas": [
                { "id": "a", "title": "Lĩnh vực A", "maxPoints": 10 },
                { "id": "tthc", "title": "Cải cách thủ tục hành chính", "maxPoints": 10 },
                { "id": "tac-dong", "title": "Tác động của CCHC", "maxPoints": 10 }
              ],
              "maxPoints": 30,
              "index": { "scale": 100, "decimals": 2 },
              "grades": [
                { "name": "Xuất sắc", "from": 90 },
                { "name": "Tốt", "from": 80, "to": 90 },
                { "name": "Khá", "from": 65, "to": 80 },
                { "name": "Trung bình", "from": 50, "to": 65 },
                { "name": "Yếu", "from": 0, "to": 50 }
              ],
              "ranking": { "tieBreaks": [ { "area": "tthc" }, { "area": "tac-dong" } ] },
              "workflows": ["workflows/main.json"]
            }
            """);
        folder.Write("chi-so-thu/workflows/main.json", """
            {
              "WorkflowName": "chi-so-thu/main",
              "Rules": [
                { "RuleName": "A1", "LocalParams": [ { "Name": "value", "Expression": "diemA" } ], "Expression": "value >= 10",
                  "Properties": { "title": "Tiêu chí lĩnh vực A", "area": "a", "format": "number", "scoring": { "method": "perItem", "points": 10, "pointsPerItem": 1 } } },
                { "RuleName": "T1", "LocalParams": [ { "Name": "value", "Expression": "diemTthc" } ], "Expression": "value >= 10",
                  "Properties": { "title": "Tiêu chí thủ tục hành chính", "area": "tthc", "format": "number", "scoring": { "method": "perItem", "points": 10, "pointsPerItem": 1 } } },
                { "RuleName": "D1", "LocalParams": [ { "Name": "value", "Expression": "diemTacDong" } ], "Expression": "value >= 10",
                  "Properties": { "title": "Tiêu chí tác động", "area": "tac-dong", "format": "number", "scoring": { "method": "perItem", "points": 10, "pointsPerItem": 1 } } }
              ]
            }
            """);
        return folder.File("chi-so-thu");
    }

    /// <summary>Good rows and a bad row of every kind: 10 data rows, 3 ranked (one incomplete), 7 rejected.</summary>
    public static string BadRowsCsv => string.Join("\n",
        Header,
        "ok1,Xã Một,xa,h1,9,9,9",
        "ok2,Xã Hai,xa,h2,9,8,10",
        "kieu,Xã Sai Kiểu,xa,h1,abc,8,8",
        "ngoai,Xã Ngoài Khoảng,xa,h1,8,11,8",
        "ok1,Xã Một Lặp,xa,h1,1,1,1",
        ",Xã Không Mã,xa,h1,1,1,1",
        "cap,Xã Sai Cấp,tinh,h1,1,1,1",
        "thua,Xã Thừa Cột,xa,h1,1,1,1,1",
        "thieu,Xã Thiếu Số,xa,h2,7,,7",
        "hai-loi,Xã Hai Lỗi,xa,h1,-1,5,x") + "\n";

    /// <summary>Many valid communes with frequent ties, and the same rows shuffled.</summary>
    public static (string Ordered, string Shuffled) ValidCsv(int count, int seed)
    {
        var random = new Random(seed);
        var values = new[] { "5", "8,5", "9", "10", "7.25" };
        var lines = Enumerable.Range(0, count)
            .Select(i => $"xa-{i:000},\"Xã {i}\",xa,h{i % 4},\"{values[random.Next(values.Length)]}\",\"{values[random.Next(values.Length)]}\",\"{values[random.Next(values.Length)]}\"")
            .ToList();
        var shuffled = lines.OrderBy(_ => random.Next()).ToList();
        return ($"{Header}\n{string.Join("\n", lines)}\n", $"{Header}\n{string.Join("\n", shuffled)}\n");
    }
}
