using System.Globalization;
using System.Text;
using Cchc.Scoring.Texts;

namespace Cchc.Scoring.Units;

/// <summary>One line of a text file: its 1-based number, its text, and why it could not be read as it is, if so.</summary>
/// <param name="Number">The line's number in the file.</param>
/// <param name="Text">The text (for a line that is not UTF-8, decoded leniently so that it can be shown).</param>
/// <param name="Problem">Why the line cannot be trusted (not UTF-8, too long), in Vietnamese; null when it can.</param>
internal readonly record struct RawLine(int Number, string Text, string? Problem);

/// <summary>
/// Reads a file line by line as strict UTF-8, in bounded memory: a line with bytes that are not UTF-8 (a file saved as
/// ANSI / Windows-1258) or longer than <see cref="MaxLineBytes"/> is returned with a problem, never read as U+FFFD nor
/// held whole. A UTF-8 byte-order mark is skipped; line breaks are LF or CRLF.
/// </summary>
internal sealed class Utf8LineReader : IDisposable
{
    /// <summary>The longest line read whole: 4 MiB (a row of 100 columns of Excel's longest cells fits).</summary>
    public const int MaxLineBytes = 4 << 20;

    private static readonly UTF8Encoding Lenient = new(false, false);
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly MemoryStream _line = new();
    private int _position;
    private int _length;
    private int _number;
    private bool _eof;

    public Utf8LineReader(string path) => _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);

    /// <summary>Whether the file starts with a UTF-16 or UTF-32 byte-order mark (then no line is UTF-8).</summary>
    public bool IsUtf16 { get; private set; }

    public bool TryRead(out RawLine line)
    {
        _line.SetLength(0);
        var tooLong = false;
        var any = false;
        while (true)
        {
            if (_position >= _length)
            {
                if (_eof || !FillBuffer())
                {
                    break;
                }
            }

            any = true;
            var span = _buffer.AsSpan(_position, _length - _position);
            var newline = span.IndexOf((byte)'\n');
            var take = newline >= 0 ? newline : span.Length;
            if (!tooLong && _line.Length + take <= MaxLineBytes)
            {
                _line.Write(span[..take]);
            }
            else
            {
                tooLong = true;
            }

            _position += newline >= 0 ? newline + 1 : take;
            if (newline >= 0)
            {
                return Make(tooLong, out line);
            }
        }

        if (!any)
        {
            line = default;
            return false;
        }

        return Make(tooLong, out line);
    }

    private bool Make(bool tooLong, out RawLine line)
    {
        _number++;
        var bytes = _line.GetBuffer().AsSpan(0, (int)_line.Length);
        if (bytes.Length > 0 && bytes[^1] == '\r')
        {
            bytes = bytes[..^1];
        }

        if (tooLong)
        {
            var head = Lenient.GetString(bytes[..Math.Min(bytes.Length, 200)]);
            line = new RawLine(_number, head, FileText.Format(nameof(FileStrings.Line_TooLong), MaxLineBytes / (1 << 20)));
            return true;
        }

        if (IsUtf16)
        {
            line = new RawLine(_number, Lenient.GetString(bytes[..Math.Min(bytes.Length, 200)]), FileText.Get(nameof(FileStrings.Line_Utf16)));
            return true;
        }

        try
        {
            line = new RawLine(_number, UnitFileReader.StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 && e.BytesUnknown is { Length: > 0 } unknown ? FileText.Format(nameof(FileStrings.Line_ByteAt), unknown[0].ToString("X2", CultureInfo.InvariantCulture), e.Index + 1) : "";
            line = new RawLine(_number, Lenient.GetString(bytes), FileText.Format(nameof(FileStrings.Line_NotUtf8), at));
        }

        return true;
    }

    private bool FillBuffer()
    {
        var first = _number == 0 && _line.Length == 0 && _length == 0;
        _length = _stream.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        if (_length == 0)
        {
            _eof = true;
            return false;
        }

        if (first)
        {
            var head = _buffer.AsSpan(0, _length);
            if (head.StartsWith("\uFEFF"u8))
            {
                _position = 3;
            }
            else if (head.StartsWith([(byte)0xFF, (byte)0xFE]) || head.StartsWith([(byte)0xFE, (byte)0xFF]))
            {
                IsUtf16 = true;
            }
        }

        return true;
    }

    public void Dispose()
    {
        _stream.Dispose();
        _line.Dispose();
    }
}
