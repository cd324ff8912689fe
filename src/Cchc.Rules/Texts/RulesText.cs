using System.Globalization;

namespace Cchc.Rules.Texts;

/// <summary>
/// The rule-set diagnostics' messages and hints, read from <see cref="RulesStrings"/> (neutral = Vietnamese, <c>en</c> =
/// English) in <see cref="CchcLanguage.Current"/>. Keys are <c>nameof(RulesStrings.X)</c>, so a missing one fails the build.
/// </summary>
internal static class RulesText
{
    /// <summary>
    /// The text of <paramref name="key"/> in the current language (Vietnamese where English lacks it). Every text of the
    /// catalog is a format string (a literal brace doubled); one with placeholders or braces is read through <see cref="Format"/>.
    /// </summary>
    public static string Get(string key)
        => RulesStrings.ResourceManager.GetString(key, CchcLanguage.Current)
           ?? throw new InvalidOperationException($"Missing text resource '{key}'.");

    /// <summary>The text of <paramref name="key"/> with its placeholders filled (values already formatted for people).</summary>
    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, Get(key), args);

    /// <summary>True when the current language is English.</summary>
    public static bool English => CchcLanguage.Current.TwoLetterISOLanguageName == "en";

    /// <summary>A number in a message: <c>20,5</c> and <c>4.194.304</c> in Vietnamese, <c>20.5</c> and <c>4,194,304</c> in English.</summary>
    public static string Number(decimal value) => value.ToString("0.############", English ? CultureInfo.InvariantCulture : VietnameseNumbers);

    /// <summary>A count with thousands grouped: <c>4.194.304</c> in Vietnamese, <c>4,194,304</c> in English.</summary>
    public static string Count(long value) => value.ToString("#,0", English ? CultureInfo.InvariantCulture : VietnameseNumbers);

    private static readonly NumberFormatInfo VietnameseNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NegativeSign = "-" };
}
