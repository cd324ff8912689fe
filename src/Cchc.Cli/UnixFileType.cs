using System.Runtime.InteropServices;

namespace Cchc.Cli;

/// <summary>
/// Whether a path is a regular file, on Unix, where .NET reports a device (/dev/full), a FIFO or a socket as a
/// "Normal" file. Asks <c>stat(2)</c> for the file type bits; where the layout of <c>struct stat</c> is not known, or
/// the call is unavailable, the answer is "regular" and the write itself reports any failure.
/// </summary>
internal static class UnixFileType
{
    private const uint TypeMask = 0xF000;
    private const uint Regular = 0x8000;

    public static bool IsRegular(string path)
    {
        var offset = ModeOffset();
        if (offset < 0)
        {
            return true;
        }

        try
        {
            var buffer = new byte[256];
            if (Stat(path, buffer) != 0)
            {
                return true;
            }

            var mode = OperatingSystem.IsMacOS() ? BitConverter.ToUInt16(buffer, offset) : BitConverter.ToUInt32(buffer, offset);
            return (mode & TypeMask) == Regular;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or MarshalDirectiveException)
        {
            return true;
        }
    }

    /// <summary>Where st_mode lies in struct stat: Linux x64 after dev, ino and nlink; Linux arm64 (generic) after dev and ino; macOS after a 32-bit dev.</summary>
    private static int ModeOffset() => RuntimeInformation.ProcessArchitecture switch
    {
        _ when OperatingSystem.IsMacOS() => 4,
        Architecture.X64 when OperatingSystem.IsLinux() => 24,
        Architecture.Arm64 when OperatingSystem.IsLinux() => 16,
        _ => -1,
    };

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in the tool for this one call.
    [DllImport("libc", EntryPoint = "stat", BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buffer);
#pragma warning restore SYSLIB1054
}
