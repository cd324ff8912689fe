using System.Reflection;
using Cchc.Rules.Diagnostics;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Cchc.Rules.Loading;

/// <summary>The JSON Schemas of the three kinds of rule-set file, shipped in <c>rules/schema/</c> and embedded here.</summary>
public static class SchemaCatalog
{
    /// <summary>The schema names: <c>ruleset</c>, <c>workflow</c>, <c>tests</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["ruleset", "workflow", "tests"];

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
        foreach (var error in Flatten(schema.Validate(file.Root)))
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
        diagnostics.Error("CCHC010", file.RelativePath, line, column, ruleId, message, hint);
    }

    private static (string Message, string? Hint) Describe(ValidationError error, JToken? token)
    {
        var field = error.Property;
        var where = string.IsNullOrEmpty(error.Path) || error.Path == "#" ? "" : $" at {error.Path.TrimStart('#', '/')}";
        switch (error.Kind)
        {
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                var allowed = error.Schema?.ActualProperties.Keys.ToList() ?? [];
                var suggestion = NameSuggestions.Closest(field, allowed);
                return ($"Unknown field '{field}'{where}.",
                    suggestion is null
                        ? $"Allowed here: {string.Join(", ", allowed)}."
                        : string.Equals(suggestion, field, StringComparison.OrdinalIgnoreCase)
                            ? $"Did you mean '{suggestion}'? Field names are case-sensitive."
                            : $"Did you mean '{suggestion}'?");
            case ValidationErrorKind.PropertyRequired:
                return ($"Missing required field '{field}'{where}.", null);
            case ValidationErrorKind.NotInEnumeration:
                var options = error.Schema?.Enumeration.Select(o => o?.ToString()) ?? [];
                return ($"'{ValueText(token)}' is not allowed for '{field}'{where}.", $"Use one of: {string.Join(", ", options)} (case-sensitive).");
            case ValidationErrorKind.StringExpected:
            case ValidationErrorKind.NumberExpected:
            case ValidationErrorKind.IntegerExpected:
            case ValidationErrorKind.BooleanExpected:
            case ValidationErrorKind.ArrayExpected:
            case ValidationErrorKind.ObjectExpected:
            case ValidationErrorKind.NullExpected:
                var expected = error.Kind.ToString().Replace("Expected", "", StringComparison.Ordinal).ToLowerInvariant();
                return ($"'{field}'{where} must be a {expected}, not {Describe(token)}.", null);
            case ValidationErrorKind.PatternMismatch:
                return ($"'{ValueText(token)}' is not a valid '{field}'{where}.", $"It must match {error.Schema?.Pattern}.");
            case ValidationErrorKind.StringTooShort:
                return ($"'{field}'{where} must not be empty.", null);
            case ValidationErrorKind.TooFewItems:
                return ($"'{field}'{where} needs at least {error.Schema?.MinItems} item(s).", null);
            case ValidationErrorKind.ItemsNotUnique:
                return ($"'{field}'{where} lists the same item twice.", null);
            case ValidationErrorKind.NumberTooSmall:
            case ValidationErrorKind.NumberTooBig:
                return ($"'{field}'{where} is out of range ({ValueText(token)}).",
                    $"Allowed: {(error.Schema?.Minimum is { } min ? (error.Schema.IsExclusiveMinimum || error.Schema.ExclusiveMinimum is not null ? "> " : "≥ ") + min : "")}{(error.Schema?.ExclusiveMinimum is { } emin ? "> " + emin : "")}{(error.Schema?.Maximum is { } max ? " ≤ " + max : "")}.");
            default:
                return ($"'{field}'{where}: {error.Kind}.", null);
        }
    }

    private static string Describe(JToken? token) => token?.Type switch
    {
        JTokenType.String => $"the text \"{token}\"",
        JTokenType.Integer or JTokenType.Float => $"the number {token}",
        JTokenType.Boolean => $"{token.ToString().ToLowerInvariant()}",
        JTokenType.Array => "a list",
        JTokenType.Object => "an object",
        JTokenType.Null => "null",
        _ => "this value",
    };

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
