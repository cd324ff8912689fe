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
        if (OutputTarget.KindProblem(path, full) is { } problem)
        {
            // A folder, a device (/dev/full, /dev/null) or a FIFO would be replaced by a regular file, or fail half-way.
            throw new OutputProblemException(problem, ExitCodes.UsageError);
        }

        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        FileStream created;
        try
        {
            created = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputTarget.CannotCreate(path, e);
        }

        try
        {
            using (var stream = created)
            {
                write(stream);

                // Flushed to the disk here, inside the try: a full disk is an error now, not a truncated file later.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw e is UnauthorizedAccessException
                ? OutputTarget.CannotCreate(path, e)
                : OutputProblemException.WriteFailed(path, new IOException(e.Message.Replace(temporary, full, StringComparison.Ordinal), e));
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
