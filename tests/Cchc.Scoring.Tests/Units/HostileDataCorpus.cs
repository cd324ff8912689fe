using System.Text;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;
using MiniExcelLibs;
using Xunit.Abstractions;

namespace Cchc.Scoring.Tests.Units;

/// <summary>
/// Issue 10: a corpus of hostile data files, each with what it must produce — units read, rejections with a reason,
/// invalid values found when scoring, or a refusal of the whole file — and never an unhandled exception. The counts
/// are printed so that CI shows them.
/// </summary>
public sealed class HostileDataCorpus(ITestOutputHelper output) : IDisposable
{
    private const string Head = "code,name,level,tyLeHaiLong\n";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>One hostile file: its name, bytes, and what must come of it.</summary>
    /// <param name="Units">Units read.</param>
    /// <param name="Rejections">Rows rejected while reading.</param>
    /// <param name="Invalid">Invalid values found when the units read are scored.</param>
    /// <param name="Says">A fragment every rejection (or the refusal, or the first invalid value) must contain; null for none.</param>
    /// <param name="Refused">Whether the file is refused as a whole (<see cref="InvalidDataException"/>).</param>
    public sealed record HostileFile(string File, Func<string, byte[]?> Bytes, int Units, int Rejections, int Invalid, string? Says, bool Refused = false)
    {
        public override string ToString() => File;
    }

    private static byte[] U(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Join(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static Func<string, byte[]?> Text(string text) => _ => U(text);

    private static Func<string, byte[]?> Xlsx(params object?[][] rows) => path =>
    {
        MiniExcel.SaveAs(path, rows.Select(cells => cells.Select((c, i) => (c, i)).ToDictionary(x => ((char)('A' + x.i)).ToString(), x => x.c)), printHeader: false);
        return null;
    };

    private static Func<string, byte[]?> XlsxRewritten(Func<string, string> sheet) => path =>
    {
        MiniExcel.SaveAs(path, new[] { new Dictionary<string, object?> { ["code"] = "x1", ["level"] = "xa", ["tyLeHaiLong"] = 90 } });
        using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update);
        var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
        string xml;
        using (var reader = new StreamReader(entry.Open()))
        {
            xml = reader.ReadToEnd();
        }

        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
        writer.Write(sheet(xml));
        return null;
    };

    public static TheoryData<HostileFile> Cases()
    {
        var big = new string('a', 40_000);
        HostileFile[] cases =
        [
            // CSV
            new("01-unclosed-quote.csv", Text(Head + "x1,\"Xã Một,xa,90\nx2,Xã Hai,xa,80\nx3,Xã Ba,xa,70\n"), 2, 1, 0, "ngoặc kép"),
            new("02-unclosed-quote-last-line.csv", Text(Head + "x1,Xã Một,xa,90\nx2,\"Xã Hai,xa,80"), 1, 1, 0, "ngoặc kép"),
            new("03-quote-spanning-rows.csv", Text(Head + "x1,\"Xã Một,xa,90\nx2,Xã Hai\",xa,80\nx3,Xã Ba,xa,70\n"), 2, 1, 0, "ngoặc kép"),
            new("04-repeated-header.csv", Text("code,name,level,tyLeHaiLong,tyLeHaiLong\nx1,A,xa,90,10\nx2,B,xa,80,10\n"), 0, 2, 0, "cũng là dữ liệu 'tyLeHaiLong'"),
            new("05-label-and-name.csv", Text("code,level,tyLeHaiLong,Mức độ hài lòng về giải quyết TTHC (%)\nx1,xa,90,91\n"), 0, 1, 0, "không biết dùng giá trị nào"),
            new("06-repeated-code-column.csv", Text("code,level,code\nx1,xa,x9\n"), 0, 1, 0, "cũng là dữ liệu 'code'"),
            new("07-ansi.csv", _ => Join(U(Head + "x1,X"), [0xE3, 0x20, 0x4D, 0xF4, 0x74], U(",xa,90\n")), 0, 1, 0, "không phải UTF-8"),
            new("08-utf16.csv", _ => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Head + "x1,Xã Một,xa,90\n")).ToArray(), 0, 0, 0, "UTF-16", Refused: true),
            new("09-lone-continuation-byte.csv", _ => Join(U(Head + "x1,A"), [0x80], U(",xa,90\nx2,B,xa,80\n")), 1, 1, 0, "không phải UTF-8"),
            new("10-overlong-cell.csv", Text(Head + $"x1,{big},xa,90\nx2,B,xa,80\n"), 1, 1, 0, "32.767"),
            new("11-1e30.csv", Text(Head + "x1,A,xa,1e30\n"), 1, 0, 1, "phạm vi"),
            new("12-nan.csv", Text(Head + "x1,A,xa,NaN\n"), 1, 0, 1, "phạm vi"),
            new("13-infinity.csv", Text(Head + "x1,A,xa,-Infinity\n"), 1, 0, 1, "phạm vi"),
            new("14-too-many-cells.csv", Text(Head + "x1,A,xa,90,thừa\n"), 0, 1, 0, "cột nhưng tiêu đề chỉ có"),
            new("15-too-few-cells.csv", Text(Head + "x1,A,xa\n"), 0, 1, 0, "thiếu từ cột"),
            new("16-no-code.csv", Text(Head + ",A,xa,90\n"), 0, 1, 0, "thiếu mã đơn vị"),
            new("17-nul-bytes.csv", _ => Join(U(Head + "x1,A"), [0x00, 0x00], U(",xa,90\n")), 1, 0, 0, null),
            new("18-only-header.csv", Text(Head), 0, 0, 0, null),
            new("19-empty.csv", Text(""), 0, 0, 0, null),
            new("20-cr-only-blank-lines.csv", Text(Head + "\r\n\r\nx1,A,xa,90\r\n \r\n"), 1, 0, 0, null),
            new("21-doubled-quotes.csv", Text(Head + "x1,\"Xã \"\"Một\"\"\",xa,90\n"), 1, 0, 0, null),
            new("22-quote-in-unquoted-cell.csv", Text(Head + "x1,Xã \"Một,xa,90\n"), 1, 0, 0, null),

            // JSON
            new("23-integer-10e40.json", Text("[{\"code\":\"x1\",\"level\":\"xa\",\"tyLeHaiLong\":10000000000000000000000000000000000000000},{\"code\":\"x2\",\"level\":\"xa\"}]"), 2, 0, 1, "phạm vi"),
            new("24-1e308.json", Text("[{\"code\":\"x1\",\"level\":\"xa\",\"tyLeHaiLong\":1e308},{\"code\":\"x2\",\"level\":\"xa\"}]"), 2, 0, 1, "phạm vi"),
            new("25-nan.json", Text("[{\"code\":\"x1\",\"level\":\"xa\",\"tyLeHaiLong\":NaN},{\"code\":\"x2\",\"level\":\"xa\"}]"), 2, 0, 1, "phạm vi"),
            new("26-minus-infinity.jsonl", Text("{\"code\":\"x1\",\"level\":\"xa\",\"tyLeHaiLong\":-Infinity}\n{\"code\":\"x2\",\"level\":\"xa\"}\n"), 2, 0, 1, "phạm vi"),
            new("27-huge-exponent.json", Text("{\"code\":\"x1\",\"level\":\"xa\",\"tyLeHaiLong\":1e99999999999}"), 1, 0, 1, "phạm vi"),
            new("28-hex.json", Text("{\"code\":\"x1\",\"level\":\"xa\",\"tyLeHaiLong\":0x1F}"), 1, 0, 1, "không phải số"),
            new("29-repeated-property.json", Text("{\"code\":\"x1\",\"level\":\"xa\",\"tyLeHaiLong\":90,\"tyLeHaiLong\":10}"), 0, 1, 0, "khác giá trị"),
            new("30-syntax-error-in-array.json", Text("[{\"code\":\"x1\",\"level\":\"xa\"},{\"code\":\"x2\" \"level\":\"xa\"}]"), 1, 1, 0, "dừng đọc tệp"),
            new("31-broken-line.jsonl", Text("{\"code\":\"x1\",\"level\":\"xa\"}\n{\"code\":\n{\"code\":\"x3\",\"level\":\"xa\"}\n"), 2, 1, 0, "JSON không hợp lệ"),
            new("32-ansi.json", _ => Join(U("[{\"code\":\"x1\",\"level\":\"xa\",\"name\":\"X"), [0xE3], U("\"}]")), 0, 1, 0, "UTF-8"),
            new("33-deep-nesting.json", Text("{\"code\":\"x1\",\"level\":\"xa\",\"tyLeHaiLong\":" + new string('[', 5000) + new string(']', 5000) + "}"), 0, 1, 0, "JSON không hợp lệ"),
            new("34-not-objects.json", Text("[1, \"x\", null, true]"), 0, 4, 0, "đối tượng JSON"),
            new("35-overlong-value.json", Text($"{{\"code\":\"x1\",\"level\":\"xa\",\"name\":\"{big}\"}}"), 0, 1, 0, "32.767"),
            new("36-object-as-value.json", Text("{\"code\":\"x1\",\"level\":\"xa\",\"tyLeHaiLong\":{\"a\":1}}"), 1, 0, 1, "không phải số"),
            new("37-empty.json", Text(""), 0, 0, 0, null),

            // XLSX
            new("38-1e30.xlsx", Xlsx(["code", "level", "tyLeHaiLong"], ["x1", "xa", 1e30], ["x2", "xa", 90]), 2, 0, 1, "phạm vi"),
            new("39-repeated-header.xlsx", Xlsx(["code", "level", "tyLeHaiLong", "tyLeHaiLong"], ["x1", "xa", 90, 10]), 0, 1, 0, "cũng là dữ liệu 'tyLeHaiLong'"),
            new("40-dtd.xlsx", XlsxRewritten(x => x.Replace("?>", "?><!DOCTYPE w [<!ENTITY a \"a\">]>", StringComparison.Ordinal)), 0, 0, 0, "DTD", Refused: true),
            new("41-overlong-cell.xlsx", XlsxRewritten(x => x.Replace(">xa<", $">{big}<", StringComparison.Ordinal)), 0, 0, 0, "32.767", Refused: true),
            new("42-broken-xml.xlsx", XlsxRewritten(x => x[..(x.Length / 2)]), 0, 0, 0, "Không đọc được tệp", Refused: true),
            new("43-not-a-zip.xlsx", Text("code,level\nx1,xa\n"), 0, 0, 0, "Không đọc được tệp", Refused: true),
        ];
        var data = new TheoryData<HostileFile>();
        foreach (var c in cases)
        {
            data.Add(c);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileFile_ProducesItsDiagnostic_NeverAnException(HostileFile hostile)
    {
        var path = Path.Combine(_temp.Root, hostile.File);
        if (hostile.Bytes(path) is { } bytes)
        {
            File.WriteAllBytes(path, bytes);
        }

        var reader = new UnitFileReader(Shipped.RuleSet);
        if (hostile.Refused)
        {
            var refusal = Assert.Throws<InvalidDataException>(() => reader.Read(path).ToList());
            Assert.Contains(hostile.Says!, refusal.Message, StringComparison.Ordinal);
            output.WriteLine($"{hostile.File}: refused — {refusal.Message}");
            return;
        }

        var results = reader.Read(path).ToList();
        var units = results.Select(r => r.Unit).OfType<UnitData>().ToList();
        var rejections = results.Select(r => r.Rejection).OfType<UnitRejection>().ToList();
        var invalid = new List<DataProblem>();
        foreach (var unit in units)
        {
            var card = await Shipped.Engine.ScoreAsync(unit);
            Assert.InRange(card.Points, 0, card.MaxPoints);
            invalid.AddRange(card.Problems.Where(p => p.Kind == DataProblemKind.Invalid));
        }

        output.WriteLine($"{hostile.File}: units {units.Count}, rejected {rejections.Count}, invalid values {invalid.Count}");
        foreach (var line in rejections.Select(r => r.ToString()).Concat(invalid.Select(p => $"{p.File}, dòng {p.Row}, {p.Input} = '{p.Value}': {p.Reason}")))
        {
            output.WriteLine("  " + (line.Length > 200 ? line[..200] + "…" : line));
        }

        Assert.Equal((hostile.Units, hostile.Rejections, hostile.Invalid), (units.Count, rejections.Count, invalid.Count));
        if (hostile.Says is { } says)
        {
            Assert.All(rejections, r => Assert.Contains(says, r.Reason, StringComparison.Ordinal));
            if (rejections.Count == 0)
            {
                Assert.Contains(says, invalid[0].Reason, StringComparison.Ordinal);
            }
        }
    }
}
