using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Cchc.Scoring.Cards;

namespace Cchc.Scoring.Ranking;

/// <summary>
/// The full score cards behind a ranking's rows, for the one output that prints them (JSON). A row finds its card by
/// <see cref="UnitStanding.Sequence"/>; the card is written with the row's rank.
/// </summary>
internal abstract class RankingCards : IDisposable
{
    /// <summary>Writes the card of <paramref name="row"/>, its rank set to the row's, as the next JSON value.</summary>
    public abstract void Write(Utf8JsonWriter json, RankedUnit row);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

/// <summary>Cards the caller already holds in memory (<see cref="RankingReport.Of"/>).</summary>
internal sealed class CardsInMemory(IReadOnlyList<ScoreCard> cards) : RankingCards
{
    public override void Write(Utf8JsonWriter json, RankedUnit row)
        => JsonSerializer.Serialize(json, cards[row.Standing.Sequence] with { Rank = row.Rank }, ScoreCardJson.Options);
}

/// <summary>
/// Cards spilled to a temporary file as they are scored — their JSON, one after another, with an offset each — and
/// copied back in rank order: a ranking of a million units writes its JSON without holding a million cards. The file
/// is deleted when the spill is disposed (or the process ends).
/// </summary>
/// <remarks>
/// The rank is not known while the cards are scored, so each card is spilled with a placeholder rank and the
/// placeholder is replaced (or removed, for an unranked unit) when it is copied; the bytes are those of serializing
/// the ranked card directly, whatever the order of the card's properties.
/// </remarks>
internal sealed class SpilledCards : RankingCards
{
    private const int Placeholder = int.MaxValue;
    private static readonly byte[] PlaceholderProperty = Encoding.UTF8.GetBytes($"\"rank\":{Placeholder.ToString(CultureInfo.InvariantCulture)}");

    private readonly FileStream _file;
    private readonly List<long> _offsets = [0];
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly Utf8JsonWriter _writer;
    private byte[] _read = [];

    public SpilledCards()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cchc-cards-{Guid.NewGuid():N}.jsonl");
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _writer = new Utf8JsonWriter(_buffer, RankingJson.WriterOptions);
    }

    /// <summary>Spills the next card; cards must come in <see cref="UnitStanding.Sequence"/> order, from 0.</summary>
    public void Add(ScoreCard card)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        JsonSerializer.Serialize(_writer, card with { Rank = Placeholder }, ScoreCardJson.Options);
        _writer.Flush();
        _file.Write(_buffer.WrittenSpan);
        _offsets.Add(_offsets[^1] + _buffer.WrittenCount);
    }

    public override void Write(Utf8JsonWriter json, RankedUnit row)
    {
        var sequence = row.Standing.Sequence;
        var length = (int)(_offsets[sequence + 1] - _offsets[sequence]);
        if (_read.Length < length)
        {
            _read = new byte[Math.Max(length, 2 * _read.Length)];
        }

        _file.Flush();
        RandomAccess.Read(_file.SafeFileHandle, _read.AsSpan(0, length), _offsets[sequence]);
        var card = _read.AsSpan(0, length);
        var at = card.IndexOf(PlaceholderProperty);
        if (at < 0)
        {
            throw new InvalidOperationException("A spilled score card has lost its rank placeholder.");
        }

        _buffer.ResetWrittenCount();
        if (row.Rank is { } rank)
        {
            _buffer.Write(card[..at]);
            _buffer.Write(Encoding.UTF8.GetBytes($"\"rank\":{rank.ToString(CultureInfo.InvariantCulture)}"));
            _buffer.Write(card[(at + PlaceholderProperty.Length)..]);
        }
        else if (card[at - 1] == (byte)',')
        {
            _buffer.Write(card[..(at - 1)]);
            _buffer.Write(card[(at + PlaceholderProperty.Length)..]);
        }
        else
        {
            // The first property: its comma follows it.
            _buffer.Write(card[..at]);
            _buffer.Write(card[(at + PlaceholderProperty.Length + 1)..]);
        }

        json.WriteRawValue(_buffer.WrittenSpan, skipInputValidation: true);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _writer.Dispose();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
