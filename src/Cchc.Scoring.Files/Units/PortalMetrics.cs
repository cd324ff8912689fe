namespace Cchc.Scoring.Units;

/// <summary>
/// How the portal's data maps onto the inputs of the <c>qd766</c> rule set (<c>shared/domain/qd766.md</c>):
/// each metric code's numerator and denominator, the raw counts of the tree endpoints, and the group each belongs to.
/// </summary>
internal static class PortalMetrics
{
    /// <summary>Metric code → (numerator input, denominator input, group). Codes whose inputs only the tree endpoints carry have null inputs.</summary>
    public static IReadOnlyDictionary<string, (string? Numerator, string? Denominator, string Group)> Codes { get; } =
        new Dictionary<string, (string?, string?, string)>(StringComparer.Ordinal)
        {
            ["PUBLISH_ON_TIME"] = ("publishOnTimeNum", "publishOnTimeDen", "cong-khai-minh-bach"),
            ["PUBLIC_UPDATE_ON_TIME"] = ("publicUpdateOnTimeNum", "publicUpdateOnTimeDen", "cong-khai-minh-bach"),
            ["PUBLIC_CONTENT_FULL"] = ("publicContentFullNum", "publicContentFullDen", "cong-khai-minh-bach"),
            ["DOSSIER_SYNC"] = ("dossierSyncNum", "dossierSyncDen", "cong-khai-minh-bach"),
            ["ON_TIME"] = ("totalOnTime", "totalReceived", "tien-do-giai-quyet"),

            // (partial + full) ÷ authority: a numerator of two counts, which only provide-online-tree gives apart.
            ["ONLINE_PROVISION"] = (null, "authorityCount", "dich-vu-cong-truc-tuyen"),
            ["ONLINE_USAGE"] = ("onlineDossierCount", "onlineServiceTotal", "dich-vu-cong-truc-tuyen"),
            ["ONLINE_CHANNEL"] = ("channelOnlineSum", "channelTotalSum", "dich-vu-cong-truc-tuyen"),
            ["PAYMENT_DOSSIERS"] = ("totalDossierOnlinePaymentSuccess", "totalDossierFinancialObligation", "thanh-toan-truc-tuyen"),
            ["PAYMENT_FORMALITIES"] = ("totalDossierOnlineFormalityPaymentSuccess", "totalFeeFormality", "thanh-toan-truc-tuyen"),
            ["PAYMENT_FEE_FORMALITIES"] = ("totalFeeDossierFormality", "totalFeeFormality", "thanh-toan-truc-tuyen"),
            ["ORIGINAL_RESULT_AVAILABLE"] = ("originalResultAvailableNum", "originalResultAvailableDen", "so-hoa-ho-so"),
            ["SO_HOA_GIAY_TO_GIAI_QUYET"] = ("soHoaGiayToGiaiQuyetNum", "soHoaGiayToGiaiQuyetDen", "so-hoa-ho-so"),
            ["ELECTRONIC_CERTIFIED_COPY"] = ("electronicCertifiedCopyNum", "electronicCertifiedCopyDen", "so-hoa-ho-so"),
            ["REUSED_DIGITIZED_DATA"] = ("reusedDigitizedDataNum", "reusedDigitizedDataDen", "so-hoa-ho-so"),
            ["SYNCED_WITH_DVCQG_PERSONAL_STORAGE"] = ("syncedWithDvcqgPersonalStorageNum", "syncedWithDvcqgPersonalStorageDen", "so-hoa-ho-so"),
            ["CITIZEN_DATA_CONNECTED_DOSSIER"] = ("citizenDataConnectedDossierNum", "citizenDataConnectedDossierDen", "so-hoa-ho-so"),
            ["CITIZEN_DATA_CONNECTED_FORMALITY"] = ("citizenDataConnectedFormalityNum", "citizenDataConnectedFormalityDen", "so-hoa-ho-so"),
            ["DOSSIER_RECEIVING_SATISFACTION"] = ("dossierReceivingSatisfactionNum", "dossierReceivingSatisfactionDen", "muc-do-hai-long"),
            ["PETITION_PROCESSING_ON_TIME"] = ("petitionProcessingOnTimeNum", "petitionProcessingOnTimeDen", "muc-do-hai-long"),
            ["PETITION_HANDLING_SATISFACTION"] = ("petitionHandlingSatisfactionNum", "petitionHandlingSatisfactionDen", "muc-do-hai-long"),
        };

    /// <summary>Metrics the portal shows for information only (0 points): known, read past, not reported.</summary>
    public static IReadOnlySet<string> Informational { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "PETITION_CLASSIFICATION_TTHC",
        "PETITION_CLASSIFICATION_STAFF",
    };

    /// <summary>The raw counts of the tree endpoints (<c>data.parent</c> / <c>data.children[]</c>) that are inputs, by the group whose score the node carries.</summary>
    public static IReadOnlyList<(string Group, string[] Fields)> TreeFields { get; } =
    [
        ("tien-do-giai-quyet", ["totalOnTime", "totalReceived"]),
        ("dich-vu-cong-truc-tuyen", ["authorityCount", "partialCount", "fullCount", "onlineDossierCount", "onlineServiceTotal", "channelOnlineSum", "channelTotalSum"]),
        ("thanh-toan-truc-tuyen", ["totalDossierOnlinePaymentSuccess", "totalDossierFinancialObligation", "totalDossierOnlineFormalityPaymentSuccess", "totalFeeDossierFormality", "totalFeeFormality"]),
    ];
}
