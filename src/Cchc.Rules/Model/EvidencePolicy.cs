namespace Cchc.Rules.Model;

/// <summary>
/// Whether a criterion's claimed points (điểm tự chấm) need evidence (tài liệu kiểm chứng, a <c>tlkc:&lt;id&gt;</c>
/// reference), and what a claim without it costs. Set for the whole rule set in <c>ruleset.json</c> (<c>"evidence"</c>)
/// and per criterion in a rule's <c>Properties</c> (which wins).
/// </summary>
public enum EvidencePolicy
{
    /// <summary>No evidence required (the default).</summary>
    None,

    /// <summary>Required; a claim without it is listed (on the card and in the appraisal record), and still counted.</summary>
    Flag,

    /// <summary>
    /// Required; a claim without it is not accepted: it is left out of the claimed total and reported as a data problem
    /// of the claim. The final points do not change: they never come from a claim (the council's appraisal where
    /// given, the computed points elsewhere).
    /// </summary>
    RejectClaim,
}
