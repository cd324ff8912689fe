namespace Cchc.Cli;

/// <summary>The documented exit codes of <c>cchc</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>The rule set is invalid, or analysts' tests failed.</summary>
    public const int RulesInvalidOrTestsFailed = 1;

    /// <summary>Some units had bad or missing data, or were rejected; the others were still scored.</summary>
    public const int BadUnitData = 2;

    /// <summary>The command line is wrong, or a file it names cannot be read.</summary>
    public const int UsageError = 64;

    /// <summary>An internal error of cchc (a bug): reported in one line, never a stack trace unless CCHC_DEBUG is set.</summary>
    public const int InternalError = 70;

    /// <summary>An output could not be written (disk full, device error, permission): the output is incomplete.</summary>
    public const int IoError = 74;

    /// <summary>Stopped by Ctrl-C; no output file was written (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
