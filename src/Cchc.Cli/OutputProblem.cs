namespace Cchc.Cli;

/// <summary>
/// An output that cannot or must not be written: refused before writing (exit 64, <see cref="ExitCodes.UsageError"/>)
/// or failed while writing (exit 74, <see cref="ExitCodes.IoError"/>). The top-level handler prints its message, one
/// line in the chosen language naming the path, and exits with its code; never a stack trace.
/// </summary>
internal sealed class OutputProblemException(string message, int exitCode, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>A write to <paramref name="path"/> failed (disk full, device gone, permission).</summary>
    public static OutputProblemException WriteFailed(string path, Exception inner)
        => new(CliLanguage.Format(Strings.Output_WriteFailed, path, FirstLine(inner.Message)), ExitCodes.IoError, inner);

    internal static string FirstLine(string text)
    {
        var line = text.ReplaceLineEndings("\n").Split('\n')[0].Trim();
        return line.EndsWith('.') ? line : line + ".";
    }
}

/// <summary>Checks made on an output path before anything is read or written.</summary>
internal static class OutputTarget
{
    /// <summary>
    /// Why <paramref name="output"/> must not be written, or null: it is an input (the run would destroy its own data),
    /// a folder, a device or other special file, or its folder does not exist.
    /// </summary>
    public static string? Problem(string output, IEnumerable<string> inputs)
    {
        var full = Path.GetFullPath(output);
        foreach (var input in inputs)
        {
            if (SameFile(full, Path.GetFullPath(input)))
            {
                return CliLanguage.Format(Strings.Output_IsAnInput, output, input);
            }
        }

        return KindProblem(output, full);
    }

    /// <summary>The checks that need no inputs: a folder, a device or special file, a folder that does not exist.</summary>
    public static string? KindProblem(string output, string full)
    {
        if (Directory.Exists(full))
        {
            return CliLanguage.Format(Strings.Output_IsAFolder, output, Path.Combine(output, "ket-qua.csv"));
        }

        var info = new FileInfo(full);
        if (info.Exists && !IsRegularFile(info))
        {
            return CliLanguage.Format(Strings.Output_NotRegular, output);
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            return CliLanguage.Format(Strings.Output_NoFolder, Path.GetDirectoryName(output), output);
        }

        return null;
    }

    /// <summary>
    /// <see cref="Problem"/>, and then a probe: a file is created (and deleted) beside <paramref name="output"/>, so that a
    /// folder one may not write to is refused before a long run rather than after it.
    /// </summary>
    public static string? ProblemOrUnwritable(string output, IEnumerable<string> inputs)
    {
        if (Problem(output, inputs) is { } problem)
        {
            return problem;
        }

        var full = Path.GetFullPath(output);
        var probe = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.probe");
        try
        {
            using var _ = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CannotCreate(output, e).Message;
        }
    }

    /// <summary>The file (or its temporary beside it) could not be created: a folder without write permission, a read-only or special file system.</summary>
    public static OutputProblemException CannotCreate(string output, Exception inner)
        => new(CliLanguage.Format(inner is UnauthorizedAccessException ? Strings.Output_CannotCreateNoPermission : Strings.Output_CannotCreate, output), ExitCodes.UsageError, inner);

    private static bool IsRegularFile(FileInfo info)
    {
        // A link is judged by what it points to.
        var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
        if (!target.Exists)
        {
            return true;
        }

        if (OperatingSystem.IsWindows())
        {
            return (target.Attributes & FileAttributes.Device) == 0;
        }

        // On Unix a device, FIFO or socket has no regular size semantics: .NET reports them without Normal/Archive,
        // and /dev/* nodes are the common case. UnixFileMode cannot tell the type, so ask the file system through stat.
        return UnixFileType.IsRegular(target.FullName);
    }

    private static bool SameFile(string a, string b)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (string.Equals(a, b, comparison))
        {
            return true;
        }

        return File.Exists(a) && File.Exists(b) && string.Equals(Resolve(a), Resolve(b), comparison);
    }

    private static string Resolve(string path)
    {
        var info = new FileInfo(path);
        var target = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
        var resolved = target?.FullName ?? path;
        var folder = Path.GetDirectoryName(resolved);
        if (folder is not null)
        {
            var folderInfo = new DirectoryInfo(folder);
            if (folderInfo.LinkTarget is not null && folderInfo.ResolveLinkTarget(returnFinalTarget: true) is { } realFolder)
            {
                resolved = Path.Combine(realFolder.FullName, Path.GetFileName(resolved));
            }
        }

        return Path.GetFullPath(resolved);
    }
}
