using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

public class OutputFileTests
{
    [Theory]
    [InlineData("json")]
    [InlineData("table")]
    public async Task Score_WithOutputFile_WritesWhatItWouldPrintAndLeavesNoTemporaryFile(string format)
    {
        var folder = Directory.CreateTempSubdirectory("cchc-output-").FullName;
        try
        {
            var path = Path.Combine(folder, "ket-qua.txt");
            File.WriteAllText(path, "an older, longer file that must be replaced whole " + new string('x', 10_000));

            var toFile = await CchcTool.RunAsync("score", TestFiles.RuleSet, TestFiles.Sample("phu-quy.json"), "--format", format, "-o", path);
            var toConsole = await CchcTool.RunAsync("score", TestFiles.RuleSet, TestFiles.Sample("phu-quy.json"), "--format", format);

            Assert.True(toFile.ExitCode == 0, toFile.ToString());
            Assert.Equal("", toFile.Out);
            Assert.Equal(toConsole.Out, File.ReadAllText(path));
            Assert.Equal([path], Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Template_CsvOutputFile_StartsWithByteOrderMarkForSpreadsheets()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cchc-template-{Guid.NewGuid():N}.csv");
        try
        {
            var result = await CchcTool.RunAsync("template", TestFiles.RuleSet, "-o", path);

            Assert.True(result.ExitCode == 0, result.ToString());
            var bytes = File.ReadAllBytes(path);
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
            Assert.StartsWith("code,name,level,parent,", System.Text.Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
