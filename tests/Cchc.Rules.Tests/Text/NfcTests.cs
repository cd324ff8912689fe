using System.Text;
using Cchc.Rules.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cchc.Rules.Tests.Text;

/// <summary>The ICU-independent NFC gives the same bytes as the runtime's (ICU) NFC, for Vietnamese and Latin text.</summary>
public class NfcTests
{
    private const string Vietnamese = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";

    [Fact]
    public void TheseTests_RunWhereTheRuntimeNormalises()
        => Assert.True(Nfc.RuntimeNormalizes, "the comparison needs ICU; run without DOTNET_SYSTEM_GLOBALIZATION_INVARIANT");

    [Fact]
    public void Fallback_EveryVietnameseLetterInNfd_ComposesLikeIcu()
    {
        foreach (var letter in Vietnamese + Vietnamese.ToUpperInvariant())
        {
            var nfd = letter.ToString().Normalize(NormalizationForm.FormD);

            Assert.Equal(letter.ToString(), Nfc.Fallback(nfd));
        }
    }

    [Theory]
    [InlineData("Ủy ban nhân dân xã Tam Thanh")]
    [InlineData("Tỷ lệ hồ sơ giải quyết đúng hạn (tyLeDungHan)")]
    [InlineData("Đặc khu Phú Quý")]
    public void Fallback_NfdSentence_EqualsIcuNfc(string text)
    {
        var nfd = text.Normalize(NormalizationForm.FormD);

        Assert.NotEqual(text, nfd);
        Assert.Equal(text.Normalize(NormalizationForm.FormC), Nfc.Fallback(nfd));
    }

    [Fact]
    public void Fallback_MarksInNonCanonicalOrder_AreReorderedLikeIcu()
    {
        // e + circumflex + dot below (dot below sorts first): ệ either way.
        Assert.Equal("ệ", Nfc.Fallback("e\u0302\u0323"));
        Assert.Equal("ệ", Nfc.Fallback("e\u0323\u0302"));
        Assert.Equal("e\u0302\u0323".Normalize(NormalizationForm.FormC), Nfc.Fallback("e\u0302\u0323"));
    }

    [Fact]
    public void PrecomposedLatin_EveryCharacterAndPairOfTheRange_IsAlreadyIcuNfc()
    {
        // Normalize skips ICU for text made only of these characters: each one, and any two side by side, must be NFC.
        var range = Enumerable.Range(0, 0x300).Concat(Enumerable.Range(0x1E00, 0x100)).Select(c => (char)c).Where(c => !char.IsSurrogate(c)).ToArray();
        foreach (var c in range)
        {
            Assert.True(Nfc.IsPrecomposedLatin(c.ToString()));
            Assert.True(c.ToString().IsNormalized(NormalizationForm.FormC), $"U+{(int)c:X4}");
        }

        var buffer = new char[2];
        foreach (var first in range)
        {
            buffer[0] = first;
            foreach (var second in range)
            {
                buffer[1] = second;
                var pair = new string(buffer);
                if (!pair.IsNormalized(NormalizationForm.FormC))
                {
                    Assert.Fail($"U+{(int)first:X4} U+{(int)second:X4}");
                }
            }
        }

        Assert.False(Nfc.IsPrecomposedLatin("e\u0301"));
        Assert.Equal("\u00E9", Nfc.Normalize("e\u0301"));
        Assert.Equal("có không Thạnh Hồng", Nfc.Normalize("có không Thạnh Hồng"));
    }

    [Property(MaxTest = 300)]
    public Property Fallback_RandomLatinTextWithMarks_EqualsIcuNfc()
    {
        var letters = Gen.Elements("aeiouyAEIOUYdDcCnNsSzZwWgGkKlL đĐ" + Vietnamese + "ßæøñç");
        var marks = Gen.Elements('\u0300', '\u0301', '\u0302', '\u0303', '\u0306', '\u0309', '\u031B', '\u0323', '\u0308', '\u030C', '\u0327', '\u0328', '\u0304', '\u030A', '\u0331');
        var piece = Gen.OneOf(letters.Select(c => c.ToString()), marks.Select(c => c.ToString()));
        var text = Gen.ListOf(piece).Select(p => string.Concat(p));
        return Prop.ForAll(text.ToArbitrary(), s => Nfc.Fallback(s) == s.Normalize(NormalizationForm.FormC));
    }

    [Fact]
    public void Normalize_TextWithoutMarks_IsReturnedAsIs()
    {
        const string text = "Xã Phú Quý, 2023";

        Assert.Same(text, Nfc.Fallback(text));
    }
}
