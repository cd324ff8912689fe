using System.Globalization;
using Cchc.Rules.Model;

namespace Cchc.Scoring.Units;

/// <summary>
/// What the appraisal council (hội đồng thẩm định) and the unit wrote about one criterion, as given in the data (not
/// yet checked against the rule set): the appraised points of round 1 and round 2, the council's comment, the unit's
/// explanation between the rounds, and the references to its evidence (tài liệu kiểm chứng).
/// </summary>
public sealed record CriterionAppraisal
{
    /// <summary>Round-1 appraised points (<c>thamDinh:&lt;id&gt;</c>), as given: a number or its text; null when not given.</summary>
    public object? Round1 { get; init; }

    /// <summary>Round-2 appraised points after the unit's explanation (<c>thamDinh2:&lt;id&gt;</c>); null when not given.</summary>
    public object? Round2 { get; init; }

    /// <summary>The council's comment (<c>nhanXet:&lt;id&gt;</c>).</summary>
    public string? Comment { get; init; }

    /// <summary>The unit's written explanation (<c>giaiTrinh:&lt;id&gt;</c>).</summary>
    public string? Explanation { get; init; }

    /// <summary>The evidence references (<c>tlkc:&lt;id&gt;</c>, several separated by <c>;</c>): document number and date, file name or URL.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>Where the appraised points were read when they came from an appraisal sheet (<c>--appraisal</c>) rather than the unit's own row.</summary>
    internal UnitSource? Source { get; init; }
}

/// <summary>
/// The one place that recognises per-criterion columns — <c>tuCham:&lt;id&gt;</c>, <c>thamDinh:&lt;id&gt;</c>,
/// <c>thamDinh2:&lt;id&gt;</c>, <c>nhanXet:&lt;id&gt;</c>, <c>giaiTrinh:&lt;id&gt;</c>, <c>tlkc:&lt;id&gt;</c> (any case, after
/// NFC and trimming) and the nested JSON objects of the same names — for every reader (CSV, XLSX, JSON, a host's
/// objects, analysts' test cases).
/// </summary>
internal static class CriterionColumns
{
    public static IReadOnlyDictionary<string, CriterionAppraisal> NoAppraisals { get; } = new Dictionary<string, CriterionAppraisal>(StringComparer.Ordinal);

    /// <summary>The field's name as written in data: <c>tuCham</c>, <c>thamDinh</c> ….</summary>
    public static string Name(CriterionField field) => CriterionColumnNames.Name(field);

    /// <summary>The column prefix of a field: <c>thamDinh:</c> ….</summary>
    public static string Prefix(CriterionField field) => Name(field) + ":";

    /// <summary>The column of a field for one criterion: <c>thamDinh:1.1</c>.</summary>
    public static string Column(CriterionField field, string id) => Prefix(field) + id;

    /// <inheritdoc cref="CriterionColumnNames.TryParse"/>
    public static bool TryParse(string column, out CriterionField field, out string id) => CriterionColumnNames.TryParse(column, out field, out id);

    /// <summary>Whether a column is any per-criterion column.</summary>
    public static bool IsCriterionColumn(string column) => TryParse(column, out _, out _);

    /// <summary>The evidence references of a cell: split at <c>;</c> (and new lines), trimmed, empty parts dropped.</summary>
    public static IReadOnlyList<string> SplitEvidence(object? raw)
        => raw is null ? [] : [.. (Convert.ToString(raw, CultureInfo.InvariantCulture) ?? "").Split([';', '\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>Gathers a row's appraisal cells into one <see cref="CriterionAppraisal"/> per criterion.</summary>
    public sealed class Collector
    {
        private Dictionary<string, CriterionAppraisal>? _items;

        public void Add(CriterionField field, string id, object? value)
        {
            _items ??= new Dictionary<string, CriterionAppraisal>(StringComparer.Ordinal);
            var item = _items.GetValueOrDefault(id) ?? new CriterionAppraisal();
            static string? Text(object? v) => v is null ? null : Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim();
            _items[id] = field switch
            {
                CriterionField.Round1 => item with { Round1 = value },
                CriterionField.Round2 => item with { Round2 = value },
                CriterionField.Comment => item with { Comment = Text(value) },
                CriterionField.Explanation => item with { Explanation = Text(value) },
                _ => item with { Evidence = [.. item.Evidence, .. SplitEvidence(value)] },
            };
        }

        public IReadOnlyDictionary<string, CriterionAppraisal> Result() => _items ?? NoAppraisals;
    }
}
