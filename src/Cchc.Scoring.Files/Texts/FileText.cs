namespace Cchc.Scoring.Texts;

/// <summary>
/// The file formats' messages and report headings, read from <see cref="FileStrings"/> (neutral = Vietnamese,
/// <c>en</c> = English) in <see cref="Cchc.Rules.CchcLanguage.Current"/> through <see cref="CchcText"/>.
/// </summary>
internal static class FileText
{
    /// <summary>The text of <paramref name="key"/> (<c>nameof(FileStrings.X)</c>) in the current language.</summary>
    public static string Get(string key) => CchcText.Get(FileStrings.ResourceManager, key);

    /// <summary>The text of <paramref name="key"/> with its placeholders filled.</summary>
    public static string Format(string key, params object?[] args) => CchcText.Format(FileStrings.ResourceManager, key, args);
}
