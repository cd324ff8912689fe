using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Cchc.Cli.Tests.Support;
using MiniExcelLibs;

namespace Cchc.Cli.Tests;

/// <summary>
/// Issue 10, outputs and signals: an output never destroys an input or lies about being written, a spreadsheet never
/// runs a formula from data, the terminal never runs an escape sequence from data, and a signal stops a long run.
/// </summary>
public sealed class HardenedOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _ruleSet;

    public HardenedOutputTests() => _ruleSet = RankRuleSet.Write(_folder);

    public void Dispose() => _folder.Dispose();

    private static void AssertOneLineNoStackTrace(CliResult result)
    {
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_OutputIsTheInput_RefusedExit64AndTheInputUntouched()
    {
        var data = _folder.Write("xa.csv", RankRuleSet.BadRowsCsv);
        var before = File.ReadAllBytes(data);

        var result = await CchcTool.RunAsync("rank", _ruleSet, data, "-o", data);

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("không ghi đè lên dữ liệu đầu vào", result.Error, StringComparison.Ordinal);
        Assert.Contains(data, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(data));
        AssertOneLineNoStackTrace(result);
    }

    [Fact]
    public async Task Rank_OutputIsTheInputThroughAnotherPathOrALink_Refused()
    {
        var data = _folder.Write("xa.csv", RankRuleSet.BadRowsCsv);
        var before = File.ReadAllBytes(data);
        var roundabout = Path.Combine(_folder.Path, "sub", "..", "xa.csv");
        Directory.CreateDirectory(Path.Combine(_folder.Path, "sub"));

        var viaDots = await CchcTool.RunAsync("rank", _ruleSet, data, "-o", roundabout);
        Assert.Equal(64, viaDots.ExitCode);

        if (!OperatingSystem.IsWindows())
        {
            var link = _folder.File("lien-ket.csv");
            File.CreateSymbolicLink(link, data);
            var viaLink = await CchcTool.RunAsync("rank", _ruleSet, data, "-o", link);
            Assert.Equal(64, viaLink.ExitCode);
        }

        Assert.Equal(before, File.ReadAllBytes(data));
    }

    [Fact]
    public async Task Rank_ErrorsFileWouldBeTheInput_Refused()
    {
        // -o r.csv writes r.errors.csv beside it: that one must not be an input either.
        var data = _folder.Write("r.errors.csv", RankRuleSet.BadRowsCsv);
        var before = File.ReadAllBytes(data);

        var result = await CchcTool.RunAsync("rank", _ruleSet, data, "-o", _folder.File("r.csv"));

        Assert.Equal(64, result.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(data));
        Assert.False(File.Exists(_folder.File("r.csv")));
    }

    [Fact]
    public async Task Rank_OutputIsAFolder_ClearErrorExit64()
    {
        var data = _folder.Write("xa.csv", RankRuleSet.BadRowsCsv);

        var result = await CchcTool.RunAsync("rank", _ruleSet, data, "-o", _folder.Path, "--format", "csv");

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("là một thư mục", result.Error, StringComparison.Ordinal);
        AssertOneLineNoStackTrace(result);
    }

    [Theory]
    [InlineData("/dev/full")]
    [InlineData("/dev/null")]
    public async Task Rank_OutputIsADevice_RefusedAndTheDeviceKept(string device)
    {
        if (!File.Exists(device))
        {
            return;
        }

        var data = _folder.Write("xa.csv", RankRuleSet.BadRowsCsv);

        var result = await CchcTool.RunAsync("rank", _ruleSet, data, "-o", device, "--format", "csv");

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("không phải tệp thông thường", result.Error, StringComparison.Ordinal);
        Assert.True(new FileInfo(device).Exists);
        Assert.False(UnixFileType.IsRegular(device), "the device node was not replaced by a regular file");
        AssertOneLineNoStackTrace(result);
    }

    [Fact]
    public async Task Template_OutputIsAFifo_Refused()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fifo = _folder.File("ong.csv");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
        }

        var result = await CchcTool.RunAsync("template", TestFiles.RuleSet, "-o", fifo);

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("không phải tệp thông thường", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/proc/cchc-khong-ghi-duoc.csv")]
    [InlineData("/khong-co-thu-muc-nay/xa.csv")]
    public async Task Rank_OutputWhereNoFileCanBeCreated_ClearErrorExit64BeforeRanking(string output)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var data = _folder.Write("xa.csv", RankRuleSet.BadRowsCsv);

        var result = await CchcTool.RunAsync("rank", _ruleSet, data, "-o", output);

        Assert.Equal(64, result.ExitCode);
        Assert.Contains(output.Split('/')[1], result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("scored", result.Error, StringComparison.Ordinal);
        AssertOneLineNoStackTrace(result);
    }

    [Fact]
    public async Task Stdout_WriteFails_OneLineErrorExit74NotSuccess()
    {
        using var failing = new FailingWriter();
        using var error = new StringWriter();

        var exit = await Program.RunAsync(["schema", "ruleset"], new CheckedWriter(failing, "đầu ra chuẩn (stdout)"), error);

        Assert.Equal(74, exit);
        var text = error.ToString();
        Assert.Contains("Không ghi được 'đầu ra chuẩn (stdout)'", text, StringComparison.Ordinal);
        Assert.Single(text.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Process_StdoutIsDevFull_ReportsFailureExit74()
    {
        if (!File.Exists("/dev/full"))
        {
            return;
        }

        var (exit, _, error) = await CchcProcess.RunAsync(["schema", "ruleset"], stdoutFile: "/dev/full");

        Assert.Equal(74, exit);
        Assert.Contains("No space left on device", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(IOException), 74)]
    [InlineData(typeof(UnauthorizedAccessException), 64)]
    [InlineData(typeof(FileNotFoundException), 64)]
    [InlineData(typeof(System.Xml.XmlException), 64)]
    [InlineData(typeof(InvalidCastException), 70)]
    public void TopLevelHandler_MapsEveryEscapedExceptionToOneVietnameseLine(Type type, int exitCode)
    {
        var exception = (Exception)Activator.CreateInstance(type, "Access to the path '/tmp/x/ket-qua.csv' is denied.")!;

        var handled = Program.Handled(exception, ["rank", "bo", "du-lieu.xlsx"]);

        Assert.NotNull(handled);
        Assert.Equal(exitCode, handled.Value.ExitCode);
        Assert.DoesNotContain('\n', handled.Value.Message);
        Assert.True(handled.Value.Message.Contains("/tmp/x/ket-qua.csv", StringComparison.Ordinal) || handled.Value.Message.Contains("du-lieu.xlsx", StringComparison.Ordinal) || type == typeof(InvalidCastException), handled.Value.Message);
    }

    [Fact]
    public async Task Rank_XlsxWithADtd_OneLineErrorNoStackTrace()
    {
        var data = _folder.Write("xa.csv", RankRuleSet.BadRowsCsv);
        var xlsx = _folder.File("dtd.xlsx");
        var ok = await CchcTool.RunAsync("rank", _ruleSet, data, "-o", xlsx);
        Assert.True(ok.ExitCode is 0 or 2, ok.ToString());
        using (var zip = ZipFile.Open(xlsx, ZipArchiveMode.Update))
        {
            var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string text;
            using (var reader = new StreamReader(sheet.Open()))
            {
                text = reader.ReadToEnd();
            }

            sheet.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(text.Replace("?>", "?><!DOCTYPE x [ <!ENTITY a \"aaaaaaaaaa\"> ]>", StringComparison.Ordinal));
        }

        var result = await CchcTool.RunAsync("rank", _ruleSet, xlsx);

        Assert.NotEqual(0, result.ExitCode);
        AssertOneLineNoStackTrace(result);
    }

    [Fact]
    public async Task Rank_CsvOutputs_FormulaLeadingTextIsNeutralisedNumbersStayNumbers()
    {
        var data = _folder.Write("xa.csv", string.Join("\n",
            RankRuleSet.Header,
            "\"=HYPERLINK(\"\"http://x\"\")\",\"=HYPERLINK(\"\"http://evil\"\")\",xa,@SUM(1),5,5,5",
            "+cmd|' /C calc'!A0,Xã hai,xa,p,6,6,6",
            "ma3,-2+3,xa,p,4,4,4",
            "ma4,\"\tTab\",xa,p,7,7,7",
            "ma5,Xã năm,xa,p,=1+1,4,4"));
        var output = _folder.File("r.csv");

        var result = await CchcTool.RunAsync("rank", _ruleSet, data, "-o", output);

        Assert.True(result.ExitCode is 0 or 2, result.ToString());
        var ranking = File.ReadAllText(output);
        var errors = File.ReadAllText(_folder.File("r.errors.csv"));
        foreach (var text in new[] { ranking, errors })
        {
            foreach (var field in text.Split('\n').Skip(1).Where(l => l.Length > 0).SelectMany(l => Csv.SplitRecord(l.TrimEnd('\r'))))
            {
                Assert.False(field.Length > 0 && field[0] is '=' or '+' or '@' or '\t' or '\r', $"a cell starts a formula: {field}");
                Assert.False(field.StartsWith('-') && !decimal.TryParse(field, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _), $"a text cell starts with '-': {field}");
            }
        }

        Assert.Contains("'=HYPERLINK(\"\"http://evil\"\")", ranking, StringComparison.Ordinal);
        Assert.Contains("'+cmd|' /C calc'!A0", ranking, StringComparison.Ordinal);
        Assert.Contains("'@SUM(1)", ranking, StringComparison.Ordinal);
        Assert.Contains("'-2+3", ranking, StringComparison.Ordinal);
        Assert.Contains("'=1+1", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_Xlsx_UnitCodeShapedLikeARelationshipIdSurvives()
    {
        const string code = "R0123456789abcdef0123456789abcdef";
        var data = _folder.Write("xa.csv", string.Join("\n", RankRuleSet.Header, $"{code},Xã {code},xa,p,5,5,5", "ma2,Xã hai,xa,p,6,6,6"));
        var output = _folder.File("r.xlsx");

        var result = await CchcTool.RunAsync("rank", _ruleSet, data, "-o", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = MiniExcel.Query(output, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => r.Values.Any(v => Equals(v, code)));
        Assert.Contains(rows, r => r.Values.Any(v => Equals(v, $"Xã {code}")));

        // Still deterministic: the same ranking twice gives the same bytes.
        var again = _folder.File("r2.xlsx");
        await CchcTool.RunAsync("rank", _ruleSet, data, "-o", again);
        Assert.Equal(File.ReadAllBytes(output), File.ReadAllBytes(again));
    }

    [Fact]
    public async Task Rank_NamesWithEscapeSequences_NeverReachTheTerminalRaw()
    {
        var data = _folder.Write("xa.csv", string.Join("\n",
            RankRuleSet.Header,
            "ma1,\u001b[2J\u001b]0;owned\u0007Xã một\u009b31m,xa,p,5,5,5",
            "ma2,Xã\u202ehai,xa,p,abc\u001b[31m,6,6"));

        var table = await CchcTool.RunAsync("rank", _ruleSet, data);

        Assert.Equal(2, table.ExitCode);
        foreach (var text in new[] { table.Out, table.Error })
        {
            Assert.DoesNotContain('\u001b', text);
            Assert.DoesNotContain('\u0007', text);
            Assert.DoesNotContain('\u009b', text);
            Assert.DoesNotContain('\u202e', text);
        }

        Assert.Contains("␛[2J␛]0;owned␇Xã một", table.Out, StringComparison.Ordinal);
        Assert.Contains("abc␛[31m", table.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TerminalText_KeepsLineBreaksAndVietnameseAndMarksControls()
    {
        Assert.Equal("Xã Phú Quý\nhai\r\nba", TerminalText.Safe("Xã Phú Quý\nhai\r\nba"));
        Assert.Equal("a␍b␉c␀\uFFFD\u2421", TerminalText.Safe("a\rb\tc\0\u0085\u007f"));
    }

    [Fact]
    public async Task Process_SigtermWhileRejectedRowsAreRead_StopsPromptlyExit130NoOutput()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // 300,000 rows that are all rejected (a level that does not exist): reading them takes many seconds, and none
        // is handed to the scoring loop, which is where cancellation used to be checked.
        var data = _folder.File("nhieu.csv");
        using (var writer = new StreamWriter(data, false, new UTF8Encoding(false)))
        {
            writer.WriteLine(RankRuleSet.Header);
            for (var i = 0; i < 300_000; i++)
            {
                writer.Write("ma");
                writer.Write(i);
                writer.WriteLine(",Xã,khong-phai-cap,p,5,5,5");
            }
        }

        var output = _folder.File("r.csv");
        var (exit, _, error, afterSignal) = await CchcProcess.RunAndSignalAsync(["rank", _ruleSet, data, "-o", output], data, signalAfter: TimeSpan.FromSeconds(1));

        Assert.True(exit == 130, $"exit {exit}: {error}");
        // Within a second on an idle machine; the bound leaves room for a test run sharing two cores.
        Assert.True(afterSignal < TimeSpan.FromSeconds(2.5), $"took {afterSignal.TotalSeconds:0.0} s after SIGTERM");
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(_folder.File("r.errors.csv")));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp"));
    }

    private sealed class FailingWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("No space left on device");
    }
}
