using System.Text;

namespace Cchc.Cli;

/// <summary>
/// Writes an output file all at once: into a temporary file beside it, then renamed over the target, so a crash
/// or Ctrl-C never leaves a half-written file where the old one was.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, bool byteOrderMark, Action<TextWriter> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(byteOrderMark)))
            {
                write(writer);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
