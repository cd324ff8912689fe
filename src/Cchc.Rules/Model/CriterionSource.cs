namespace Cchc.Rules.Model;

/// <summary>How a criterion stands to its source documents.</summary>
public enum SourceBasis
{
    /// <summary><c>stated</c>: what is measured and its threshold are stated in the cited document.</summary>
    Stated,

    /// <summary><c>borrowed</c>: taken from another instrument than the one the rule set encodes (named in the cites).</summary>
    Borrowed,

    /// <summary><c>inferred</c>: the cited document states the aim; how it is measured is the rule set's reading.</summary>
    Inferred,

    /// <summary><c>reconstructed</c>: no public table states it; a reconstruction of the common pattern, to be checked.</summary>
    Reconstructed,
}

/// <summary>
/// Where a criterion comes from (Properties.<c>source</c> of a rule): the basis, the public documents it cites
/// (decision numbers, URLs) and a note on the reading taken.
/// </summary>
/// <param name="Basis">Stated, borrowed, inferred or reconstructed.</param>
/// <param name="Cites">Public documents: number, date and issuer of a decision, or a URL.</param>
/// <param name="Note">The reading taken, in Vietnamese, if any.</param>
public sealed record CriterionSource(SourceBasis Basis, IReadOnlyList<string> Cites, string? Note)
{
    /// <summary>The file word of a basis: <c>stated</c>, <c>borrowed</c>, <c>inferred</c>, <c>reconstructed</c>.</summary>
    public static string Code(SourceBasis basis) => basis switch
    {
        SourceBasis.Stated => "stated",
        SourceBasis.Borrowed => "borrowed",
        SourceBasis.Inferred => "inferred",
        SourceBasis.Reconstructed => "reconstructed",
        _ => throw new ArgumentOutOfRangeException(nameof(basis)),
    };

    /// <summary>The Vietnamese words of a basis, for people.</summary>
    public static string Vietnamese(SourceBasis basis) => basis switch
    {
        SourceBasis.Stated => "theo văn bản",
        SourceBasis.Borrowed => "mượn từ công cụ đánh giá khác",
        SourceBasis.Inferred => "suy ra: cách đo là của bộ tiêu chí",
        SourceBasis.Reconstructed => "tái dựng, cần đối chiếu văn bản chính thức",
        _ => throw new ArgumentOutOfRangeException(nameof(basis)),
    };

    /// <summary>One line for people, in <see cref="CchcLanguage.Current"/>: "Nguồn (basis): cite; cite. note".</summary>
    public override string ToString()
        => Texts.RulesText.Format(nameof(Texts.RulesStrings.Source_Line), Words(Basis), Cites.Count == 0 ? "—" : string.Join("; ", Cites), string.IsNullOrWhiteSpace(Note) ? "" : $". {Note}");

    private static string Words(SourceBasis basis) => Texts.RulesText.Get(basis switch
    {
        SourceBasis.Stated => nameof(Texts.RulesStrings.Source_Stated),
        SourceBasis.Borrowed => nameof(Texts.RulesStrings.Source_Borrowed),
        SourceBasis.Inferred => nameof(Texts.RulesStrings.Source_Inferred),
        SourceBasis.Reconstructed => nameof(Texts.RulesStrings.Source_Reconstructed),
        _ => throw new ArgumentOutOfRangeException(nameof(basis)),
    });
}
