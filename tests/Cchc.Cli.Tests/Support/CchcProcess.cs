using System.Diagnostics;

namespace Cchc.Cli.Tests.Support;

/// <summary>Runs the built <c>cchc</c> in its own process: for what an in-process run cannot show (signals, real stdout, environment).</summary>
internal static class CchcProcess
{
    private static string Tool => Path.Combine(AppContext.BaseDirectory, "cchc.dll");

    private static ProcessStartInfo Start(IEnumerable<string> args, string? stdoutFile, IDictionary<string, string>? environment)
    {
        ProcessStartInfo info;
        if (stdoutFile is null)
        {
            info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
            info.ArgumentList.Add(Tool);
        }
        else
        {
            // The shell points stdout at the file (e.g. /dev/full) before the tool starts.
            info = new ProcessStartInfo("/bin/sh");
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("exec dotnet \"$0\" \"$@\" > \"$CCHC_TEST_STDOUT\"");
            info.ArgumentList.Add(Tool);
            info.Environment["CCHC_TEST_STDOUT"] = stdoutFile;
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    public static async Task<(int Exit, string Out, string Error)> RunAsync(IEnumerable<string> args, string? stdoutFile = null, IDictionary<string, string>? environment = null)
    {
        using var process = Process.Start(Start(args, stdoutFile, environment))!;
        var output = stdoutFile is null ? process.StandardOutput.ReadToEndAsync() : Task.FromResult("");
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Starts the tool, sends SIGTERM (by its process id) <paramref name="signalAfter"/> after it has opened
    /// <paramref name="openedFile"/> (seen in /proc on Linux; elsewhere after the delay alone), and measures how long it
    /// takes to exit: on a busy machine the start-up alone can take seconds, and a signal before the handler is
    /// registered would just kill the process.
    /// </summary>
    public static async Task<(int Exit, string Out, string Error, TimeSpan AfterSignal)> RunAndSignalAsync(IEnumerable<string> args, string openedFile, TimeSpan signalAfter)
    {
        using var process = Process.Start(Start(args, null, null))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var fds = $"/proc/{process.Id}/fd";
        var waited = Stopwatch.StartNew();
        while (Directory.Exists(fds) && !process.HasExited && waited.Elapsed < TimeSpan.FromSeconds(60) && !Opened(fds, openedFile))
        {
            await Task.Delay(50);
        }

        await Task.Delay(signalAfter);
        Assert.False(process.HasExited, "the run ended before the signal: make the input longer");
        var watch = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var afterSignal = watch.Elapsed;
        return (process.ExitCode, await output, await error, afterSignal);
    }

    private static bool Opened(string fds, string file)
    {
        try
        {
            return Directory.GetFiles(fds).Any(fd => new FileInfo(fd).LinkTarget == file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
