namespace Cchc.Rules.Tests;

/// <summary>A throw-away copy of a shipped rule-set folder, to edit in a test; deleted on dispose.</summary>
internal sealed class RuleSetCopy : IDisposable
{
    public RuleSetCopy(string source)
    {
        Directory = Path.Combine(Path.GetTempPath(), "cchc-rules-tests", Guid.NewGuid().ToString("N"), Path.GetFileName(source));
        foreach (var file in System.IO.Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Directory, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Directory { get; }

    /// <summary>Rewrites one file of the copy.</summary>
    public void Edit(string relativePath, Func<string, string> edit)
    {
        var path = Path.Combine(Directory, relativePath);
        File.WriteAllText(path, edit(File.ReadAllText(path)));
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Path.GetDirectoryName(Directory)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
