using System.Globalization;
using System.Text;

namespace Cchc.Scoring.Units;

/// <summary>
/// A text filter in front of the JSON reader that turns every number literal the engine cannot hold — beyond the
/// decimal range (<c>1e308</c>, <c>1e40</c>), <c>NaN</c>, <c>Infinity</c>, or not in JSON's number grammar (<c>01</c>,
/// <c>.5</c>, <c>0x1F</c>) — into a string of the same text. Newtonsoft.Json, reading decimals, would otherwise throw
/// and leave the reader unusable, losing every unit after the value; as a string the value reaches
/// <see cref="InputConverter"/>, which reports it with the unit's place. Strings and comments pass untouched; line
/// breaks are never added or removed, so line numbers stay those of the file.
/// </summary>
internal sealed class JsonNumberGuard(TextReader inner) : TextReader
{
    private const int MaxToken = 4096;
    private readonly char[] _input = new char[8192];
    private readonly StringBuilder _token = new();
    private readonly StringBuilder _output = new();
    private int _outputPosition;
    private State _state;
    private char _quote;
    private bool _escape;
    private bool _star;
    private bool _ended;
    private bool _long;

    private enum State
    {
        Normal,
        InString,
        Slash,
        LineComment,
        BlockComment,
        Token,
    }

    /// <summary>Lines of the input read so far (1-based), for messages about undecodable bytes.</summary>
    public int Line { get; private set; } = 1;

    public override int Peek() => Fill() ? _output[_outputPosition] : -1;

    public override int Read() => Fill() ? _output[_outputPosition++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || !Fill())
        {
            return 0;
        }

        var n = Math.Min(buffer.Length, _output.Length - _outputPosition);
        _output.CopyTo(_outputPosition, buffer, n);
        _outputPosition += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool Fill()
    {
        while (_outputPosition >= _output.Length)
        {
            _output.Clear();
            _outputPosition = 0;
            if (_ended)
            {
                return false;
            }

            var read = inner.Read(_input, 0, _input.Length);
            if (read == 0)
            {
                _ended = true;
                FlushToken();
                return _output.Length > 0;
            }

            for (var i = 0; i < read; i++)
            {
                Process(_input[i]);
            }
        }

        return true;
    }

    private void Process(char c)
    {
        if (c == '\n')
        {
            Line++;
        }

        switch (_state)
        {
            case State.InString:
                _output.Append(c);
                if (_escape)
                {
                    _escape = false;
                }
                else if (c == '\\')
                {
                    _escape = true;
                }
                else if (c == _quote)
                {
                    _state = State.Normal;
                }

                return;
            case State.LineComment:
                _output.Append(c);
                _state = c is '\n' or '\r' ? State.Normal : State.LineComment;
                return;
            case State.BlockComment:
                _output.Append(c);
                if (_star && c == '/')
                {
                    _state = State.Normal;
                }

                _star = c == '*';
                return;
            case State.Slash:
                _output.Append(c);
                _state = c switch { '/' => State.LineComment, '*' => State.BlockComment, _ => State.Normal };
                _star = false;
                if (_state == State.Normal)
                {
                    _output.Length--;
                    Process(c);
                }

                return;
            case State.Token:
                if (IsTokenChar(c) && _token.Length < MaxToken)
                {
                    _token.Append(c);
                    return;
                }

                if (IsTokenChar(c))
                {
                    // A run of number characters longer than any number: kept whole as a string, streamed.
                    if (!_long && StartsNumber(_token[0]))
                    {
                        _output.Append('"');
                        _long = true;
                    }

                    _output.Append(_token);
                    _token.Clear();
                    _token.Append(c);
                    return;
                }

                FlushToken();
                Process(c);
                return;
            default:
                if (c is '"' or '\'')
                {
                    _output.Append(c);
                    _quote = c;
                    _state = State.InString;
                }
                else if (c == '/')
                {
                    _output.Append(c);
                    _state = State.Slash;
                }
                else if (IsTokenChar(c))
                {
                    _token.Append(c);
                    _state = State.Token;
                }
                else
                {
                    _output.Append(c);
                }

                return;
        }
    }

    private void FlushToken()
    {
        if (_state != State.Token)
        {
            return;
        }

        _state = State.Normal;
        var token = _token.ToString();
        _token.Clear();
        if (_long)
        {
            // The tail of an over-long token that was opened as a string above.
            _output.Append(token).Append('"');
            _long = false;
        }
        else if (NeedsQuotes(token))
        {
            _output.Append('"').Append(token).Append('"');
        }
        else
        {
            _output.Append(token);
        }
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '+' or '.' or '_';

    private static bool StartsNumber(char c) => char.IsAsciiDigit(c) || c is '-' or '+' or '.';

    /// <summary>NaN and the infinities, and number-like tokens that are not a JSON number within the decimal range.</summary>
    internal static bool NeedsQuotes(string token)
    {
        if (token.Length == 0)
        {
            return false;
        }

        if (token.TrimStart('+', '-') is "NaN" or "Infinity")
        {
            return true;
        }

        if (!StartsNumber(token[0]))
        {
            return false;
        }

        return !IsJsonNumber(token) || !decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || HugeExponent(token);
    }

    /// <summary>An exponent so large in magnitude that a reader may refuse it even when the value rounds to zero.</summary>
    private static bool HugeExponent(string token)
    {
        var e = token.AsSpan().IndexOfAny('e', 'E');
        return e >= 0 && (!int.TryParse(token.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent) || Math.Abs(exponent) > 28);
    }

    /// <summary>JSON's number grammar: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    private static bool IsJsonNumber(string s)
    {
        var i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        if (i >= s.Length || !char.IsAsciiDigit(s[i]))
        {
            return false;
        }

        if (s[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        return i == s.Length;
    }
}
