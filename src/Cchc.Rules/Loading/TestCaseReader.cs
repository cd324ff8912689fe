using System.Globalization;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Model;
using Cchc.Rules.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Cchc.Rules.Loading;

/// <summary>Reads analysts' test files and checks that they speak of declared inputs and criteria.</summary>
internal static class TestCaseReader
{
    private static readonly HashSet<string> Identity = ["code", "name", "level", "parent"];

    public static IEnumerable<AnalystTestCase> Read(JsonFile file, IReadOnlyList<InputDefinition> inputs, IReadOnlySet<string> criterionIds, DiagnosticBag diagnostics)
    {
        SchemaCatalog.Validate(file, "tests", diagnostics);
        var f = file.RelativePath;
        var inputNames = inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var token in JsonFile.Array(file.Root, "cases")?.OfType<JObject>() ?? [])
        {
            var name = JsonFile.String(token, "name") ?? "(không tên)";
            var unitToken = JsonFile.Object(token, "unit");
            var expectToken = JsonFile.Object(token, "expect");
            if (unitToken is null || expectToken is null)
            {
                continue;
            }

            var unit = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var property in unitToken.Properties())
            {
                if (CriterionColumnNames.TryParse(Text.Nfc.Normalize(property.Name).Trim(), out var field, out var id))
                {
                    // Claimed, appraised points, comments and evidence (tuCham:1.1, or "thamDinh": { "1.1": 2 }): kept
                    // as columns; the engine checks them against the criteria when the case is scored.
                    if (id.Length == 0 && property.Value is JObject nested)
                    {
                        foreach (var item in nested.Properties())
                        {
                            unit[CriterionColumnNames.Name(field) + ":" + item.Name] = ToValue(item.Value);
                        }
                    }
                    else
                    {
                        unit[property.Name] = ToValue(property.Value);
                    }

                    continue;
                }

                if (!Identity.Contains(property.Name) && !inputNames.Contains(property.Name))
                {
                    var suggestion = NameSuggestions.Closest(property.Name, inputNames);
                    diagnostics.Error("CCHC070", f, property, null, $"Ca kiểm thử '{name}': '{property.Name}' không phải đầu vào của bộ tiêu chí này.",
                        suggestion is null ? "Dùng tên các đầu vào đã khai báo trong ruleset.json." : $"Có phải ý bạn là '{suggestion}'?");
                    continue;
                }

                unit[property.Name] = ToValue(property.Value);
            }

            var criteria = new Dictionary<string, CriterionExpectation>(StringComparer.Ordinal);
            foreach (var property in JsonFile.Object(expectToken, "criteria")?.Properties() ?? [])
            {
                if (!criterionIds.Contains(property.Name))
                {
                    var suggestion = NameSuggestions.Closest(property.Name, criterionIds);
                    diagnostics.Error("CCHC071", f, property, null, $"Ca kiểm thử '{name}' nêu kết quả mong đợi của tiêu chí '{property.Name}', nhưng bộ tiêu chí không có tiêu chí này.",
                        suggestion is null ? null : $"Có phải ý bạn là '{suggestion}'?");
                    continue;
                }

                criteria[property.Name] = new CriterionExpectation(JsonFile.String(property.Value, "status"), JsonFile.Number(property.Value, "points"))
                {
                    Basis = JsonFile.String(property.Value, "basis"),
                    ComputedPoints = JsonFile.Number(property.Value, "computedPoints"),
                };
            }

            IReadOnlyList<string>? problems = null;
            if (JsonFile.Array(expectToken, "problems") is { } problemTokens)
            {
                problems = problemTokens.OfType<JValue>().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList();
                foreach (var unknown in problems.Where(p => !inputNames.Contains(p) && !Identity.Contains(p)))
                {
                    diagnostics.Error("CCHC070", f, problemTokens, null, $"Ca kiểm thử '{name}' mong đợi lỗi dữ liệu ở '{unknown}', nhưng '{unknown}' không phải đầu vào.", null);
                }
            }

            yield return new AnalystTestCase(
                name,
                f,
                ((IJsonLineInfo)token).LineNumber,
                unit,
                new TestExpectation(
                    JsonFile.Number(expectToken, "points"),
                    JsonFile.Number(expectToken, "maxPoints"),
                    JsonFile.Number(expectToken, "index"),
                    JsonFile.String(expectToken, "grade"),
                    expectToken["grade"] is not null,
                    problems,
                    criteria)
                {
                    AppraisedCount = JsonFile.Number(expectToken, "appraisedCount") is { } count ? (int)count : null,
                });
        }
    }

    internal static object? ToValue(JToken token) => token switch
    {
        JValue { Type: JTokenType.Null or JTokenType.Undefined } => null,
        JValue { Type: JTokenType.Integer or JTokenType.Float } v => Convert.ToDecimal(v.Value, CultureInfo.InvariantCulture),
        JValue { Type: JTokenType.Boolean } v => (bool)v.Value!,
        JValue v => Convert.ToString(v.Value, CultureInfo.InvariantCulture),
        _ => token.ToString(Formatting.None),
    };
}
