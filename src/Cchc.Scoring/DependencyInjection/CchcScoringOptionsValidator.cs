using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cchc.Scoring.DependencyInjection;

/// <summary>Checks the options' shape at start-up; the folders themselves are checked when the rule sets load, right after.</summary>
internal sealed class CchcScoringOptionsValidator : IValidateOptions<CchcScoringOptions>
{
    public ValidateOptionsResult Validate(string? name, CchcScoringOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.RuleSetDirectory) && string.IsNullOrWhiteSpace(options.RuleSetsRoot) && options.RuleSetDirectories.Count == 0)
        {
            failures.Add("CchcScoring: chưa chỉ ra bộ tiêu chí nào: đặt RuleSetDirectory, RuleSetDirectories hoặc RuleSetsRoot (no rule set configured).");
        }

        if (options.RuleSetDirectories.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("CchcScoring: RuleSetDirectories có một mục rỗng (an entry is empty).");
        }

        if (options.ReloadDelay < TimeSpan.Zero || options.ReloadDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add($"CchcScoring: ReloadDelay phải từ 0 đến 1 phút, không phải {options.ReloadDelay} (ReloadDelay must be within 0..1 min).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
