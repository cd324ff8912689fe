using System.Text;

namespace Cchc.Cli;

/// <summary>
/// Text from data or rule files made safe to print on a terminal: an escape sequence in a unit's name (ESC, the other
/// C0 and C1 controls, DEL, bidirectional overrides) could clear the screen, rewrite earlier lines or retitle the
/// window. Each such character is shown as a visible marker instead: C0 as its control picture (ESC → ␛), the
/// others as �. Line breaks (\n, and \r\n) pass.
/// </summary>
internal static class TerminalText
{
    public static bool IsUnsafe(char c)
        => (c < 0x20 && c != '\n') || c == 0x7F || (c >= 0x80 && c <= 0x9F)
           || c is '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069';

    public static char Marker(char c) => c < 0x20 ? (char)(0x2400 + c) : c == 0x7F ? '\u2421' : '\uFFFD';

    /// <summary>
    /// The text with every unsafe character replaced by its marker (the same string when there is none). A tab, harmless
    /// on a terminal, is kept with <paramref name="keepTabs"/> (messages) and marked otherwise (table cells, where it
    /// would break the columns).
    /// </summary>
    public static string Safe(string? text, bool keepTabs = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var first = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]) && !IsLineBreak(text, i) && !(keepTabs && text[i] == '\t'))
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            builder.Append(IsUnsafe(c) && !IsLineBreak(text, i) && !(keepTabs && c == '\t') ? Marker(c) : c);
        }

        return builder.ToString();
    }

    private static bool IsLineBreak(string text, int i) => text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n';
}

/// <summary>A writer for people (stderr, tables) that prints <see cref="TerminalText.Safe"/> text.</summary>
internal sealed class TerminalSafeWriter(TextWriter inner) : TextWriter(inner.FormatProvider)
{
    public TextWriter Inner { get; } = inner;

    public override Encoding Encoding => Inner.Encoding;

    public override string NewLine
    {
        get => Inner.NewLine;
#pragma warning disable CS8765 // Matches TextWriter.NewLine's own nullability.
        set => Inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value) => Inner.Write(TerminalText.IsUnsafe(value) && value is not '\r' and not '\t' ? TerminalText.Marker(value) : value);

    public override void Write(string? value) => Inner.Write(TerminalText.Safe(value, keepTabs: true));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Inner.WriteLine(TerminalText.Safe(value, keepTabs: true));

    public override void WriteLine() => Inner.WriteLine();

    public override void Flush() => Inner.Flush();

    public override Task FlushAsync() => Inner.FlushAsync();

    public override Task WriteAsync(string? value) => Inner.WriteAsync(TerminalText.Safe(value, keepTabs: true));

    public override Task WriteLineAsync(string? value) => Inner.WriteLineAsync(TerminalText.Safe(value, keepTabs: true));
}

/// <summary>
/// Stdout for data: written unchanged, but a failed write (a full disk, /dev/full, a closed pipe's device error)
/// becomes an <see cref="OutputProblemException"/> naming stdout, so the run reports it and exits 74 instead of success.
/// </summary>
internal sealed class CheckedWriter(TextWriter inner, string name) : TextWriter(inner.FormatProvider)
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void WriteLine() => Guard(inner.WriteLine);

    public override void Flush() => Guard(inner.Flush);

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            throw OutputProblemException.WriteFailed(name, e);
        }
    }
}
