using Cchc.Scoring.Cards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cchc.Portal;

/// <summary>
/// The portal's answers to a bad request, as RFC 9457 problem details: Vietnamese by default, English when the
/// request asks for it (<c>Accept-Language: en</c>); a data problem names the unit's field.
/// </summary>
internal static class Problems
{
    public static ProblemHttpResult UnknownRuleSet(HttpRequest request, string key, IRuleSetCatalog catalog)
        => TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: Text(request, "Không có bộ tiêu chí này", "No such rule set"),
            detail: Text(request, $"Không có bộ tiêu chí '{key}'. Các bộ tiêu chí đang phục vụ: {Known(catalog)}.", $"No rule set '{key}'. Serving: {Known(catalog)}."));

    public static ProblemHttpResult NotAUnit(HttpRequest request, string reason)
        => TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: Text(request, "Thân yêu cầu không phải một đơn vị JSON", "The body is not a JSON unit"),
            detail: Text(request, $"Cần một đối tượng JSON phẳng (code, name, level, parent và các đầu vào): {reason}", $"Expected one flat JSON object (code, name, level, parent and the inputs): {reason}"));

    public static ValidationProblem BadField(HttpRequest request, string field, string? value, string reason)
        => TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [$"'{value}': {reason}"] },
            title: Text(request, $"Dữ liệu đơn vị không hợp lệ ở trường '{field}'", $"Invalid unit data in field '{field}'"));

    public static ValidationProblem BadValues(HttpRequest request, IReadOnlyList<DataProblem> problems)
        => TypedResults.ValidationProblem(
            problems.GroupBy(p => p.Input, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => $"'{p.Value}': {p.Reason}").ToArray(), StringComparer.Ordinal),
            title: Text(request, $"Giá trị không hợp lệ ở {string.Join(", ", problems.Select(p => p.Input).Distinct())}", $"Invalid values in {string.Join(", ", problems.Select(p => p.Input).Distinct())}"));

    /// <summary>Vietnamese unless the request prefers English.</summary>
    public static string Text(HttpRequest request, string vietnamese, string english)
        => PortalLanguage.IsEnglish(request) ? english : vietnamese;

    private static string Known(IRuleSetCatalog catalog)
        => string.Join(", ", catalog.RuleSets.Select(r => $"{r.Engine.RuleSet.Id}@{r.Engine.RuleSet.Version}"));
}
