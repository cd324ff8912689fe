using System.Globalization;
using System.Text;
using Cchc.Rules.Model;
using Cchc.Scoring.Texts;
using Newtonsoft.Json.Linq;

namespace Cchc.Scoring.Units;

/// <summary>Where a unit was read from, so that problems can name the place.</summary>
/// <param name="File">The data file.</param>
/// <param name="Row">1-based row (CSV: the line; XLSX: the sheet row; JSON: the item number, see <see cref="Line"/>).</param>
public sealed record UnitSource(string File, int Row)
{
    /// <summary>The text line where the item starts, when <see cref="Row"/> numbers items (JSON).</summary>
    public int? Line { get; init; }
}

/// <summary>
/// One unit's data: identity (code, name, level, parent) plus raw values keyed by the rule set's input names.
/// Values may be numbers, text (Vietnamese decimal comma accepted), booleans, dates or null (missing);
/// they are checked against the rule set's declared inputs when the unit is scored.
/// </summary>
/// <param name="Code">The unit's code, unique in a batch.</param>
/// <param name="Name">The unit's name.</param>
/// <param name="Level">Xã, huyện or sở.</param>
/// <param name="Parent">The code of the unit it belongs to (district or, since 2025, the province), if any.</param>
/// <param name="Values">Raw input values by input name.</param>
public sealed record UnitData(string Code, string Name, UnitLevel Level, string? Parent, IReadOnlyDictionary<string, object?> Values)
{
    /// <summary>Where the unit was read from, if it came from a file.</summary>
    public UnitSource? Source { get; init; }

    /// <summary>
    /// The commune kind (xã, phường, đặc khu) when the data states it: a kind word in the level column
    /// (<c>phuong</c>, <c>đặc khu</c>…) or the optional <c>kind</c> column. Null when not stated or not a commune.
    /// </summary>
    public UnitKind? Kind { get; init; }

    /// <summary>
    /// The unit's own claimed points (điểm tự chấm) by criterion id, as given (numbers or text, not yet checked);
    /// empty when the data carries none. They are checked against the rule set when the unit is scored.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Claims { get; init; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>
    /// The unit's survey results (điều tra xã hội học), for a rule set whose index has a survey component; null when
    /// the unit has none (the rule set's <c>whenNoSurvey</c> then decides). Set by merging a survey results file by
    /// unit code (<c>SurveyFileReader</c>), or by a host from its own records.
    /// </summary>
    public Survey.SurveyResponses? Survey { get; init; }

    /// <summary>
    /// The appraisal council's work and the unit's evidence by criterion id (columns <c>thamDinh:</c>, <c>nhanXet:</c>,
    /// <c>giaiTrinh:</c>, <c>thamDinh2:</c>, <c>tlkc:</c>), as given (not yet checked); empty when the data carries none.
    /// They are checked against the rule set when the unit is read or scored.
    /// </summary>
    public IReadOnlyDictionary<string, CriterionAppraisal> Appraisals { get; init; } = CriterionColumns.NoAppraisals;

    /// <summary>Identity field names, in the order data sheets use.</summary>
    public static IReadOnlyList<string> IdentityFields { get; } = ["code", "name", "level", "parent"];

    /// <summary>The optional identity column that states a commune's kind: <c>xa</c>, <c>phuong</c> or <c>dacKhu</c>.</summary>
    public const string KindField = "kind";

    /// <summary>Whether a column (after NFC and trimming) is an identity column: code, name, level, parent or kind.</summary>
    internal static bool IsIdentityField(string column) => column == KindField || IdentityFields.Contains(column);

    /// <summary>
    /// The field that holds claimed points: a column <c>tuCham:&lt;criterion id&gt;</c> (the id may contain dots,
    /// hence the colon), or in JSON also a nested object <c>"tuCham": { "&lt;criterion id&gt;": 2.5 }</c>.
    /// </summary>
    public const string ClaimsField = "tuCham";

    /// <summary>The column prefix of a claimed-points column: <c>tuCham:</c>.</summary>
    public const string ClaimPrefix = ClaimsField + ":";

    /// <summary>Whether a column (after NFC and trimming) holds claimed points: <c>tuCham:&lt;id&gt;</c> or <c>tuCham</c>, any case.</summary>
    public static bool IsClaimColumn(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return CriterionColumns.TryParse(column, out var field, out _) && field == CriterionField.Claim;
    }

    /// <summary>Builds a unit from a flat row: identity fields plus one entry per input.</summary>
    /// <exception cref="UnitDataException">The identity is missing or invalid.</exception>
    public static UnitData FromRow(IReadOnlyDictionary<string, object?> row, UnitSource? source = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        string? Text(string key) => row.TryGetValue(key, out var v) && v is not null ? Normalize(Convert.ToString(v, CultureInfo.InvariantCulture)) : null;

        var code = Text("code");
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new UnitDataException("code", row.GetValueOrDefault("code")?.ToString(), CchcText.Get(nameof(ScoringStrings.Unit_MissingCode)), source);
        }

        var (level, kind) = ReadLevel(Text("level"), Text(KindField), source);

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var claims = new Dictionary<string, object?>(StringComparer.Ordinal);
        var appraisal = new CriterionColumns.Collector();
        foreach (var (key, value) in row)
        {
            var name = Normalize(key)!.Trim();
            var normalized = value is string s ? Normalize(s) : value;
            if (CriterionColumns.TryParse(name, out var field, out var id))
            {
                // An empty cell says nothing; a prefix without an id keeps "" so that it is reported, not dropped.
                if (normalized is null || (normalized is string text && string.IsNullOrWhiteSpace(text)))
                {
                    continue;
                }

                if (field == CriterionField.Claim)
                {
                    claims[id] = normalized;
                }
                else
                {
                    appraisal.Add(field, id, normalized);
                }
            }
            else if (!IsIdentityField(name))
            {
                values[name] = normalized;
            }
        }

        return new UnitData(code.Trim(), Text("name")?.Trim() ?? code.Trim(), level, string.IsNullOrWhiteSpace(Text("parent")) ? null : Text("parent")!.Trim(), values)
        {
            Source = source,
            Kind = kind,
            Claims = claims,
            Appraisals = appraisal.Result(),
        };
    }

    /// <summary>
    /// The one place a level word and an optional kind word become a level and a kind: Vietnamese with or without
    /// diacritics, any case, after NFC (see <see cref="UnitLevels.TryParseWord"/>). A kind word in the level column
    /// (<c>phuong</c>) and a kind column must agree; a kind is only for a commune-level unit.
    /// </summary>
    /// <exception cref="UnitDataException">An unknown word, or a level and a kind that disagree, with its place.</exception>
    internal static (UnitLevel Level, UnitKind? Kind) ReadLevel(string? levelText, string? kindText, UnitSource? source)
    {
        if (!UnitLevels.TryParseWord(levelText, out var level, out var kind))
        {
            throw new UnitDataException("level", levelText?.Trim(), CchcText.Format(nameof(ScoringStrings.Unit_BadLevel), string.Join(", ", UnitLevels.DataWords)), source);
        }

        if (string.IsNullOrWhiteSpace(kindText))
        {
            return (level, kind);
        }

        if (!UnitLevels.TryParseKind(kindText, out var stated))
        {
            throw new UnitDataException(KindField, kindText.Trim(), CchcText.Format(nameof(ScoringStrings.Unit_BadKind), string.Join(", ", UnitLevels.KindDataWords)), source);
        }

        if (level != UnitLevel.Xa)
        {
            throw new UnitDataException(KindField, kindText.Trim(), CchcText.Format(nameof(ScoringStrings.Unit_KindNotCommune), levelText?.Trim(), level.ToVietnamese()), source);
        }

        if (kind is { } fromLevel && fromLevel != stated)
        {
            throw new UnitDataException(KindField, kindText.Trim(), CchcText.Format(nameof(ScoringStrings.Unit_KindMismatch), stated.ToVietnamese(), levelText?.Trim(), fromLevel.ToVietnamese()), source);
        }

        return (level, stated);
    }

    /// <summary>
    /// Builds a unit from a host application's JSON object (one flat object, as in a data file). A property
    /// <c>"survey"</c> holding an array of rows <c>{ "group": …, "question": …, "&lt;answer id&gt;": count, … }</c> gives
    /// the unit's survey results (rows that do not fit the rule set's survey are reported on the card).
    /// </summary>
    /// <exception cref="UnitDataException">The identity is missing or invalid.</exception>
    public static UnitData FromJObject(JObject json, UnitSource? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        Survey.SurveyResponses? survey = null;
        foreach (var property in json.Properties())
        {
            if (property.Value is JArray rows && string.Equals(Normalize(property.Name)!.Trim(), SurveyField, StringComparison.OrdinalIgnoreCase))
            {
                survey = SurveyOf(rows, source);
                continue;
            }

            AddProperty(row, property.Name, property.Value);
        }

        var unit = FromRow(row, source);
        return survey is null ? unit : unit with { Survey = survey };
    }

    /// <summary>The JSON property of a unit that holds its survey results.</summary>
    internal const string SurveyField = "survey";

    private static Survey.SurveyResponses SurveyOf(JArray rows, UnitSource? source)
    {
        var result = new List<Survey.SurveyAnswerCounts>();
        foreach (var item in rows.OfType<JObject>())
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var answer in item.Properties().Where(p => p.Name is not "group" and not "question"))
            {
                // A count that is not a whole number is kept as long.MinValue, so that the card reports it rather than dropping it.
                counts[answer.Name] = answer.Value is JValue { Type: JTokenType.Integer } v && v.Value is long n ? n : long.MinValue;
            }

            result.Add(new Survey.SurveyAnswerCounts(item["group"]?.ToString() ?? "", item["question"]?.ToString() ?? "", counts) { Source = source });
        }

        return new Survey.SurveyResponses(result);
    }

    /// <summary>
    /// Adds one JSON property to a flat row; a nested <c>"tuCham": { id: points }</c> (or <c>thamDinh</c>,
    /// <c>thamDinh2</c>, <c>nhanXet</c>, <c>giaiTrinh</c>, <c>tlkc</c>) becomes <c>tuCham:id</c> … columns.
    /// </summary>
    internal static void AddProperty(Dictionary<string, object?> row, string name, JToken value)
    {
        if (value is JObject nested && CriterionColumns.TryParse(Normalize(name)!.Trim(), out var field, out var id) && id.Length == 0)
        {
            foreach (var item in nested.Properties())
            {
                row[CriterionColumns.Prefix(field) + item.Name] = Cell(field, item.Value);
            }

            return;
        }

        if (value is JArray && CriterionColumns.TryParse(Normalize(name)!.Trim(), out var evidence, out _) && evidence == CriterionField.Evidence)
        {
            row[name] = Cell(evidence, value);
            return;
        }

        row[name] = FromToken(value);
    }

    /// <summary>A per-criterion cell; evidence may be a JSON array of references (<c>"tlkc": { "1.1": ["QĐ 12/QĐ-UBND ngày 10/02/2023", "…"] }</c>).</summary>
    private static object? Cell(CriterionField field, JToken token)
        => field == CriterionField.Evidence && token is JArray items ? string.Join("; ", items.Select(FromToken).OfType<object>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))) : FromToken(token);

    internal static object? FromToken(JToken token) => token switch
    {
        JValue { Type: JTokenType.Null or JTokenType.Undefined } => null,
        JValue { Type: JTokenType.Integer or JTokenType.Float } v => Number(v.Value),
        JValue { Type: JTokenType.Boolean } v => (bool)v.Value!,
        JValue { Type: JTokenType.Date } v => v.Value,
        JValue v => Convert.ToString(v.Value, CultureInfo.InvariantCulture),
        _ => token.ToString(Newtonsoft.Json.Formatting.None),
    };

    /// <summary>
    /// A JSON number as a value: a decimal when it fits, otherwise its text (an integer above the decimal range, a double
    /// that is NaN, infinite or too large), which <see cref="InputConverter"/> then reports as out of range, with its place.
    /// </summary>
    private static object? Number(object? value)
    {
        switch (value)
        {
            case decimal d:
                return d;
            case double x:
                return x;
            case System.Numerics.BigInteger big:
                return big >= (System.Numerics.BigInteger)decimal.MinValue && big <= (System.Numerics.BigInteger)decimal.MaxValue
                    ? (decimal)big
                    : big.ToString(CultureInfo.InvariantCulture);
            case IConvertible c:
                try
                {
                    return c.ToDecimal(CultureInfo.InvariantCulture);
                }
                catch (OverflowException)
                {
                    return c.ToString(CultureInfo.InvariantCulture);
                }

            default:
                return Convert.ToString(value, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Unicode NFC: spreadsheets mix composed and decomposed Vietnamese.</summary>
    internal static string? Normalize(string? text) => text is null ? null : Cchc.Rules.Text.Nfc.Normalize(text);
}

/// <summary>A unit's data that cannot be scored at all (no code, no valid level, unreadable row).</summary>
public sealed class UnitDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnitDataException(string field, string? value, string reason, UnitSource? source)
        : base($"{(source is null ? "" : CchcText.Format(nameof(ScoringStrings.Unit_At), source.File, source.Row))}{field} = '{value}': {reason}")
    {
        Field = field;
        Value = value;
        Reason = reason;
        Location = source;
    }

    /// <summary>The field at fault.</summary>
    public string Field { get; }

    /// <summary>The value found, if any.</summary>
    public string? Value { get; }

    /// <summary>Why the unit cannot be scored, in <see cref="Cchc.Rules.CchcLanguage.Current"/> (Vietnamese unless set to English).</summary>
    public string Reason { get; }

    /// <summary>Where the unit was read from.</summary>
    public UnitSource? Location { get; }
}
