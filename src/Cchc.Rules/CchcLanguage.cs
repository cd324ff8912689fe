using System.Globalization;

namespace Cchc.Rules;

/// <summary>
/// The language of the libraries' messages (data problems, and the rule-set diagnostics of Cchc.Rules' RulesStrings; see
/// docs/huong-dan-phan-tich-vien.md for what is translated): Vietnamese unless a host asks for English. Never taken
/// from the machine's culture, so a message is the same on any server.
/// </summary>
/// <remarks>
/// <see cref="Current"/> flows with the async call (like <see cref="CultureInfo.CurrentUICulture"/>): set it at the
/// start of a request or a command and everything it calls, on any thread, speaks that language. Where it was never set,
/// <see cref="Default"/> applies. A culture other than <c>vi</c> or <c>en</c> falls back to Vietnamese.
/// </remarks>
public static class CchcLanguage
{
    private static readonly AsyncLocal<CultureInfo?> Local = new();

    /// <summary>Vietnamese, the default.</summary>
    public static CultureInfo Vietnamese { get; } = Culture("vi");

    /// <summary>
    /// English. Under invariant globalization with predefined cultures only (the runtime's default there), no culture
    /// but the invariant one can be made: then this is the invariant culture and the messages stay Vietnamese. The
    /// cchc tool sets PredefinedCulturesOnly=false, so English works there too.
    /// </summary>
    public static CultureInfo English { get; } = Culture("en");

    /// <summary>The language where <see cref="Current"/> was not set for the running flow (Vietnamese unless changed).</summary>
    public static CultureInfo Default { get; set; } = Vietnamese;

    /// <summary>The language of the messages of the running flow.</summary>
    public static CultureInfo Current
    {
        get => Local.Value ?? Default;
        set => Local.Value = value;
    }

    /// <summary>The culture for a language code: <c>en</c> (or en-*) is English, anything else Vietnamese.</summary>
    public static CultureInfo FromCode(string? code)
        => code?.Trim().StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? English : Vietnamese;

    private static CultureInfo Culture(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            // Invariant globalization: the neutral resources (Vietnamese) are read.
            return CultureInfo.InvariantCulture;
        }
    }
}
