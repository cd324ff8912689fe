using System.Reflection;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Texts;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Cchc.Rules.Loading;

/// <summary>The JSON Schemas of the four kinds of rule-set file, shipped in <c>rules/schema/</c> and embedded here.</summary>
public static class SchemaCatalog
{
    /// <summary>The schema names: <c>ruleset</c>, <c>workflow</c>, <c>tests</c>, <c>survey</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["ruleset", "workflow", "tests", "survey"];

    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> Schemas = new(LoadAll, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The text of a schema, as shipped (for editors and <c>cchc schema</c>).</summary>
    public static string GetText(string name)
    {
        if (!Names.Contains(name))
        {
            throw new ArgumentException($"Unknown schema '{name}'. Known: {string.Join(", ", Names)}.", nameof(name));
        }

        using var stream = typeof(SchemaCatalog).Assembly.GetManifestResourceStream($"Cchc.Rules.Schemas.{name}.schema.json")
            ?? throw new InvalidOperationException($"Schema resource '{name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Dictionary<string, JsonSchema> LoadAll()
        => Names.ToDictionary(n => n, n => JsonSchema.FromJsonAsync(GetText(n)).GetAwaiter().GetResult());

    internal static void Validate(JsonFile file, string schemaName, DiagnosticBag diagnostics)
    {
        var schema = Schemas.Value[schemaName];
        List<ValidationError> errors;
        try
        {
            errors = [.. Flatten(schema.Validate(file.Root))];
        }
#pragma warning disable CA1031 // NJsonSchema throws on some values (an integer above the decimal range): a diagnostic, and the file's other checks still run.
        catch (Exception e)
#pragma warning restore CA1031
        {
            diagnostics.Unexpected(file.RelativePath, null, null, e);
            return;
        }

        foreach (var error in errors)
        {
            Report(file, error, diagnostics);
        }
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                foreach (var inner in Flatten(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    private static void Report(JsonFile file, ValidationError error, DiagnosticBag diagnostics)
    {
        var token = Locate(file.Root, error.Path);
        var ruleId = RuleIdAt(token);
        var line = error.HasLineInfo ? error.LineNumber : 0;
        var column = error.HasLineInfo ? error.LinePosition : 0;
        var (message, hint) = Describe(error, token);
        // The schema's wording is generic: where a reader reports the same place in its own words, the reader's error is shown.
        diagnostics.Error("CCHC010", file.RelativePath, line, column, ruleId, message, hint, DiagnosticBag.Subject(file.RelativePath, token), weak: true);
    }

    private static (string Message, string? Hint) Describe(ValidationError error, JToken? token)
    {
        var field = error.Property;
        var where = string.IsNullOrEmpty(error.Path) || error.Path == "#" ? "" : RulesText.Format(nameof(RulesStrings.Schema_At), error.Path.TrimStart('#', '/'));
        switch (error.Kind)
        {
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                var allowed = error.Schema?.ActualProperties.Keys.ToList() ?? [];
                var suggestion = NameSuggestions.Closest(field, allowed);
                return (RulesText.Format(nameof(RulesStrings.Schema_NoSuchField), field, where),
                    suggestion is null
                        ? RulesText.Format(nameof(RulesStrings.Schema_OnlyFields_Hint), string.Join(", ", allowed))
                        : string.Equals(suggestion, field, StringComparison.OrdinalIgnoreCase)
                            ? RulesText.Format(nameof(RulesStrings.Schema_DidYouMeanCase_Hint), suggestion)
                            : RulesText.Format(nameof(RulesStrings.DidYouMean), suggestion));
            case ValidationErrorKind.PropertyRequired:
                return (RulesText.Format(nameof(RulesStrings.Schema_Required), field, where), null);
            case ValidationErrorKind.NotInEnumeration:
                var options = (error.Schema?.Enumeration.Select(o => o?.ToString()) ?? []).OfType<string>().ToList();
                var closest = token is JValue { Type: JTokenType.String } ? NameSuggestions.Closest(ValueText(token), options) : null;
                return (RulesText.Format(nameof(RulesStrings.Schema_NotAllowedValue), ValueText(token), field, where),
                    (closest is null ? "" : RulesText.Format(nameof(RulesStrings.DidYouMean), closest) + " ") + RulesText.Format(nameof(RulesStrings.Schema_AllowedValues_Hint), string.Join(", ", options)));
            case ValidationErrorKind.StringExpected:
            case ValidationErrorKind.NumberExpected:
            case ValidationErrorKind.IntegerExpected:
            case ValidationErrorKind.BooleanExpected:
            case ValidationErrorKind.ArrayExpected:
            case ValidationErrorKind.ObjectExpected:
            case ValidationErrorKind.NullExpected:
                return (RulesText.Format(nameof(RulesStrings.Schema_WrongType), field, where, Expected(error.Kind), Describe(token)), null);
            case ValidationErrorKind.PatternMismatch:
                return (RulesText.Format(nameof(RulesStrings.Schema_Pattern), ValueText(token), field, where), RulesText.Format(nameof(RulesStrings.Schema_Pattern_Hint), error.Schema?.Pattern));
            case ValidationErrorKind.StringTooShort:
                return (RulesText.Format(nameof(RulesStrings.Schema_Empty), field, where), null);
            case ValidationErrorKind.TooFewItems:
                return (RulesText.Format(nameof(RulesStrings.Schema_TooFewItems), field, where, error.Schema?.MinItems), null);
            case ValidationErrorKind.ItemsNotUnique:
                return (RulesText.Format(nameof(RulesStrings.Schema_NotUnique), field, where), null);
            case ValidationErrorKind.NumberTooSmall:
            case ValidationErrorKind.NumberTooBig:
                return (RulesText.Format(nameof(RulesStrings.Schema_OutOfRange), field, where, ValueText(token)),
                    RulesText.Format(nameof(RulesStrings.Schema_OutOfRange_Hint), AllowedRange(error.Schema)));
            default:
                return (RulesText.Format(nameof(RulesStrings.Schema_Other), field, where, error.Kind), null);
        }
    }

    private static string Describe(JToken? token) => token?.Type switch
    {
        JTokenType.String => RulesText.Format(nameof(RulesStrings.Found_Text), token.ToString()),
        JTokenType.Integer or JTokenType.Float => RulesText.Format(nameof(RulesStrings.Found_Number), token.ToString()),
        JTokenType.Boolean => $"{token.ToString().ToLowerInvariant()}",
        JTokenType.Array => RulesText.Get(nameof(RulesStrings.Found_List)),
        JTokenType.Object => RulesText.Get(nameof(RulesStrings.Found_Object)),
        JTokenType.Null => "null",
        _ => RulesText.Get(nameof(RulesStrings.Found_Other)),
    };

    private static string Expected(ValidationErrorKind kind) => kind switch
    {
        ValidationErrorKind.StringExpected => RulesText.Get(nameof(RulesStrings.Expected_Text)),
        ValidationErrorKind.NumberExpected => RulesText.Get(nameof(RulesStrings.Expected_Number)),
        ValidationErrorKind.IntegerExpected => RulesText.Get(nameof(RulesStrings.Expected_Integer)),
        ValidationErrorKind.BooleanExpected => RulesText.Get(nameof(RulesStrings.Expected_Bool)),
        ValidationErrorKind.ArrayExpected => RulesText.Get(nameof(RulesStrings.Expected_List)),
        ValidationErrorKind.ObjectExpected => RulesText.Format(nameof(RulesStrings.Expected_Object)),
        _ => "null",
    };

    /// <summary>The schema's bounds as "≥ 0 ≤ 100"; numbers invariant, as they are written in the JSON.</summary>
    private static string AllowedRange(JsonSchema? schema)
    {
        if (schema is null)
        {
            return "";
        }

        var lower = schema.Minimum is { } min
            ? (schema.IsExclusiveMinimum || schema.ExclusiveMinimum is not null ? "> " : "≥ ") + ManifestReader.Fmt(min)
            : "";
        var exclusive = schema.ExclusiveMinimum is { } exclusiveMin ? "> " + ManifestReader.Fmt(exclusiveMin) : "";
        var upper = schema.Maximum is { } max ? " ≤ " + ManifestReader.Fmt(max) : "";
        return (lower + exclusive + upper).Trim();
    }

    private static string ValueText(JToken? token) => token is JValue v ? Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "null" : token?.ToString() ?? "";

    /// <summary>Finds the token at a schema error path such as <c>#/Rules[2].Properties.scoring</c>.</summary>
    private static JToken? Locate(JToken root, string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "#")
        {
            return root;
        }

        var jsonPath = path.TrimStart('#').TrimStart('/');
        try
        {
            return root.SelectToken(jsonPath.Replace('/', '.'), errorWhenNoMatch: false);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    private static string? RuleIdAt(JToken? token)
    {
        for (var t = token; t is not null; t = t.Parent)
        {
            if (t is JObject o && o["RuleName"] is JValue { Type: JTokenType.String } name)
            {
                return (string?)name.Value;
            }
        }

        return null;
    }
}
