using System.Globalization;
using Cchc.Scoring.Ranking;
using FsCheck.Xunit;

namespace Cchc.Scoring.Tests.Ranking;

public sealed class PackedDecimalsTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("90.0")]
    [InlineData("-0.75")]
    [InlineData("101.12")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("-0")]
    [InlineData("-0.00")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("288230376151711743")]
    [InlineData("288230376151711744")]
    public void Index_AnyDecimal_ReadsBackTheSameValueAndScale(string text)
    {
        var value = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

        var row = PackedDecimals.Of([1.5m, value, -2.25m]);

        Assert.Equal(value.ToString(CultureInfo.InvariantCulture), row[1].ToString(CultureInfo.InvariantCulture));
        Assert.Equal(decimal.GetBits(value), decimal.GetBits(row[1]));
        Assert.Equal((1.5m, -2.25m), (row[0], row[2]));
    }

    [Property]
    public void Index_RandomDecimals_ReadBackBitForBit(decimal value, long mantissa, byte scale)
    {
        var scaled = new decimal((int)mantissa, (int)(mantissa >> 32), 0, mantissa < 0, (byte)(scale % 29));
        foreach (var x in new[] { value, scaled })
        {
            Assert.Equal(decimal.GetBits(x), decimal.GetBits(PackedDecimals.Of([x])[0]));
        }
    }
}
