using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Cchc.Cli.Tests.Support;
using MiniExcelLibs;

namespace Cchc.Cli.Tests;

/// <summary>
/// <c>cchc rank --previous … [--mapping …]</c>: last year's ranking compared per unit (matched, new, merged, split,
/// not found) in every output, and every problem of last year's files named with its place.
/// </summary>
public sealed class RankPreviousTests : IDisposable
{
    // Index = sum ÷ 30 × 100. Last year: a2 90 (1), r0 86,67 (2), a1 80 (3), o2 73,33 (4), o1 60 (5), p1 50 (6), gone 10 (7).
    private const string LastYear = RankRuleSet.Header + "\n"
        + "a1,Xã A1,xa,h1,8,8,8\na2,Xã A2,xa,h1,9,9,9\no1,Xã O1,xa,h1,6,6,6\no2,Xã O2,xa,h2,7,7,8\np1,Xã P1,xa,h2,5,5,5\nr0,Xã R cũ,xa,h2,9,9,8\ngone,Xã Đã Bỏ,xa,h2,1,1,1\n";

    // This year: a1 90 (1), r1 86,67 (2), a2 80 (3), m1 70 (4), s1 60 (5), s2 50 (6), n1 40 (7).
    private const string ThisYear = RankRuleSet.Header + "\n"
        + "a1,Xã A1,xa,h1,9,9,9\na2,Xã A2,xa,h1,8,8,8\nm1,Xã M1 (O1 + O2),xa,h1,7,7,7\ns1,Xã S1,xa,h2,6,6,6\ns2,Xã S2,xa,h2,5,5,5\nn1,Xã Mới,xa,h2,4,4,4\nr1,Xã R mới,xa,h2,8,9,9\n";

    private const string Mapping = "oldCode,newCode\no1,m1\no2,m1\np1,s1\np1,s2\nr0,r1\n";

    private readonly TempFolder _folder = new();
    private readonly string _ruleSet;
    private readonly string _data;
    private readonly string _mapping;

    public RankPreviousTests()
    {
        _ruleSet = RankRuleSet.Write(_folder);
        _data = _folder.Write("nam-nay.csv", ThisYear);
        _mapping = _folder.Write("sap-nhap.csv", Mapping);
    }

    public void Dispose() => _folder.Dispose();

    private async Task<string> LastYearRanking(string extension)
    {
        var path = _folder.File("nam-truoc" + extension);
        if (!File.Exists(path))
        {
            var result = await CchcTool.RunAsync("rank", _ruleSet, _folder.Write("nam-truoc-du-lieu.csv", LastYear), "-o", path);
            Assert.True(result.ExitCode == 0, result.ToString());
        }

        return path;
    }

    [Theory]
    [InlineData(".json")]
    [InlineData(".xlsx")]
    public async Task Json_MatchedNewMergedSplitAndGone_EachWithItsMovement(string lastYearKind)
    {
        var previous = await LastYearRanking(lastYearKind);
        var output = _folder.File("r" + lastYearKind.Replace('.', '-') + ".json");

        var result = await CchcTool.RunAsync("rank", _ruleSet, _data, "--previous", previous, "--mapping", _mapping, "-o", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = TestFiles.ReadJson(output);
        var rows = json["rows"]!.AsArray().ToDictionary(r => (string)r!["card"]!["unit"]!["code"]!, r => r!["previous"]!);

        // a1: 80 (3rd, Tốt) → 90 (1st, Xuất sắc).
        Assert.Equal("matched", (string)rows["a1"]["status"]!);
        Assert.Equal(80m, (decimal)rows["a1"]["index"]!);
        Assert.Equal(3, (int)rows["a1"]["rank"]!);
        Assert.Equal("Tốt", (string)rows["a1"]["grade"]!);
        Assert.Equal(10m, (decimal)rows["a1"]["indexChange"]!);
        Assert.Equal(2, (int)rows["a1"]["rankChange"]!);
        Assert.Equal("up", (string)rows["a1"]["gradeChange"]!);

        // a2 went the other way.
        Assert.Equal((-10m, -2, "down"), ((decimal)rows["a2"]["indexChange"]!, (int)rows["a2"]["rankChange"]!, (string)rows["a2"]["gradeChange"]!));

        // r1 is r0 under a new code: a one-to-one match, its old code listed.
        Assert.Equal(("matched", 0m, 0, "same"), ((string)rows["r1"]["status"]!, (decimal)rows["r1"]["indexChange"]!, (int)rows["r1"]["rankChange"]!, (string)rows["r1"]["gradeChange"]!));
        Assert.Equal("r0", (string)rows["r1"]["predecessors"]![0]!["code"]!);

        // m1 = o1 (60) + o2 (73,33): compared with their mean 66,67 (66,665 rounded away from zero); no rank, no grade.
        Assert.Equal("merged", (string)rows["m1"]["status"]!);
        Assert.Equal(66.67m, (decimal)rows["m1"]["index"]!);
        Assert.Equal(3.33m, (decimal)rows["m1"]["indexChange"]!);
        Assert.Null(rows["m1"]["rank"]);
        Assert.Null(rows["m1"]["rankChange"]);
        Assert.Null(rows["m1"]["grade"]);
        Assert.Equal(["o1", "o2"], rows["m1"]["predecessors"]!.AsArray().Select(p => (string)p!["code"]!));
        Assert.Equal([5, 4], rows["m1"]["predecessors"]!.AsArray().Select(p => (int)p!["rank"]!));
        Assert.Contains("Sáp nhập từ 2 đơn vị", (string)rows["m1"]["note"]!, StringComparison.Ordinal);

        // p1 (50) was split between s1 and s2: each compared with the whole of p1.
        Assert.Equal(("split", 50m, 10m), ((string)rows["s1"]["status"]!, (decimal)rows["s1"]["index"]!, (decimal)rows["s1"]["indexChange"]!));
        Assert.Equal(("split", 0m), ((string)rows["s2"]["status"]!, (decimal)rows["s2"]["indexChange"]!));
        Assert.Null(rows["s2"]["rankChange"]);

        Assert.Equal("new", (string)rows["n1"]["status"]!);
        Assert.Null(rows["n1"]["index"]);

        // Ranks as a share of each year's population (7 both years here).
        Assert.Equal((14.3m, 42.9m), ((decimal)rows["a1"]["rankPercent"]!, (decimal)rows["a1"]["previousRankPercent"]!));

        var summary = json["previous"]!["summary"]!;
        Assert.Equal([3, 1, 1, 2, 0, 1], new[] { "matched", "new", "merged", "split", "notFound", "gone" }.Select(k => (int)summary[k]!));
        Assert.Equal([3, 1, 2, 1, 1, 1], new[] { "indexRose", "indexFell", "indexSame", "rankRose", "rankFell", "rankSame" }.Select(k => (int)summary[k]!));
        Assert.Equal(
            ["Xuất sắc→Tốt:1", "Tốt→Xuất sắc:1", "Tốt→Tốt:1"],
            summary["gradeTransitions"]!.AsArray().Select(t => $"{(string)t!["from"]!}→{(string)t["to"]!}:{(int)t["count"]!}"));

        // The split is accepted, and said.
        var warnings = json["previous"]!["warnings"]!.AsArray();
        Assert.Contains(warnings, w => (int)w!["row"]! == 5 && (string)w["column"]! == "newCode" && (string)w["value"]! == "s2" && ((string)w["reason"]!).Contains("chia tách", StringComparison.Ordinal));
        Assert.Empty(json["previous"]!["errors"]!.AsArray());
        Assert.Contains("So với năm trước: chỉ số tăng 3, giảm 1, không đổi 2; hạng lên 1, xuống 1, giữ nguyên 1; khớp 3, mới 1, sáp nhập 1, chia tách 2, không tìm thấy 0; 1 đơn vị năm trước không còn", result.ErrorLines);
    }

    [Fact]
    public async Task WithoutMapping_UnitsMatchedByCodeOnly_OthersNew()
    {
        var result = await CchcTool.RunAsync("rank", _ruleSet, _data, "--previous", await LastYearRanking(".json"), "--format", "csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.OutLines;
        Assert.EndsWith("Chỉ số năm trước (previousIndex),Hạng năm trước (previousRank),Xếp loại năm trước (previousGrade),Tăng/giảm chỉ số (indexChange),Tăng/giảm hạng (rankChange),Xếp loại so với năm trước (gradeChange),So với năm trước (previousStatus),Mã năm trước (previousCodes),Ghi chú so với năm trước (previousNote)", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("1,a1,", StringComparison.Ordinal) && l.EndsWith(",80,3,Tốt,10,2,lên,khớp,a1,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("4,m1,", StringComparison.Ordinal) && l.EndsWith(",,,,,,,mới,,Đơn vị mới: không có trong xếp hạng năm trước.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2,r1,", StringComparison.Ordinal) && l.Contains(",mới,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Xlsx_CarriesThePreviousColumnsAndTheSummary()
    {
        var path = _folder.File("r.xlsx");

        var result = await CchcTool.RunAsync("rank", _ruleSet, _data, "--previous", await LastYearRanking(".json"), "--mapping", _mapping, "-o", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = MiniExcel.Query(path, useHeaderRow: true, sheetName: "Xếp hạng").Cast<IDictionary<string, object?>>().ToDictionary(r => (string)r["Mã (code)"]!);
        Assert.Equal(80d, rows["a1"]["Chỉ số năm trước (previousIndex)"]);
        Assert.Equal(3d, rows["a1"]["Hạng năm trước (previousRank)"]);
        Assert.Equal("Tốt", rows["a1"]["Xếp loại năm trước (previousGrade)"]);
        Assert.Equal(10d, rows["a1"]["Tăng/giảm chỉ số (indexChange)"]);
        Assert.Equal(2d, rows["a1"]["Tăng/giảm hạng (rankChange)"]);
        Assert.Equal("lên", rows["a1"]["Xếp loại so với năm trước (gradeChange)"]);
        Assert.Equal("sáp nhập", rows["m1"]["So với năm trước (previousStatus)"]);
        Assert.Equal("o1;o2", rows["m1"]["Mã năm trước (previousCodes)"]);
        Assert.Equal(66.67d, (double)rows["m1"]["Chỉ số năm trước (previousIndex)"]!, 6);
        Assert.StartsWith("Sáp nhập từ 2 đơn vị: o1 Xã O1 (chỉ số 60, hạng 5, Khá…", ((string)rows["m1"]["Ghi chú so với năm trước (previousNote)"]!).Replace("Trung bình", "Khá…", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Null(rows["m1"]["Hạng năm trước (previousRank)"]);

        var summary = MiniExcel.Query(path, useHeaderRow: true, sheetName: "Tóm tắt").Cast<IDictionary<string, object?>>().ToDictionary(r => (string)r["Mục"]!, r => r["Giá trị"]);
        Assert.Equal(1d, summary["So với năm trước: sáp nhập (merged)"]);
        Assert.Equal(3d, summary["Chỉ số tăng (indexRose)"]);
        Assert.Equal(1d, summary["Xếp loại Tốt → Xuất sắc"]);

        // The split warning is on the error sheet, marked as a warning.
        var errors = MiniExcel.Query(path, useHeaderRow: true, sheetName: "Lỗi").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(errors, e => (string?)e["Tệp (file)"] == "sap-nhap.csv" && (double?)e["Dòng (row)"] == 5 && ((string)e["Lý do (reason)"]!).StartsWith("cảnh báo: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Html_ShowsArrowsAndTheSummary()
    {
        var path = _folder.File("r.html");

        var result = await CchcTool.RunAsync("rank", _ruleSet, _data, "--previous", await LastYearRanking(".json"), "--mapping", _mapping, "-o", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var document = new HtmlParser().ParseDocument(File.ReadAllText(path, Encoding.UTF8));
        var summary = document.QuerySelector("#previous")!;
        Assert.Equal(("3", "1", "2", "1"), (summary.GetAttribute("data-rose"), summary.GetAttribute("data-fell"), summary.GetAttribute("data-same"), summary.GetAttribute("data-merged")));
        var a1 = document.QuerySelectorAll("#ranking tbody tr").Single(r => r.Children[1].TextContent == "a1");
        Assert.Contains("▲ 10", a1.TextContent, StringComparison.Ordinal);
        Assert.Contains("80 · hạng 3 · Tốt", a1.TextContent, StringComparison.Ordinal);
        var a2 = document.QuerySelectorAll("#ranking tbody tr").Single(r => r.Children[1].TextContent == "a2");
        Assert.Contains("▼ 10", a2.TextContent, StringComparison.Ordinal);
        Assert.Contains("Xuất sắc → Tốt ▼", a2.TextContent, StringComparison.Ordinal);
        var r1 = document.QuerySelectorAll("#ranking tbody tr").Single(r => r.Children[1].TextContent == "r1");
        Assert.Equal("=", r1.QuerySelector("span.eq")!.TextContent);
        Assert.NotNull(document.QuerySelector("td[data-status='merged']"));
        Assert.Equal(3, document.QuerySelectorAll("#grade-transitions tbody tr").Length);
    }

    [Fact]
    public async Task Output_IsTheSameBytesInAnyCulture()
    {
        var previous = await LastYearRanking(".json");
        string[] args = ["rank", _ruleSet, _data, "--previous", previous, "--mapping", _mapping, "--format"];

        foreach (var format in new[] { "csv", "json", "html" })
        {
            var de = await CchcTool.RunInCultureAsync("de-DE", [.. args, format]);
            var us = await CchcTool.RunInCultureAsync("en-US", [.. args, format]);
            Assert.True(de.ExitCode == 0, de.ToString());
            Assert.Contains("66", de.Out, StringComparison.Ordinal);
            Assert.Equal(de.Out, us.Out);
        }
    }

    [Fact]
    public async Task MappingErrors_NamedWithFileRowColumnValue_TheRestStillCompared()
    {
        var mapping = _folder.Write("ban-do-loi.csv", "oldCode,newCode\no1,m1\no2,m1\nx9,m1\no1,zz\n,m1\no2,m1\na2,a1\n");

        var result = await CchcTool.RunAsync("rank", _ruleSet, _data, "--previous", await LastYearRanking(".json"), "--mapping", mapping, "--format", "json");

        Assert.Equal(2, result.ExitCode);
        var previous = JsonNode.Parse(result.Out)!["previous"]!;
        var errors = previous["errors"]!.AsArray().Select(e => $"{(string)e!["file"]!}:{(int)e["row"]!}:{(string?)e["column"]}={(string?)e["value"]}").ToList();
        Assert.Contains("ban-do-loi.csv:6:oldCode=", errors);      // empty old code
        Assert.Contains("ban-do-loi.csv:7:oldCode=o2", errors);    // the same pair twice
        Assert.Contains("ban-do-loi.csv:5:newCode=zz", errors);    // a new code not in this year's data
        Assert.Contains("ban-do-loi.csv:8:oldCode=a2", errors);    // a2 is in this year's data, yet mapped into a1
        var warnings = previous["warnings"]!.AsArray().Select(e => $"{(int)e!["row"]!}:{(string?)e["column"]}={(string?)e["value"]}").ToList();
        Assert.Contains("4:oldCode=x9", warnings);                  // not in last year's ranking
        Assert.Contains("5:newCode=zz", warnings);                  // o1 now also goes to zz: a split
        Assert.Contains(result.ErrorLines, l => l.StartsWith("Năm trước, lỗi: ban-do-loi.csv, dòng 8, đơn vị a2, cột oldCode = 'a2': ", StringComparison.Ordinal));

        var rows = JsonNode.Parse(result.Out)!["rows"]!.AsArray().ToDictionary(r => (string)r!["card"]!["unit"]!["code"]!, r => r!["previous"]!);
        Assert.Equal("notFound", (string)rows["a2"]["status"]!);
        Assert.Equal("merged", (string)rows["m1"]["status"]!);
        Assert.Equal(["o1", "o2"], rows["m1"]["predecessors"]!.AsArray().Select(p => (string)p!["code"]!));
        Assert.Equal(["x9"], rows["m1"]["missing"]!.AsArray().Select(c => (string)c!));

        // a1 is now compared with a2, as the (wrong) mapping says: the mapping is followed, never guessed around.
        Assert.Equal("a2", (string)rows["a1"]["predecessors"]![0]!["code"]!);
    }

    [Fact]
    public async Task LastYearsRows_DuplicateCodeMissingCodeAndBadIndex_NamedWithTheirPlace()
    {
        var previous = _folder.Write("nam-truoc-tay.json", """
            {"ruleSet":{"id":"chi-so-khac","version":"0.9"},"rows":[
              {"rank":1,"card":{"unit":{"code":"a1","name":"Xã A1"},"index":80,"grade":"Tốt"}},
              {"rank":2,"card":{"unit":{"code":"a1","name":"Xã A1 lặp"},"index":70}},
              {"rank":3,"card":{"unit":{"name":"Không mã"},"index":60}},
              {"rank":4,"card":{"unit":{"code":"a2","name":"Xã A2"},"index":"abc"}},
              {"rank":null,"card":{"unit":{"code":"n1","name":"Xã N1"}}}
            ]}
            """);

        var result = await CchcTool.RunAsync("rank", _ruleSet, _data, "--previous", previous, "--format", "json");

        Assert.Equal(2, result.ExitCode);
        var json = JsonNode.Parse(result.Out)!["previous"]!;
        var errors = json["errors"]!.AsArray().Select(e => $"{(int)e!["row"]!}:{(string?)e["column"]}={(string?)e["value"]}").ToList();
        Assert.Equal(["2:rows[].card.unit.code=a1", "3:rows[].card.unit.code=", "4:rows[].card.index=abc"], errors);
        var warnings = json["warnings"]!.AsArray();
        Assert.Contains("chi-so-khac 0.9", (string)warnings[0]!["reason"]!, StringComparison.Ordinal);
        Assert.Contains(warnings, w => (int)w!["row"]! == 5 && ((string)w["reason"]!).Contains("không có chỉ số", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.StartsWith("Năm trước, lỗi: nam-truoc-tay.json, dòng 4, đơn vị a2, cột rows[].card.index = 'abc': ", StringComparison.Ordinal));

        var rows = JsonNode.Parse(result.Out)!["rows"]!.AsArray().ToDictionary(r => (string)r!["card"]!["unit"]!["code"]!, r => r!["previous"]!);
        Assert.Equal(10m, (decimal)rows["a1"]["indexChange"]!);
        Assert.Equal("matched", (string)rows["a2"]["status"]!);
        Assert.Null(rows["a2"]["index"]);
    }

    [Fact]
    public async Task LastYearsJson_WithABomAndACardLargerThanTheReadBuffer_ReadWhole()
    {
        // Explanations make a card tens of kilobytes; the reader streams in 64 KB blocks and must grow for a longer token.
        var huge = new string('x', 300_000);
        var previous = _folder.File("lon.json");
        File.WriteAllText(previous, $$$"""
            {"ruleSet":{"id":"chi-so-thu","version":"1.0.0"},"summary":{"scored":2},"rows":[
              {"rank":1,"card":{"unit":{"code":"a2","name":"Xã A2"},"criteria":[{"id":"A1","index":5,"explanation":"{{{huge}}}","unit":{"code":"khong-phai"}}],"index":90,"grade":"Xuất sắc"}},
              {"rank":2,"topLosses":[{"criterion":"A1","title":"{{{huge}}}"}],"card":{"unit":{"code":"a1","name":"Xã A1"},"index":80,"grade":"Tốt"}}
            ],"rejections":[]}
            """, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var result = await CchcTool.RunAsync("rank", _ruleSet, _data, "--previous", previous, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonNode.Parse(result.Out)!;
        Assert.Empty(json["previous"]!["warnings"]!.AsArray());
        var rows = json["rows"]!.AsArray().ToDictionary(r => (string)r!["card"]!["unit"]!["code"]!, r => r!["previous"]!);
        Assert.Equal((90m, 1, -10m), ((decimal)rows["a2"]["index"]!, (int)rows["a2"]["rank"]!, (decimal)rows["a2"]["indexChange"]!));
        Assert.Equal((80m, 2), ((decimal)rows["a1"]["index"]!, (int)rows["a1"]["rank"]!));
        Assert.Equal(2, (int)json["previous"]!["units"]!);
    }

    [Fact]
    public async Task LastYearsXlsx_BadRowsNamedWithTheSheetRowAndTheHeader()
    {
        var previous = _folder.File("nam-truoc-tay.xlsx");
        var sheets = new Dictionary<string, object>
        {
            ["Xếp hạng"] = new List<Dictionary<string, object?>>
            {
                new() { ["Hạng (rank)"] = 1, ["Mã (code)"] = "a1", ["Tên (name)"] = "Xã A1", ["Chỉ số (index)"] = 80.5, ["Xếp loại (grade)"] = "Tốt" },
                new() { ["Hạng (rank)"] = 2, ["Mã (code)"] = "a1", ["Tên (name)"] = "Xã A1 lặp", ["Chỉ số (index)"] = 70, ["Xếp loại (grade)"] = "Khá" },
                new() { ["Hạng (rank)"] = 3, ["Mã (code)"] = null, ["Tên (name)"] = "Không mã", ["Chỉ số (index)"] = 60, ["Xếp loại (grade)"] = "Trung bình" },
                new() { ["Hạng (rank)"] = 4, ["Mã (code)"] = "a2", ["Tên (name)"] = "Xã A2", ["Chỉ số (index)"] = "bảy mươi", ["Xếp loại (grade)"] = "Khá" },
            },
            ["Tóm tắt"] = new List<Dictionary<string, object?>> { new() { ["Mục"] = "Bộ tiêu chí (ruleSet)", ["Giá trị"] = "chi-so-thu 1.0.0" } },
        };
        MiniExcel.SaveAs(previous, sheets);

        var result = await CchcTool.RunAsync("rank", _ruleSet, _data, "--previous", previous, "--format", "json");

        Assert.Equal(2, result.ExitCode);
        var json = JsonNode.Parse(result.Out)!["previous"]!;
        Assert.Equal(
            ["3:Mã (code)=a1", "4:Mã (code)=", "5:Chỉ số (index)=bảy mươi"],
            json["errors"]!.AsArray().Select(e => $"{(int)e!["row"]!}:{(string?)e["column"]}={(string?)e["value"]}"));
        Assert.Empty(json["warnings"]!.AsArray());   // the same rule set: nothing to say
        Assert.Equal(("chi-so-thu", "1.0.0"), ((string)json["ruleSet"]!["id"]!, (string)json["ruleSet"]!["version"]!));
        var a1 = JsonNode.Parse(result.Out)!["rows"]!.AsArray().Single(r => (string)r!["card"]!["unit"]!["code"]! == "a1")!["previous"]!;
        Assert.Equal((80.5m, 9.5m), ((decimal)a1["index"]!, (decimal)a1["indexChange"]!));
    }

    [Theory]
    [InlineData("the-cards.json", "[{\"unit\":{\"code\":\"a1\"}}]", "không phải một bảng xếp hạng")]
    [InlineData("card.json", "{\"ruleSet\":{\"id\":\"x\"},\"unit\":{\"code\":\"a1\"}}", "không phải một bảng xếp hạng")]
    [InlineData("ranking.csv", "a,b\n", ".json hoặc .xlsx")]
    public async Task NotARanking_RefusedAsUsageError(string name, string text, string expected)
    {
        var result = await CchcTool.RunAsync("rank", _ruleSet, _data, "--previous", _folder.Write(name, text));

        Assert.Equal(64, result.ExitCode);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("Không dùng được xếp hạng năm trước: ", StringComparison.Ordinal) && l.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnXlsxThatIsNotARanking_AndAMappingWithoutPrevious_Refused()
    {
        var template = _folder.File("mau.xlsx");
        Assert.Equal(0, (await CchcTool.RunAsync("template", _ruleSet, "-o", template)).ExitCode);

        var xlsx = await CchcTool.RunAsync("rank", _ruleSet, _data, "--previous", template);
        var mappingOnly = await CchcTool.RunAsync("rank", _ruleSet, _data, "--mapping", _mapping);
        var badMapping = await CchcTool.RunAsync("rank", _ruleSet, _data, "--previous", await LastYearRanking(".json"), "--mapping", _folder.Write("m.csv", "cu,moi\na,b\n"));

        Assert.Equal(64, xlsx.ExitCode);
        Assert.Contains("không có trang 'Xếp hạng'", xlsx.Error, StringComparison.Ordinal);
        Assert.Equal(64, mappingOnly.ExitCode);
        Assert.Contains("--mapping", mappingOnly.Error, StringComparison.Ordinal);
        Assert.Equal(64, badMapping.ExitCode);
        Assert.Contains("m.csv', dòng 1: tệp ánh xạ mã cần các cột oldCode và newCode", badMapping.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_ShowsLastYearAndTheSummary()
    {
        var result = await CchcTool.RunAsync("rank", _ruleSet, _data, "--previous", await LastYearRanking(".xlsx"), "--mapping", _mapping);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Chỉ số năm trước", result.OutLines[0], StringComparison.Ordinal);
        Assert.Contains(result.OutLines, l => l.StartsWith("1 ", StringComparison.Ordinal) && l.Contains("▲ 10", StringComparison.Ordinal) && l.Contains("khớp, xếp loại lên", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.Contains("m1", StringComparison.Ordinal) && l.Contains("66,67", StringComparison.Ordinal) && l.Contains("sáp nhập", StringComparison.Ordinal));
        Assert.Contains("  Tốt → Xuất sắc: 1", result.OutLines);
    }
}
