namespace Cchc.Scoring.Cards;

/// <summary>
/// The status vocabulary, in one place: the code word of each <see cref="CriterionStatus"/> (as in the JSON card,
/// explanation templates and analysts' test cases) and the Vietnamese word people read.
/// </summary>
public static class CriterionStatusWords
{
    // The code word is the enum member's JSON name (its [JsonStringEnumMemberName]), so the card's JSON, the
    // templates and the test cases cannot drift apart; the Vietnamese word is said here only.
    private static readonly (CriterionStatus Status, string Code, string Vietnamese)[] Words =
    [
        (CriterionStatus.Met, Code(CriterionStatus.Met), "Đạt"),
        (CriterionStatus.Partial, Code(CriterionStatus.Partial), "Đạt một phần"),
        (CriterionStatus.NotMet, Code(CriterionStatus.NotMet), "Chưa đạt"),
        (CriterionStatus.NoOccurrence, Code(CriterionStatus.NoOccurrence), "Không phát sinh"),
        (CriterionStatus.NotApplicable, Code(CriterionStatus.NotApplicable), "Không áp dụng"),
        (CriterionStatus.MissingData, Code(CriterionStatus.MissingData), "Thiếu dữ liệu"),
        (CriterionStatus.Error, Code(CriterionStatus.Error), "Lỗi"),
    ];

    private static string Code(CriterionStatus status)
        => typeof(CriterionStatus).GetField(status.ToString())!.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute), false)
            .Cast<System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute>().Single().Name;

    /// <summary>Every status with its code word and Vietnamese word, in enum order.</summary>
    public static IReadOnlyList<(CriterionStatus Status, string Code, string Vietnamese)> All => Words;

    /// <summary>The code word: <c>met</c>, <c>partial</c>, <c>notMet</c>, <c>noOccurrence</c>, <c>notApplicable</c>, <c>missingData</c>, <c>error</c>.</summary>
    public static string ToCode(this CriterionStatus status) => Words[(int)status].Code;

    /// <summary>The Vietnamese word: Đạt, Đạt một phần, Chưa đạt, Không phát sinh, Không áp dụng, Thiếu dữ liệu, Lỗi.</summary>
    public static string ToVietnamese(this CriterionStatus status) => Words[(int)status].Vietnamese;

    /// <summary>The status of a code word (exact case), if it is one.</summary>
    public static bool TryParse(string? code, out CriterionStatus status)
    {
        foreach (var word in Words)
        {
            if (string.Equals(word.Code, code, StringComparison.Ordinal))
            {
                status = word.Status;
                return true;
            }
        }

        status = default;
        return false;
    }
}
