using System.Text;

namespace Cchc.Cli;

/// <summary>
/// Writes an output file all at once: into a temporary file beside it, then renamed over the target, so a crash
/// or Ctrl-C never leaves a half-written file where the old one was.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, bool byteOrderMark, Action<TextWriter> write)
        => WriteBytes(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(byteOrderMark), 1 << 16, leaveOpen: true);
            write(writer);
        });

    /// <summary>The same for binary content (XLSX); an exception or cancellation inside <paramref name="write"/> leaves no file.</summary>
    public static void WriteBytes(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
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
