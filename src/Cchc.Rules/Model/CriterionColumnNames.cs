namespace Cchc.Rules.Model;

/// <summary>The per-criterion fields a data row can carry beside the inputs.</summary>
internal enum CriterionField
{
    /// <summary><c>tuCham:</c> — the unit's claimed points.</summary>
    Claim,

    /// <summary><c>thamDinh:</c> — round-1 appraised points.</summary>
    Round1,

    /// <summary><c>thamDinh2:</c> — round-2 appraised points.</summary>
    Round2,

    /// <summary><c>nhanXet:</c> — the council's comment.</summary>
    Comment,

    /// <summary><c>giaiTrinh:</c> — the unit's explanation.</summary>
    Explanation,

    /// <summary><c>tlkc:</c> — evidence references.</summary>
    Evidence,
}

/// <summary>
/// The names of the per-criterion columns a unit's data can carry beside its inputs (<c>tuCham:&lt;id&gt;</c>,
/// <c>thamDinh:&lt;id&gt;</c>, <c>thamDinh2:&lt;id&gt;</c>, <c>nhanXet:&lt;id&gt;</c>, <c>giaiTrinh:&lt;id&gt;</c>,
/// <c>tlkc:&lt;id&gt;</c>), stated once for the data readers and the analysts' test cases.
/// </summary>
internal static class CriterionColumnNames
{
    private static readonly (string Name, CriterionField Field)[] Fields =
    [
        ("tuCham", CriterionField.Claim),
        ("thamDinh2", CriterionField.Round2),
        ("thamDinh", CriterionField.Round1),
        ("nhanXet", CriterionField.Comment),
        ("giaiTrinh", CriterionField.Explanation),
        ("tlkc", CriterionField.Evidence),
    ];

    /// <summary>The field's name as written in data: <c>tuCham</c>, <c>thamDinh</c> ….</summary>
    public static string Name(CriterionField field) => Fields.First(f => f.Field == field).Name;

    /// <summary>
    /// Whether <paramref name="column"/> (already NFC and trimmed) is a per-criterion column: <c>prefix:&lt;id&gt;</c>
    /// (<paramref name="id"/> trimmed) or the bare field name (<paramref name="id"/> empty: a nested JSON object, or a
    /// column without an id, which is reported).
    /// </summary>
    public static bool TryParse(string column, out CriterionField field, out string id)
    {
        ArgumentNullException.ThrowIfNull(column);
        foreach (var (name, f) in Fields)
        {
            if (column.Length > name.Length && column[name.Length] == ':' && column.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                field = f;
                id = column[(name.Length + 1)..].Trim();
                return true;
            }

            if (string.Equals(column, name, StringComparison.OrdinalIgnoreCase))
            {
                field = f;
                id = "";
                return true;
            }
        }

        field = default;
        id = "";
        return false;
    }
}
