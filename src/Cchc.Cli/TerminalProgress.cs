using System.Diagnostics;
using Cchc.Scoring;

namespace Cchc.Cli;

/// <summary>
/// A one-line progress bar on stderr, redrawn in place. Only used when stderr is a terminal: redirected output and
/// tests never see it.
/// </summary>
internal sealed class TerminalProgress(TextWriter error, int total) : IProgress<int>, IDisposable
{
    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -1000;

    /// <summary>Whether a bar may be drawn on <paramref name="error"/>: it is the console's, and not redirected.</summary>
    public static bool Available(TextWriter error) => ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;

    public void Report(int value)
    {
        // Redraw at most ten times a second; the last unit always draws so the bar ends full.
        if (value < total && _clock.ElapsedMilliseconds - _lastDraw < 100)
        {
            return;
        }

        _lastDraw = _clock.ElapsedMilliseconds;
        var done = total == 0 ? 1m : Math.Min(1m, (decimal)value / total);
        var filled = (int)(done * Width);
        error.Write($"\r[{new string('█', filled)}{new string('░', Width - filled)}] {VietnameseFormat.Number(done * 100, 0),3}%  {VietnameseFormat.Number(value, 0)}/{VietnameseFormat.Number(total, 0)} đơn vị ");
        error.Flush();
    }

    public void Dispose()
    {
        error.Write($"\r{new string(' ', Width + 40)}\r");
        error.Flush();
    }
}
