using System.Globalization;
using System.Resources;
using Cchc.Rules;

namespace Cchc.Scoring.Texts;

/// <summary>
/// The library's messages, read from <see cref="ScoringStrings"/> (neutral = Vietnamese, <c>en</c> = English) in
/// <see cref="CchcLanguage.Current"/>. Keys are <c>nameof(ScoringStrings.X)</c>, so a missing one fails the build.
/// </summary>
internal static class CchcText
{
    /// <summary>The text of <paramref name="key"/> in the current language (Vietnamese where English lacks it).</summary>
    public static string Get(string key)
        => ScoringStrings.ResourceManager.GetString(key, CchcLanguage.Current)
           ?? throw new InvalidOperationException($"Missing text resource '{key}'.");

    /// <summary>The text of <paramref name="key"/> with its placeholders filled (values already formatted for people).</summary>
    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, Get(key), args);

    /// <summary>The text of <paramref name="key"/> in another catalog (the file formats' FileStrings), in the current language.</summary>
    public static string Get(ResourceManager resources, string key)
        => resources.GetString(key, CchcLanguage.Current)
           ?? throw new InvalidOperationException($"Missing text resource '{key}'.");

    /// <summary>The text of <paramref name="key"/> in another catalog, its placeholders filled.</summary>
    public static string Format(ResourceManager resources, string key, params object?[] args)
        => string.Format(CultureInfo.InvariantCulture, Get(resources, key), args);

    /// <summary>True when the current language is English.</summary>
    public static bool English => CchcLanguage.Current.TwoLetterISOLanguageName == "en";

    /// <summary>A number in a message: decimal comma in Vietnamese (72,5), decimal point in English (72.5).</summary>
    public static string Number(decimal value)
        => English ? value.ToString("0.############################", CultureInfo.InvariantCulture) : VietnameseFormat.Number(value);

    /// <summary>A number in a message rounded to at most <paramref name="maxDecimals"/> decimals: <c>72,5</c> in Vietnamese, <c>72.5</c> in English.</summary>
    public static string Number(decimal value, int maxDecimals)
        => English
            ? Math.Round(value, maxDecimals, MidpointRounding.AwayFromZero).ToString("0." + new string('#', Math.Max(1, maxDecimals)), CultureInfo.InvariantCulture)
            : VietnameseFormat.Number(value, maxDecimals);
}
