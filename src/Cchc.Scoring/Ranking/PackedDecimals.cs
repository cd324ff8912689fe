namespace Cchc.Scoring.Ranking;

/// <summary>
/// A fixed row of decimals kept in 8 bytes each instead of 16 when every one fits: a mantissa below 2^58 and its
/// scale, as any points total, index or area subtotal is. A row with one that does not fit (or a negative zero,
/// whose sign the packing would lose) keeps plain decimals. Either way a value reads back exactly, scale included
/// (<c>90.0</c> stays <c>90.0</c>), so the outputs are the same bytes.
/// </summary>
internal readonly struct PackedDecimals
{
    private const ulong Limit = 1UL << 58;
    private readonly long[]? _packed;
    private readonly decimal[]? _wide;

    private PackedDecimals(long[]? packed, decimal[]? wide)
    {
        _packed = packed;
        _wide = wide;
    }

    public decimal this[int index] => _packed is { } packed ? Unpack(packed[index]) : _wide![index];

    public static PackedDecimals Of(decimal[] values)
    {
        var packed = new long[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!TryPack(values[i], out packed[i]))
            {
                return new PackedDecimals(null, values);
            }
        }

        return new PackedDecimals(packed, null);
    }

    internal static bool TryPack(decimal value, out long packed)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        var negative = bits[3] < 0;
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] != 0 || mantissa >= Limit || (negative && mantissa == 0))
        {
            packed = 0;
            return false;
        }

        // The scale (0–28) in the low 5 bits, the signed mantissa above them.
        packed = ((negative ? -(long)mantissa : (long)mantissa) * 32) + scale;
        return true;
    }

    internal static decimal Unpack(long packed)
    {
        var scale = (byte)(packed & 31);
        var mantissa = (packed - scale) / 32;
        var magnitude = (ulong)Math.Abs(mantissa);
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, mantissa < 0, scale);
    }
}
