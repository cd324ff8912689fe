using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

/// <summary>
/// Vietnamese first, English on request (--lang en or CCHC_LANG=en), and never the machine's language: the same
/// command prints the same bytes under any LANG.
/// </summary>
public sealed class LanguageTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Help_ByDefault_IsVietnamese()
    {
        var result = await CchcTool.RunAsync("--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Cách dùng:", result.OutLines);
        Assert.Contains("Tùy chọn:", result.OutLines);
        Assert.Contains("Lệnh:", result.OutLines);
        Assert.Contains("chấm điểm đơn vị hành chính Việt Nam", result.Out, StringComparison.Ordinal);
        Assert.Contains("Kiểm tra một bộ tiêu chí", result.Out, StringComparison.Ordinal);
        Assert.Contains("Hiện trợ giúp và cách dùng.", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Validate a rule set", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_OfACommand_ByDefault_IsVietnameseAndWithLangEn_IsEnglish()
    {
        var vietnamese = await CchcTool.RunAsync("rank", "--help");
        var english = await CchcTool.RunAsync("rank", "--help", "--lang", "en");

        Assert.Contains("Đối số:", vietnamese.OutLines);
        Assert.Contains("Xếp hạng thêm trong từng đơn vị cấp trên", vietnamese.Out, StringComparison.Ordinal);
        Assert.Contains("Arguments:", english.OutLines);
        Assert.Contains("Usage:", english.OutLines);
        Assert.Contains("Also rank within each parent unit: none or parent.", english.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Xếp hạng thêm", english.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_WithLangEnBeforeTheCommand_IsEnglish()
    {
        var result = await CchcTool.RunAsync("--lang=en", "--help");

        Assert.Contains("Usage:", result.OutLines);
        Assert.Contains("score Vietnamese administrative units", result.Out, StringComparison.Ordinal);
        Assert.Contains("Show help and usage information.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_RuleSetNotFound_InBothLanguages_KeepsTheExitCode()
    {
        var vietnamese = await CchcTool.RunAsync("check", "khong-co-bo-nay");
        var english = await CchcTool.RunAsync("check", "khong-co-bo-nay", "--lang", "en");

        Assert.Equal(64, vietnamese.ExitCode);
        Assert.Equal(64, english.ExitCode);
        Assert.Equal(["Không tìm thấy bộ tiêu chí 'khong-co-bo-nay': đây không phải một thư mục, cũng không phải mã (id) của bộ tiêu chí có sẵn."], vietnamese.ErrorLines);
        Assert.Equal(["Rule set 'khong-co-bo-nay' not found: it is neither a folder nor the id of a shipped rule set."], english.ErrorLines);
    }

    [Fact]
    public async Task Check_InEnglish_KeepsTheToolReadableTokens()
    {
        var english = await CchcTool.RunAsync("check", TestFiles.RuleSet, "--lang", "en");

        Assert.True(english.ExitCode == 0, english.ToString());
        Assert.StartsWith($"OK {TestFiles.RuleSetId} ", english.OutLines[0], StringComparison.Ordinal);
        Assert.Contains(" criteria in ", english.OutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataProblem_FromTheLibrary_InBothLanguages()
    {
        // The reason a value is refused comes from the library's resources (Cchc.Scoring ScoringStrings), in the
        // language the tool was asked for; the summary line stays the same tool-readable words in both.
        var unit = TestFiles.ReadJson(TestFiles.Sample("xa-tam-thanh.json")).AsObject();
        unit["cbcc"] = "abc";
        var data = _folder.File("bad.json");
        TestFiles.WriteJson(data, unit);

        var vietnamese = await CchcTool.RunAsync("score", TestFiles.RuleSet, data, "--format", "json");
        var english = await CchcTool.RunAsync("score", TestFiles.RuleSet, data, "--format", "json", "--lang", "en");

        Assert.Equal(2, vietnamese.ExitCode);
        Assert.Equal(2, english.ExitCode);
        Assert.Contains(vietnamese.ErrorLines, l => l.StartsWith("Bị loại: ", StringComparison.Ordinal) && l.EndsWith("cột cbcc = 'abc': không phải số", StringComparison.Ordinal));
        Assert.Contains(english.ErrorLines, l => l.StartsWith("Rejected: ", StringComparison.Ordinal) && l.EndsWith("cbcc = 'abc': is not a number", StringComparison.Ordinal));
        Assert.StartsWith("scored 0, rejected 1, total 1", vietnamese.ErrorLines[^1], StringComparison.Ordinal);
        Assert.StartsWith("scored 0, rejected 1, total 1", english.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutputRefusal_InBothLanguages()
    {
        var data = _folder.File("du-lieu.json");
        TestFiles.WriteJson(data, TestFiles.ReadJson(TestFiles.Sample("xa-tam-thanh.json")));

        var vietnamese = await CchcTool.RunAsync("rank", TestFiles.RuleSet, data, "-o", _folder.Path, "--format", "csv");
        var english = await CchcTool.RunAsync("rank", TestFiles.RuleSet, data, "-o", _folder.Path, "--format", "csv", "--lang", "en");

        Assert.Equal(64, vietnamese.ExitCode);
        Assert.Equal(64, english.ExitCode);
        Assert.Contains(vietnamese.ErrorLines, l => l.Contains("là một thư mục, không phải tệp", StringComparison.Ordinal));
        Assert.Contains(english.ErrorLines, l => l.Contains("is a folder, not a file: give -o a file name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LangOption_UnknownValue_IsAUsageError()
    {
        var result = await CchcTool.RunAsync("check", TestFiles.RuleSet, "--lang", "fr");

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("Chạy 'cchc --help' để xem cách dùng.", result.ErrorLines);
    }

    [Fact]
    public void Language_FromArgsAndEnvironment_OptionWinsAndDefaultIsVietnamese()
    {
        Assert.Equal("vi", CliLanguage.From([], null));
        Assert.Equal("vi", CliLanguage.From([], "de_DE.UTF-8"));
        Assert.Equal("en", CliLanguage.From([], "en"));
        Assert.Equal("en", CliLanguage.From([], "EN"));
        Assert.Equal("vi", CliLanguage.From(["--lang", "vi"], "en"));
        Assert.Equal("en", CliLanguage.From(["check", "x", "--lang:en"], "vi"));
        Assert.Equal("vi", CliLanguage.From(["--", "--lang", "en"], null));
    }

    [Fact]
    public async Task CchcLangEnvironment_InAProcess_GivesEnglishHelpAndMessages()
    {
        var english = await CchcProcess.RunAsync(["check", "--help"], environment: new Dictionary<string, string> { ["CCHC_LANG"] = "en" });
        var overridden = await CchcProcess.RunAsync(["check", "--help", "--lang", "vi"], environment: new Dictionary<string, string> { ["CCHC_LANG"] = "en" });

        Assert.True(english.Exit == 0, english.Error);
        Assert.Contains("Validate a rule set", english.Out, StringComparison.Ordinal);
        Assert.Contains("Usage:", english.Out, StringComparison.Ordinal);
        Assert.Contains("Kiểm tra một bộ tiêu chí", overridden.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outputs_UnderDifferentLangSettings_AreTheSameBytes()
    {
        // CI runs under several LANG settings; neither the help (System.CommandLine has German, French… texts of its
        // own) nor a message may follow the machine's language.
        var unit = TestFiles.ReadJson(TestFiles.Sample("xa-tam-thanh.json")).AsObject();
        unit["cbcc"] = "abc";
        var data = _folder.File("bad.json");
        TestFiles.WriteJson(data, unit);
        string[][] commands = [["--help"], ["score", "--help"], ["score", TestFiles.RuleSet, data, "--format", "json"], ["check", "--lang", "en"]];
        string[] langs = ["C.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8", "en_US.UTF-8", "vi_VN.UTF-8"];

        foreach (var command in commands)
        {
            (int, string, string)? first = null;
            foreach (var lang in langs)
            {
                var run = await CchcProcess.RunAsync(command, environment: new Dictionary<string, string> { ["LANG"] = lang, ["LC_ALL"] = lang, ["LANGUAGE"] = lang });
                first ??= run;
                Assert.True(first == run, $"{string.Join(' ', command)} under LANG={lang} differs:\n{run.Out}\n{run.Error}\n--- first ---\n{first.Value.Item2}\n{first.Value.Item3}");
            }
        }
    }
}
