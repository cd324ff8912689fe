using System.Runtime.CompilerServices;
using Cchc.Scoring.Cards;

namespace Cchc.Benchmarks.Compiled;

/// <summary>What the hand-written scorer gives for one commune: per criterion (flattened order), areas and totals.</summary>
internal sealed class HandResult
{
    public CriterionStatus[] Status { get; } = new CriterionStatus[HandScorer.CriterionCount];

    /// <summary>Signed points (a penalty's are negative), as the compiled path stores them.</summary>
    public decimal[] Points { get; } = new decimal[HandScorer.CriterionCount];

    public decimal[] MaxPoints { get; } = new decimal[HandScorer.CriterionCount];

    public decimal[] AreaPoints { get; } = new decimal[HandScorer.AreaCount];

    public decimal[] AreaMaxPoints { get; } = new decimal[HandScorer.AreaCount];

    public decimal BasePoints { get; set; }

    public decimal MaxTotal { get; set; }

    public decimal Bonus { get; set; }

    public decimal Penalty { get; set; }

    public decimal Total { get; set; }

    public decimal? Index { get; set; }

    public string? Grade { get; set; }
}

/// <summary>
/// The commune PAR Index (<c>rules/chi-so-cchc-xa</c>, version 2025.1.0) written out by hand in C#: every criterion of
/// the nine workflow files, its expressions, its points method, its no-occurrence / not-applicable parameter and the
/// missing-data rule, the rounding, area subtotals, capped bonus and penalty, index and grade. The baseline of
/// <see cref="CompiledCoreBenchmark"/>: what "the physical limit" costs with the same exact (decimal) arithmetic.
/// <para>
/// Semantics reproduced from the engine (src/Cchc.Scoring/Scoring/ScoringPlan.cs, PointsCalculator.cs): a leaf is
/// not applicable when its <c>notApplicable</c> parameter is true on present inputs; it is "nothing to do" when its
/// <c>noOccurrence</c> parameter is true on present inputs (full points, zero, or out of the maximum, by its
/// <c>whenNoOccurrence</c>); otherwise any missing input it reads makes it missing data (0 points, maximum kept).
/// Points are rounded half away from zero to 2 decimals (after 20, as the engine does); only the linear method can
/// produce more decimals here, so only it is rounded. Composite criteria sum their children. Written for units of
/// level <c>xa</c> (the only level of the rule set); no expression of this rule set can throw, so there is no
/// error status. <see cref="HandVerifier"/> proves it equal to the compiled path on the national sample.
/// </para>
/// </summary>
internal static class HandScorer
{
    public const int CriterionCount = 65;
    public const int AreaCount = 8;
    private const decimal BonusCap = 3, PenaltyCap = 5;

    /// <summary>Criterion ids in flattened order (parent, then its children): the index of each constant below.</summary>
    public static readonly string[] Ids =
    [
        "1.1", "1.1.a", "1.1.b", "1.2", "1.3", "1.3.a", "1.3.b", "1.4", "1.5",
        "2.1", "2.1.a", "2.1.b", "2.2", "2.3", "2.4",
        "3.1", "3.1.a", "3.1.b", "3.2", "3.3", "3.4", "3.5", "3.5.a", "3.5.b", "3.5.c", "3.6", "3.7", "3.8",
        "4.1", "4.1.a", "4.1.b", "4.2", "4.3",
        "5.1", "5.2", "5.3", "5.4", "5.5",
        "6.1", "6.2", "6.3", "6.4",
        "7.1", "7.2", "7.3", "7.3.a", "7.3.b", "7.3.c", "7.4", "7.5",
        "8.1", "8.1.a", "8.1.b", "8.1.c", "8.1.d", "8.2", "8.2.a", "8.2.b", "8.3", "8.4",
        "CT.1", "CT.2", "CT.3", "TR.1", "TR.2",
    ];

    /// <summary>Area ids, manifest order.</summary>
    public static readonly string[] AreaIds = ["chi-dao-dieu-hanh", "the-che", "tthc", "bo-may", "cong-vu", "tai-chinh-cong", "chinh-quyen-so", "tac-dong"];

    private const CriterionStatus Met = CriterionStatus.Met, Partial = CriterionStatus.Partial, NotMet = CriterionStatus.NotMet,
        NoOccurrence = CriterionStatus.NoOccurrence, NotApplicable = CriterionStatus.NotApplicable, Missing = CriterionStatus.MissingData;

    /// <summary>Scores one commune into <paramref name="r"/> (overwritten). Allocates nothing.</summary>
    public static void Score(CommuneInput u, HandResult r)
    {
        var st = r.Status;
        var pt = r.Points;
        var mx = r.MaxPoints;
        ChiDaoDieuHanh(u, st, pt, mx);
        TheChe(u, st, pt, mx);
        ThuTucHanhChinh(u, st, pt, mx);
        BoMay(u, st, pt, mx);
        CongVu(u, st, pt, mx);
        TaiChinhCong(u, st, pt, mx);
        ChinhQuyenSo(u, st, pt, mx);
        TacDong(u, st, pt, mx);
        BonusAndPenalty(u, st, pt, mx);
        Totals(r);
    }

    // One method per area, as one would write it: the JIT stops inlining (even decimal constants and
    // Nullable.GetValueOrDefault) once a single method is this large.
    private static void ChiDaoDieuHanh(CommuneInput u, CriterionStatus[] st, decimal[] pt, decimal[] mx)
    {
        // ── 1. Chỉ đạo, điều hành (12) ──────────────────────────────────────────────────────────────────────────
        // 1.1.a passFail 1: ngayBanHanhKeHoachCchc < 19/02 of max(namDanhGia, 2023)
        if (u.ngayBanHanhKeHoachCchc is { } planDate && u.namDanhGia is { } year)
        {
            var passed = planDate < new DateTime(Math.Max((int)year, 2023), 2, 19);
            Leaf(st, pt, mx, 1, passed ? Met : NotMet, passed ? 1m : 0m, 1m);
        }
        else
        {
            Leaf(st, pt, mx, 1, Missing, 0, 1m);
        }

        // 1.1.b bands 3: % of the plan's tasks done; 100 → 3, 80 → 1.5
        if (u.nhiemVuKeHoachHoanThanh is { } tasksDone && u.nhiemVuKeHoachCchc is { } tasks)
        {
            var v = Percent(tasksDone, tasks);
            var p = v >= 100 ? 3m : v >= 80 ? 1.5m : 0m;
            Leaf(st, pt, mx, 2, Outcome(v >= 100, p), p, 3m);
        }
        else
        {
            Leaf(st, pt, mx, 2, Missing, 0, 3m);
        }

        Composite(st, pt, mx, 0, 1, 2);

        // 1.2 deduction 2 (0.5 per report late or missing, floor 0); nothing to do when no report was due (full)
        if (u.baoCaoPhaiNop is 0m)
        {
            Leaf(st, pt, mx, 3, NoOccurrence, 2m, 2m);
        }
        else if (u.baoCaoPhaiNop is { } reportsDue && u.baoCaoDungHan is { } reportsOnTime)
        {
            var v = Math.Max(reportsDue - reportsOnTime, 0);
            var p = Math.Min(2m, Math.Max(2m - Math.Max(v, 0) * 0.5m, 0m));
            Leaf(st, pt, mx, 3, Outcome(v == 0, p), p, 2m);
        }
        else
        {
            Leaf(st, pt, mx, 3, Missing, 0, 2m);
        }

        // 1.3.a passFail 0.5: a self-inspection plan
        Bool(st, pt, mx, 5, u.coKeHoachKiemTraCchc, 0.5m);

        // 1.3.b linear 1.5 (full at 100%): shortcomings fixed; nothing found → full
        if (u.tonTaiQuaKiemTra is 0m)
        {
            Leaf(st, pt, mx, 6, NoOccurrence, 1.5m, 1.5m);
        }
        else if (u.tonTaiQuaKiemTra is { } found && u.tonTaiDaKhacPhuc is { } fixedCount)
        {
            LinearLeaf(st, pt, mx, 6, Percent(fixedCount, found), 1.5m, 100m);
        }
        else
        {
            Leaf(st, pt, mx, 6, Missing, 0, 1.5m);
        }

        Composite(st, pt, mx, 4, 5, 6);

        // 1.4 perItem 1.5 (0.5 per form of communication); met from 3
        if (u.hoatDongTuyenTruyenCchc is { } forms)
        {
            var p = Math.Clamp(Math.Max(forms, 0) * 0.5m, 0m, 1.5m);
            Leaf(st, pt, mx, 7, Outcome(forms >= 3, p), p, 1.5m);
        }
        else
        {
            Leaf(st, pt, mx, 7, Missing, 0, 1.5m);
        }

        // 1.5 bands 2.5: % of the tasks given from above done on time; 100 → 2.5, 90 → 1.5, 70 → 0.5; none given → full
        if (u.nhiemVuCapTrenGiao is 0m)
        {
            Leaf(st, pt, mx, 8, NoOccurrence, 2.5m, 2.5m);
        }
        else if (u.nhiemVuCapTrenGiao is { } given && u.nhiemVuCapTrenHoanThanh is { } givenDone)
        {
            var v = Percent(givenDone, given);
            var p = v >= 100 ? 2.5m : v >= 90 ? 1.5m : v >= 70 ? 0.5m : 0m;
            Leaf(st, pt, mx, 8, Outcome(v >= 100, p), p, 2.5m);
        }
        else
        {
            Leaf(st, pt, mx, 8, Missing, 0, 2.5m);
        }

    }

    private static void TheChe(CommuneInput u, CriterionStatus[] st, decimal[] pt, decimal[] mx)
    {
        // ── 2. Thể chế (8) ──────────────────────────────────────────────────────────────────────────────────────
        // 2.1.a passFail 1.5: % of legal documents issued properly ≥ 100; none due → full
        if (u.vbqpplPhaiBanHanh is 0m)
        {
            Leaf(st, pt, mx, 10, NoOccurrence, 1.5m, 1.5m);
            Leaf(st, pt, mx, 11, NoOccurrence, 1.5m, 1.5m); // 2.1.b has the same noOccurrence
        }
        else
        {
            if (u.vbqpplPhaiBanHanh is { } due && u.vbqpplDungQuyDinh is { } proper)
            {
                PassFail(st, pt, mx, 10, Percent(proper, due) >= 100, 1.5m);
            }
            else
            {
                Leaf(st, pt, mx, 10, Missing, 0, 1.5m);
            }

            // 2.1.b passFail 1.5: no unlawful document found
            if (u.vbqpplPhaiBanHanh is not null && u.vbqpplTraiPhapLuatPhatHien is { } unlawful)
            {
                PassFail(st, pt, mx, 11, unlawful == 0, 1.5m);
            }
            else
            {
                Leaf(st, pt, mx, 11, Missing, 0, 1.5m);
            }
        }

        Composite(st, pt, mx, 9, 10, 11);

        // 2.2 passFail 2: % of unlawful documents dealt with ≥ 100; none found → full
        if (u.vbqpplTraiPhapLuatPhatHien is 0m)
        {
            Leaf(st, pt, mx, 12, NoOccurrence, 2m, 2m);
        }
        else if (u.vbqpplTraiPhapLuatPhatHien is { } unlawfulFound && u.vbqpplTraiPhapLuatDaXuLy is { } dealtWith)
        {
            PassFail(st, pt, mx, 12, Percent(dealtWith, unlawfulFound) >= 100, 2m);
        }
        else
        {
            Leaf(st, pt, mx, 12, Missing, 0, 2m);
        }

        // 2.3 choice 1: day-du 1, chua-day-du 0.5, khong-thuc-hien 0
        switch (u.raSoatVanBan)
        {
            case null: Leaf(st, pt, mx, 13, Missing, 0, 1m); break;
            case "day-du": Leaf(st, pt, mx, 13, Met, 1m, 1m); break;
            case "chua-day-du": Leaf(st, pt, mx, 13, Partial, 0.5m, 1m); break;
            default: Leaf(st, pt, mx, 13, NotMet, 0m, 1m); break;
        }

        // 2.4 bands 2: % of legal-education activities done; 100 → 2, 80 → 1; no plan → zero (kept in the maximum)
        if (u.pbgdplKeHoach is 0m)
        {
            Leaf(st, pt, mx, 14, NoOccurrence, 0m, 2m);
        }
        else if (u.pbgdplKeHoach is { } planned && u.pbgdplDaThucHien is { } held)
        {
            var v = Percent(held, planned);
            var p = v >= 100 ? 2m : v >= 80 ? 1m : 0m;
            Leaf(st, pt, mx, 14, Outcome(v >= 100, p), p, 2m);
        }
        else
        {
            Leaf(st, pt, mx, 14, Missing, 0, 2m);
        }

    }

    private static void ThuTucHanhChinh(CommuneInput u, CriterionStatus[] st, decimal[] pt, decimal[] mx)
    {
        // ── 3. Thủ tục hành chính (20) ──────────────────────────────────────────────────────────────────────────
        // 3.1.a passFail 1.5: % of procedures published ≥ 100; none → full
        if (u.tthcCapXa is 0m)
        {
            Leaf(st, pt, mx, 16, NoOccurrence, 1.5m, 1.5m);
        }
        else if (u.tthcCapXa is { } procedures && u.tthcCongKhaiDayDu is { } published)
        {
            PassFail(st, pt, mx, 16, Percent(published, procedures) >= 100, 1.5m);
        }
        else
        {
            Leaf(st, pt, mx, 16, Missing, 0, 1.5m);
        }

        // 3.1.b passFail 1.5: % of internal procedures published ≥ 90; none → full
        if (u.tthcNoiBo is 0m)
        {
            Leaf(st, pt, mx, 17, NoOccurrence, 1.5m, 1.5m);
        }
        else if (u.tthcNoiBo is { } internalProcedures && u.tthcNoiBoCongKhai is { } internalPublished)
        {
            PassFail(st, pt, mx, 17, Percent(internalPublished, internalProcedures) >= 90, 1.5m);
        }
        else
        {
            Leaf(st, pt, mx, 17, Missing, 0, 1.5m);
        }

        Composite(st, pt, mx, 15, 16, 17);

        // 3.2 bands 5: % of files settled on time; 100 → 5, 95 → 3.75, 90 → 2.5; none settled → out of the maximum
        if (u.hoSoDaGiaiQuyet is 0m)
        {
            Leaf(st, pt, mx, 18, NoOccurrence, 0m, 0m);
        }
        else if (u.hoSoDaGiaiQuyet is { } settled && u.hoSoDungHan is { } onTime)
        {
            var v = Percent(onTime, settled);
            var p = v >= 100 ? 5m : v >= 95 ? 3.75m : v >= 90 ? 2.5m : 0m;
            Leaf(st, pt, mx, 18, Outcome(v >= 100, p), p, 5m);
        }
        else
        {
            Leaf(st, pt, mx, 18, Missing, 0, 5m);
        }

        // 3.3 passFail 1: apologies for every late file; no late file → full
        if (u.hoSoDaGiaiQuyet is { } settled3 && u.hoSoDungHan is { } onTime3 && settled3 - onTime3 <= 0)
        {
            Leaf(st, pt, mx, 19, NoOccurrence, 1m, 1m);
        }
        else if (u.hoSoDaGiaiQuyet is { } s3 && u.hoSoDungHan is { } o3 && u.hoSoTreHanDaXinLoi is { } apologies)
        {
            PassFail(st, pt, mx, 19, Percent(apologies, s3 - o3) >= 100, 1m);
        }
        else
        {
            Leaf(st, pt, mx, 19, Missing, 0, 1m);
        }

        // 3.4 linear 2 (full at 60%): files passed on electronically; none → full
        if (u.hoSoLuanChuyen is 0m)
        {
            Leaf(st, pt, mx, 20, NoOccurrence, 2m, 2m);
        }
        else if (u.hoSoLuanChuyen is { } passedOn && u.hoSoLuanChuyenDienTu is { } passedOnline)
        {
            LinearLeaf(st, pt, mx, 20, Percent(passedOnline, passedOn), 2m, 60m);
        }
        else
        {
            Leaf(st, pt, mx, 20, Missing, 0, 2m);
        }

        // 3.5.a linear 1.5 (full at 35%): files received online; none received → full
        if (u.hoSoTiepNhan is 0m)
        {
            Leaf(st, pt, mx, 22, NoOccurrence, 1.5m, 1.5m);
        }
        else if (u.hoSoTiepNhan is { } received && u.hoSoTrucTuyen is { } online)
        {
            LinearLeaf(st, pt, mx, 22, Percent(online, received), 1.5m, 35m);
        }
        else
        {
            Leaf(st, pt, mx, 22, Missing, 0, 1.5m);
        }

        // 3.5.b linear 1.5 (full at 60%): fee-bearing procedures payable online; none → full
        if (u.tthcCoNghiaVuTaiChinh is 0m)
        {
            Leaf(st, pt, mx, 23, NoOccurrence, 1.5m, 1.5m);
        }
        else if (u.tthcCoNghiaVuTaiChinh is { } feeBearing && u.tthcThanhToanTrucTuyen is { } payableOnline)
        {
            LinearLeaf(st, pt, mx, 23, Percent(payableOnline, feeBearing), 1.5m, 60m);
        }
        else
        {
            Leaf(st, pt, mx, 23, Missing, 0, 1.5m);
        }

        // 3.5.c linear 1 (full at 50%): results digitised; none → full
        if (u.ketQuaConHieuLuc is 0m)
        {
            Leaf(st, pt, mx, 24, NoOccurrence, 1m, 1m);
        }
        else if (u.ketQuaConHieuLuc is { } results && u.ketQuaDaSoHoa is { } digitised)
        {
            LinearLeaf(st, pt, mx, 24, Percent(digitised, results), 1m, 50m);
        }
        else
        {
            Leaf(st, pt, mx, 24, Missing, 0, 1m);
        }

        Composite(st, pt, mx, 21, 22, 24);

        // 3.6 linear 2 (full at 100%): feedback handled on time; none → full
        if (u.paknTiepNhan is 0m)
        {
            Leaf(st, pt, mx, 25, NoOccurrence, 2m, 2m);
        }
        else if (u.paknTiepNhan is { } feedback && u.paknXuLyDungHan is { } handled)
        {
            LinearLeaf(st, pt, mx, 25, Percent(handled, feedback), 2m, 100m);
        }
        else
        {
            Leaf(st, pt, mx, 25, Missing, 0, 2m);
        }

        // 3.7 linear 1.5 (full at 50%): files reusing digitised data; none received → full
        if (u.hoSoTiepNhan is 0m)
        {
            Leaf(st, pt, mx, 26, NoOccurrence, 1.5m, 1.5m);
        }
        else if (u.hoSoTiepNhan is { } received7 && u.hoSoTaiSuDungDuLieu is { } reused)
        {
            LinearLeaf(st, pt, mx, 26, Percent(reused, received7), 1.5m, 50m);
        }
        else
        {
            Leaf(st, pt, mx, 26, Missing, 0, 1.5m);
        }

        // 3.8 choice 1.5: dap-ung 1, chua-day-du 0.5, khong-dap-ung 0
        switch (u.boPhanMotCua)
        {
            case null: Leaf(st, pt, mx, 27, Missing, 0, 1.5m); break;
            case "dap-ung": Leaf(st, pt, mx, 27, Met, 1.5m, 1.5m); break;
            case "chua-day-du": Leaf(st, pt, mx, 27, Partial, 0.75m, 1.5m); break;
            default: Leaf(st, pt, mx, 27, NotMet, 0m, 1.5m); break;
        }

    }

    private static void BoMay(CommuneInput u, CriterionStatus[] st, decimal[] pt, decimal[] mx)
    {
        // ── 4. Bộ máy (6) ───────────────────────────────────────────────────────────────────────────────────────
        // 4.1.a passFail 1.5: staff ≤ staff allotted; 4.1.b passFail 1.5: part-time staff ≤ allotted
        if (u.cbcc is { } staff && u.cbccDuocGiao is { } allotted)
        {
            PassFail(st, pt, mx, 29, staff <= allotted, 1.5m);
        }
        else
        {
            Leaf(st, pt, mx, 29, Missing, 0, 1.5m);
        }

        if (u.nguoiKhongChuyenTrach is { } partTime && u.nguoiKhongChuyenTrachDuocGiao is { } partTimeAllotted)
        {
            PassFail(st, pt, mx, 30, partTime <= partTimeAllotted, 1.5m);
        }
        else
        {
            Leaf(st, pt, mx, 30, Missing, 0, 1.5m);
        }

        Composite(st, pt, mx, 28, 29, 30);

        // 4.2 perItem 2 (0.5 per set of rules); met from 4
        if (u.quyCheNoiQuyBanHanh is { } ruleSets)
        {
            var p = Math.Clamp(Math.Max(ruleSets, 0) * 0.5m, 0m, 2m);
            Leaf(st, pt, mx, 31, Outcome(ruleSets >= 4, p), p, 2m);
        }
        else
        {
            Leaf(st, pt, mx, 31, Missing, 0, 2m);
        }

        // 4.3 choice 1: hoan-thanh 1, chua-hoan-thanh 0; khong-ap-dung → not applicable
        switch (u.sapXepThonTo)
        {
            case null: Leaf(st, pt, mx, 32, Missing, 0, 1m); break;
            case "khong-ap-dung": Leaf(st, pt, mx, 32, NotApplicable, 0m, 0m); break;
            case "hoan-thanh": Leaf(st, pt, mx, 32, Met, 1m, 1m); break;
            default: Leaf(st, pt, mx, 32, NotMet, 0m, 1m); break;
        }

    }

    private static void CongVu(CommuneInput u, CriterionStatus[] st, decimal[] pt, decimal[] mx)
    {
        // ── 5. Công vụ (10) ─────────────────────────────────────────────────────────────────────────────────────
        // 5.1 bands 3: % of staff meeting the standard; 100 → 3, 90 → 1.5
        if (u.cbccDatChuan is { } qualified && u.cbcc is { } staff5)
        {
            var v = Percent(qualified, staff5);
            var p = v >= 100 ? 3m : v >= 90 ? 1.5m : 0m;
            Leaf(st, pt, mx, 33, Outcome(v >= 100, p), p, 3m);
        }
        else
        {
            Leaf(st, pt, mx, 33, Missing, 0, 3m);
        }

        // 5.2 bands 2: % of planned training done; 100 → 2, 80 → 1; none planned → full
        if (u.cbccKeHoachBoiDuong is 0m)
        {
            Leaf(st, pt, mx, 34, NoOccurrence, 2m, 2m);
        }
        else if (u.cbccKeHoachBoiDuong is { } trainingPlanned && u.cbccDaBoiDuong is { } trained)
        {
            var v = Percent(trained, trainingPlanned);
            var p = v >= 100 ? 2m : v >= 80 ? 1m : 0m;
            Leaf(st, pt, mx, 34, Outcome(v >= 100, p), p, 2m);
        }
        else
        {
            Leaf(st, pt, mx, 34, Missing, 0, 2m);
        }

        // 5.3 passFail 1, 5.5 passFail 2: yes/no
        Bool(st, pt, mx, 35, u.danhGiaCbccDungQuyDinh, 1m);

        // 5.4 deduction 2 (0.5 per breach of discipline)
        Deduction(st, pt, mx, 36, u.luotViPhamKyCuong, 2m, 0.5m);
        Bool(st, pt, mx, 37, u.boTriDungViTriViecLam, 2m);

    }

    private static void TaiChinhCong(CommuneInput u, CriterionStatus[] st, decimal[] pt, decimal[] mx)
    {
        // ── 6. Tài chính công (6) ───────────────────────────────────────────────────────────────────────────────
        // 6.1 bands 2: % of budgeted revenue collected; 100 → 2, 90 → 1; no budget → out of the maximum
        if (u.thuNsnnDuToan is 0m)
        {
            Leaf(st, pt, mx, 38, NoOccurrence, 0m, 0m);
        }
        else if (u.thuNsnnDuToan is { } budget && u.thuNsnnThucHien is { } collected)
        {
            var v = Percent(collected, budget);
            var p = v >= 100 ? 2m : v >= 90 ? 1m : 0m;
            Leaf(st, pt, mx, 38, Outcome(v >= 100, p), p, 2m);
        }
        else
        {
            Leaf(st, pt, mx, 38, Missing, 0, 2m);
        }

        // 6.2 passFail 1
        Bool(st, pt, mx, 39, u.coQuyCheChiTieuNoiBo, 1m);

        // 6.3 choice 1.5: day-du-dung-han 1, day-du-cham 0.5, khong-day-du 0
        switch (u.congKhaiNganSach)
        {
            case null: Leaf(st, pt, mx, 40, Missing, 0, 1.5m); break;
            case "day-du-dung-han": Leaf(st, pt, mx, 40, Met, 1.5m, 1.5m); break;
            case "day-du-cham": Leaf(st, pt, mx, 40, Partial, 0.75m, 1.5m); break;
            default: Leaf(st, pt, mx, 40, NotMet, 0m, 1.5m); break;
        }

        // 6.4 linear 1.5 (full at 95%): public investment disbursed; no project → not applicable
        if (u.coDuAnDauTuCong is false)
        {
            Leaf(st, pt, mx, 41, NotApplicable, 0m, 0m);
        }
        else if (u.coDuAnDauTuCong is not null && u.vonDauTuCongKeHoach is { } investment && u.vonDauTuCongGiaiNgan is { } disbursed)
        {
            LinearLeaf(st, pt, mx, 41, Percent(disbursed, investment), 1.5m, 95m);
        }
        else
        {
            Leaf(st, pt, mx, 41, Missing, 0, 1.5m);
        }

    }

    private static void ChinhQuyenSo(CommuneInput u, CriterionStatus[] st, decimal[] pt, decimal[] mx)
    {
        // ── 7. Chính quyền số (14) ──────────────────────────────────────────────────────────────────────────────
        // 7.1 linear 3 (full at 50%): work files handled online; none → full
        if (u.hoSoCongViec is 0m)
        {
            Leaf(st, pt, mx, 42, NoOccurrence, 3m, 3m);
        }
        else if (u.hoSoCongViec is { } workFiles && u.hoSoCongViecTrenMang is { } workOnline)
        {
            LinearLeaf(st, pt, mx, 42, Percent(workOnline, workFiles), 3m, 50m);
        }
        else
        {
            Leaf(st, pt, mx, 42, Missing, 0, 3m);
        }

        // 7.2 bands 3: % of outgoing documents signed digitally; 90 → 3, 70 → 2, 50 → 1; none → full
        if (u.vanBanDi is 0m)
        {
            Leaf(st, pt, mx, 43, NoOccurrence, 3m, 3m);
        }
        else if (u.vanBanDi is { } outgoing && u.vanBanDiKySo is { } signed)
        {
            var v = Percent(signed, outgoing);
            var p = v >= 90 ? 3m : v >= 70 ? 2m : v >= 50 ? 1m : 0m;
            Leaf(st, pt, mx, 43, Outcome(v >= 90, p), p, 3m);
        }
        else
        {
            Leaf(st, pt, mx, 43, Missing, 0, 3m);
        }

        // 7.3.a passFail 1
        Bool(st, pt, mx, 45, u.suDungPhanMemQlvb, 1m);

        // 7.3.b choice 1: cap-nhat-thuong-xuyen 1, chua-thuong-xuyen 0.5, khong-co 0
        switch (u.trangThongTinDienTu)
        {
            case null: Leaf(st, pt, mx, 46, Missing, 0, 1m); break;
            case "cap-nhat-thuong-xuyen": Leaf(st, pt, mx, 46, Met, 1m, 1m); break;
            case "chua-thuong-xuyen": Leaf(st, pt, mx, 46, Partial, 0.5m, 1m); break;
            default: Leaf(st, pt, mx, 46, NotMet, 0m, 1m); break;
        }

        // 7.3.c linear 1 (full at 15%): inspections done digitally; none → full
        if (u.hoatDongKiemTra is 0m)
        {
            Leaf(st, pt, mx, 47, NoOccurrence, 1m, 1m);
        }
        else if (u.hoatDongKiemTra is { } inspections && u.kiemTraTrenMoiTruongSo is { } digitalInspections)
        {
            LinearLeaf(st, pt, mx, 47, Percent(digitalInspections, inspections), 1m, 15m);
        }
        else
        {
            Leaf(st, pt, mx, 47, Missing, 0, 1m);
        }

        Composite(st, pt, mx, 44, 45, 47);

        // 7.4 passFail 2; 7.5 deduction 3 (1 per security incident)
        Bool(st, pt, mx, 48, u.duyTriIso9001, 2m);
        Deduction(st, pt, mx, 49, u.suCoAnToanThongTin, 3m, 1m);

    }

    private static void TacDong(CommuneInput u, CriterionStatus[] st, decimal[] pt, decimal[] mx)
    {
        // ── 8. Tác động (24) ────────────────────────────────────────────────────────────────────────────────────
        // 8.1.a–d linear 4 (full at 90%): survey score (A 100%, B 60%, C 20%, D 0%); no answer → out of the maximum
        Survey(st, pt, mx, 51, u.khaoSatTiepCanA, u.khaoSatTiepCanB, u.khaoSatTiepCanC, u.khaoSatTiepCanD);
        Survey(st, pt, mx, 52, u.khaoSatGiaiQuyetA, u.khaoSatGiaiQuyetB, u.khaoSatGiaiQuyetC, u.khaoSatGiaiQuyetD);
        Survey(st, pt, mx, 53, u.khaoSatCongChucA, u.khaoSatCongChucB, u.khaoSatCongChucC, u.khaoSatCongChucD);
        Survey(st, pt, mx, 54, u.khaoSatKetQuaA, u.khaoSatKetQuaB, u.khaoSatKetQuaC, u.khaoSatKetQuaD);
        Composite(st, pt, mx, 50, 51, 54);

        // 8.2.a, 8.2.b choice 1: a 1, b 0.6, c 0.2, d 0 (met only on a)
        Grade4(st, pt, mx, 56, u.danhGiaCapTrenChiDao);
        Grade4(st, pt, mx, 57, u.danhGiaCapTrenPhoiHop);
        Composite(st, pt, mx, 55, 56, 57);

        // 8.3 linear 4 (full at 100%): socio-economic targets reached; none set → out of the maximum
        if (u.chiTieuKtxhGiao is 0m)
        {
            Leaf(st, pt, mx, 58, NoOccurrence, 0m, 0m);
        }
        else if (u.chiTieuKtxhGiao is { } targetsSet && u.chiTieuKtxhDat is { } targetsReached)
        {
            LinearLeaf(st, pt, mx, 58, Percent(targetsReached, targetsSet), 4m, 100m);
        }
        else
        {
            Leaf(st, pt, mx, 58, Missing, 0, 4m);
        }

        // 8.4 linear 2 (full at 87%): satisfaction rate
        if (u.tyLeHaiLong is { } satisfaction)
        {
            LinearLeaf(st, pt, mx, 59, satisfaction, 2m, 87m);
        }
        else
        {
            Leaf(st, pt, mx, 59, Missing, 0, 2m);
        }

    }

    private static void BonusAndPenalty(CommuneInput u, CriterionStatus[] st, decimal[] pt, decimal[] mx)
    {
        // ── Bonus and penalty (outside the maximum: their MaxPoints are 0) ───────────────────────────────────────
        // CT.1 perItem 2 (1 per recognised initiative); met from 1
        if (u.sangKienCchc is { } initiatives)
        {
            var p = Math.Clamp(Math.Max(initiatives, 0) * 1m, 0m, 2m);
            Leaf(st, pt, mx, 60, Outcome(initiatives >= 1, p), p, 0m);
        }
        else
        {
            Leaf(st, pt, mx, 60, Missing, 0, 0m);
        }

        // CT.2 choice 2: xuat-sac 1, tot 0.75, hoan-thanh 0.5, khong-hoan-thanh 0; khong-giao → not applicable
        switch (u.nhiemVuDotXuat)
        {
            case null: Leaf(st, pt, mx, 61, Missing, 0, 0m); break;
            case "khong-giao": Leaf(st, pt, mx, 61, NotApplicable, 0m, 0m); break;
            case "xuat-sac": Leaf(st, pt, mx, 61, Met, 2m, 0m); break;
            case "tot": Leaf(st, pt, mx, 61, Met, 1.5m, 0m); break;
            case "hoan-thanh": Leaf(st, pt, mx, 61, Met, 1m, 0m); break;
            default: Leaf(st, pt, mx, 61, NotMet, 0m, 0m); break;
        }

        // CT.3 passFail 1
        if (u.khenThuongCchc is { } commended)
        {
            Leaf(st, pt, mx, 62, commended ? Met : NotMet, commended ? 1m : 0m, 0m);
        }
        else
        {
            Leaf(st, pt, mx, 62, Missing, 0, 0m);
        }

        // TR.1 perItem 3 (1 per disciplined official), TR.2 perItem 3 (1.5 per finding): "met" when any; points negative
        Penalty(st, pt, mx, 63, u.cbccBiKyLuat, 1m);
        Penalty(st, pt, mx, 64, u.viPhamQuaThanhTra, 1.5m);

    }

    private static void Totals(HandResult r)
    {
        var pt = r.Points;
        var mx = r.MaxPoints;

        // ── Areas, totals, index, grade ─────────────────────────────────────────────────────────────────────────
        var ap = r.AreaPoints;
        var am = r.AreaMaxPoints;
        ap[0] = pt[0] + pt[3] + pt[4] + pt[7] + pt[8];
        am[0] = mx[0] + mx[3] + mx[4] + mx[7] + mx[8];
        ap[1] = pt[9] + pt[12] + pt[13] + pt[14];
        am[1] = mx[9] + mx[12] + mx[13] + mx[14];
        ap[2] = pt[15] + pt[18] + pt[19] + pt[20] + pt[21] + pt[25] + pt[26] + pt[27];
        am[2] = mx[15] + mx[18] + mx[19] + mx[20] + mx[21] + mx[25] + mx[26] + mx[27];
        ap[3] = pt[28] + pt[31] + pt[32];
        am[3] = mx[28] + mx[31] + mx[32];
        ap[4] = pt[33] + pt[34] + pt[35] + pt[36] + pt[37];
        am[4] = mx[33] + mx[34] + mx[35] + mx[36] + mx[37];
        ap[5] = pt[38] + pt[39] + pt[40] + pt[41];
        am[5] = mx[38] + mx[39] + mx[40] + mx[41];
        ap[6] = pt[42] + pt[43] + pt[44] + pt[48] + pt[49];
        am[6] = mx[42] + mx[43] + mx[44] + mx[48] + mx[49];
        ap[7] = pt[50] + pt[55] + pt[58] + pt[59];
        am[7] = mx[50] + mx[55] + mx[58] + mx[59];

        var basePoints = ap[0] + ap[1] + ap[2] + ap[3] + ap[4] + ap[5] + ap[6] + ap[7];
        var maxPoints = am[0] + am[1] + am[2] + am[3] + am[4] + am[5] + am[6] + am[7];
        var bonus = Math.Min(pt[60] + pt[61] + pt[62], BonusCap);
        var penalty = Math.Min(-(pt[63] + pt[64]), PenaltyCap);
        var total = basePoints + bonus - penalty;
        r.BasePoints = basePoints;
        r.MaxTotal = maxPoints;
        r.Bonus = bonus;
        r.Penalty = penalty;
        r.Total = total;
        if (maxPoints > 0)
        {
            var index = Math.Round(total / maxPoints * 100, 2, MidpointRounding.AwayFromZero);
            r.Index = index;
            r.Grade = index >= 90 ? "Xuất sắc" : index >= 80 ? "Tốt" : index >= 70 ? "Khá" : index >= 50 ? "Trung bình" : index >= 0 ? "Yếu" : null;
        }
        else
        {
            r.Index = null;
            r.Grade = null;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Leaf(CriterionStatus[] st, decimal[] pt, decimal[] mx, int i, CriterionStatus status, decimal points, decimal max)
    {
        st[i] = status;
        pt[i] = points;
        mx[i] = max;
    }

    /// <summary>numerator ÷ denominator × 100; 0 when the denominator is 0 (as <c>Fn.Percent</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static decimal Percent(decimal numerator, decimal denominator) => denominator == 0 ? 0 : numerator * 100m / denominator;

    /// <summary>Met with points, or not met with none (the points methods other than passFail are met only with points).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static CriterionStatus Outcome(bool passed, decimal points) => passed && points > 0 ? Met : points > 0 ? Partial : NotMet;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PassFail(CriterionStatus[] st, decimal[] pt, decimal[] mx, int i, bool passed, decimal points)
        => Leaf(st, pt, mx, i, passed ? Met : NotMet, passed ? points : 0m, points);

    private static void Bool(CriterionStatus[] st, decimal[] pt, decimal[] mx, int i, bool? value, decimal points)
    {
        if (value is { } v)
        {
            PassFail(st, pt, mx, i, v, points);
        }
        else
        {
            Leaf(st, pt, mx, i, Missing, 0, points);
        }
    }

    /// <summary>Linear from 0 to <paramref name="fullAt"/>, rounded to 2 decimals half away from zero (after 20).</summary>
    private static void LinearLeaf(CriterionStatus[] st, decimal[] pt, decimal[] mx, int i, decimal value, decimal points, decimal fullAt)
    {
        var p = points * Math.Clamp(value / fullAt, 0m, 1m);
        p = Math.Round(Math.Round(p, 20, MidpointRounding.AwayFromZero), 2, MidpointRounding.AwayFromZero);
        Leaf(st, pt, mx, i, Outcome(value >= fullAt, p), p, points);
    }

    private static void Deduction(CriterionStatus[] st, decimal[] pt, decimal[] mx, int i, decimal? value, decimal points, decimal perItem)
    {
        if (value is { } v)
        {
            var p = Math.Min(points, Math.Max(points - Math.Max(v, 0) * perItem, 0m));
            Leaf(st, pt, mx, i, Outcome(v == 0, p), p, points);
        }
        else
        {
            Leaf(st, pt, mx, i, Missing, 0, points);
        }
    }

    private static void Penalty(CriterionStatus[] st, decimal[] pt, decimal[] mx, int i, decimal? value, decimal perItem)
    {
        if (value is { } v)
        {
            var p = Math.Clamp(Math.Max(v, 0) * perItem, 0m, 3m);
            Leaf(st, pt, mx, i, Outcome(v > 0, p), -p, 0m);
        }
        else
        {
            Leaf(st, pt, mx, i, Missing, 0, 0m);
        }
    }

    private static void Survey(CriterionStatus[] st, decimal[] pt, decimal[] mx, int i, decimal? a, decimal? b, decimal? c, decimal? d)
    {
        if (a is { } va && b is { } vb && c is { } vc && d is { } vd)
        {
            var answers = va + vb + vc + vd;
            if (answers == 0)
            {
                Leaf(st, pt, mx, i, NoOccurrence, 0m, 0m);
            }
            else
            {
                LinearLeaf(st, pt, mx, i, Percent(va * 1 + vb * 0.6m + vc * 0.2m + vd * 0, answers), 4m, 90m);
            }
        }
        else
        {
            Leaf(st, pt, mx, i, Missing, 0, 4m);
        }
    }

    private static void Grade4(CriterionStatus[] st, decimal[] pt, decimal[] mx, int i, string? choice)
    {
        switch (choice)
        {
            case null: Leaf(st, pt, mx, i, Missing, 0, 1m); break;
            case "a": Leaf(st, pt, mx, i, Met, 1m, 1m); break;
            case "b": Leaf(st, pt, mx, i, Partial, 0.6m, 1m); break;
            case "c": Leaf(st, pt, mx, i, Partial, 0.2m, 1m); break;
            default: Leaf(st, pt, mx, i, NotMet, 0m, 1m); break;
        }
    }

    /// <summary>A composite: the sum of its children (indexes <paramref name="first"/>..<paramref name="last"/>), with the engine's status rule.</summary>
    private static void Composite(CriterionStatus[] st, decimal[] pt, decimal[] mx, int i, int first, int last)
    {
        decimal points = 0, max = 0;
        bool anyMissing = false, allNotApplicable = true, allNothingToDo = true, allMet = true;
        for (var c = first; c <= last; c++)
        {
            var s = st[c];
            points += pt[c];
            max += mx[c];
            anyMissing |= s == Missing;
            allNotApplicable &= s == NotApplicable;
            allNothingToDo &= s is NoOccurrence or NotApplicable;
            allMet &= s is Met or NoOccurrence or NotApplicable;
        }

        var status = anyMissing ? Missing
            : allNotApplicable ? NotApplicable
            : allNothingToDo ? NoOccurrence
            : points >= max && allMet ? Met
            : points > 0 ? Partial
            : NotMet;
        Leaf(st, pt, mx, i, status, points, max);
    }
}
