using Cchc.Rules;

namespace Cchc.Samples;

/// <summary>How one input is drawn for a commune of a given quality.</summary>
public sealed record Profile(Func<UnitContext, object?> Draw);

/// <summary>
/// What a commune's figures look like, input by input, for <c>rules/chi-so-cchc-xa</c>: sizes (denominators) that do
/// not depend on quality, shares of them that do, events that weaker communes have more of, deadlines they miss.
/// Inputs declared by the rule set but not listed here get a plain draw for their type; a profile for an input the
/// rule set does not declare is an error, so a renamed input cannot silently fall back.
/// </summary>
internal static class Profiles
{
    private static readonly Dictionary<string, Profile> Known = new(StringComparer.Ordinal)
    {
        // The year ranked: the last year with districts (communes were reorganised in 2025).
        ["namDanhGia"] = new(_ => 2024m),

        // Chỉ đạo, điều hành
        ["ngayBanHanhKeHoachCchc"] = new(c => new DateTime(2024, 2, 19, 0, 0, 0, DateTimeKind.Unspecified).AddDays(c.Days(best: -45, worst: 12))),
        ["nhiemVuKeHoachCchc"] = Size(24, 0.3, min: 1),
        ["nhiemVuKeHoachHoanThanh"] = Share("nhiemVuKeHoachCchc", 0.7, 1.02),
        ["baoCaoPhaiNop"] = Size(6, 0.12),
        ["baoCaoDungHan"] = Share("baoCaoPhaiNop", 0.55, 1.05, 0.1),
        ["coKeHoachKiemTraCchc"] = Flag(0.6, 0.99),
        ["tonTaiQuaKiemTra"] = Events(4, 0.4),
        ["tonTaiDaKhacPhuc"] = Share("tonTaiQuaKiemTra", 0.3, 1.05, 0.15),
        ["hoatDongTuyenTruyenCchc"] = Events(1.5, 5),
        ["nhiemVuCapTrenGiao"] = Size(8, 0.4),
        ["nhiemVuCapTrenHoanThanh"] = Share("nhiemVuCapTrenGiao", 0.6, 1.05, 0.08),

        // Thể chế: many communes issue no VBQPPL in a year (nothing to do → full points).
        ["vbqpplPhaiBanHanh"] = Events(1.2, 1.2),
        ["vbqpplDungQuyDinh"] = Share("vbqpplPhaiBanHanh", 0.6, 1.1, 0.1),
        ["vbqpplTraiPhapLuatPhatHien"] = Events(0.5, 0.03),
        ["vbqpplTraiPhapLuatDaXuLy"] = Share("vbqpplTraiPhapLuatPhatHien", 0.3, 1.1, 0.15),
        ["pbgdplKeHoach"] = Size(12, 0.3),
        ["pbgdplDaThucHien"] = Share("pbgdplKeHoach", 0.6, 1.05, 0.08),

        // TTHC and one-stop: dossier counts vary a lot between communes, quality does not drive them.
        ["tthcCapXa"] = Size(110, 0.1),
        ["tthcCongKhaiDayDu"] = Share("tthcCapXa", 0.85, 1.08, 0.03),
        ["tthcNoiBo"] = Size(15, 0.3),
        ["tthcNoiBoCongKhai"] = Share("tthcNoiBo", 0.4, 1.05, 0.1),
        ["hoSoTiepNhan"] = Size(1500, 0.8),
        ["hoSoDaGiaiQuyet"] = Share("hoSoTiepNhan", 0.9, 0.995, 0.02),
        ["hoSoDungHan"] = Share("hoSoDaGiaiQuyet", 0.9, 1.01, 0.02),
        ["hoSoTreHanDaXinLoi"] = new(c => c.Share(c.Count("hoSoDaGiaiQuyet") - c.Count("hoSoDungHan"), 0.2, 1.2, 0.15)),
        ["hoSoLuanChuyen"] = new(c => Math.Round(c.Count("hoSoTiepNhan") * (decimal)Math.Clamp(0.2 + c.Noise(0.06), 0.02, 0.5))),
        ["hoSoLuanChuyenDienTu"] = Share("hoSoLuanChuyen", 0.3, 0.98, 0.1),
        ["hoSoTrucTuyen"] = Share("hoSoTiepNhan", 0.15, 0.8, 0.1),
        ["tthcCoNghiaVuTaiChinh"] = Size(25, 0.2),
        ["tthcThanhToanTrucTuyen"] = Share("tthcCoNghiaVuTaiChinh", 0.3, 1.02, 0.1),
        ["ketQuaConHieuLuc"] = Size(3000, 0.8),
        ["ketQuaDaSoHoa"] = Share("ketQuaConHieuLuc", 0.2, 0.9, 0.1),
        ["hoSoTaiSuDungDuLieu"] = Share("hoSoTiepNhan", 0.1, 0.7, 0.1),
        ["tyLeHaiLong"] = new(c => (decimal)Math.Round(c.Between(72, 97, 3), 1)),
        ["paknTiepNhan"] = Events(2.5, 1.5),
        ["paknXuLyDungHan"] = Share("paknTiepNhan", 0.5, 1.1, 0.1),

        // Bộ máy and công vụ
        ["cbcc"] = Size(20, 0.12, min: 1),
        ["cbccDuocGiao"] = new(c => c.Count("cbcc") + (c.Chance(0.35, 0.02) ? -1m : c.Events(0.3, 1.5))),
        ["nguoiKhongChuyenTrach"] = Size(12, 0.2),
        ["nguoiKhongChuyenTrachDuocGiao"] = new(c => c.Count("nguoiKhongChuyenTrach") + (c.Chance(0.3, 0.02) ? -1m : c.Events(0.3, 1.2))),
        ["quyCheNoiQuyBanHanh"] = Events(1.5, 4.5),
        ["sapXepThonTo"] = new(c => c.Chance(0.4, 0.4) ? "khong-ap-dung" : c.Chance(0.35, 0.95) ? "hoan-thanh" : "chua-hoan-thanh"),
        ["cbccDatChuan"] = Share("cbcc", 0.82, 1.04, 0.04),
        ["cbccKeHoachBoiDuong"] = Size(20, 0.3),
        ["cbccDaBoiDuong"] = Share("cbccKeHoachBoiDuong", 0.6, 1.05, 0.08),
        ["danhGiaCbccDungQuyDinh"] = Flag(0.7, 0.99),
        ["luotViPhamKyCuong"] = Events(1.5, 0.08),
        ["boTriDungViTriViecLam"] = Flag(0.6, 0.98),

        // Tài chính công (million đồng)
        ["thuNsnnDuToan"] = new(c => c.Size(3000, 0.9)),
        ["thuNsnnThucHien"] = new(c => Math.Round(c.Count("thuNsnnDuToan") * (decimal)Math.Max(0, 0.8 + (0.35 * c.Quality) + c.Noise(0.08)), 1)),
        ["coQuyCheChiTieuNoiBo"] = Flag(0.8, 1.0),
        ["coDuAnDauTuCong"] = Flag(0.45, 0.45),
        ["vonDauTuCongKeHoach"] = new(c => c.Values["coDuAnDauTuCong"] is true ? c.Size(5000, 0.8) : 0m),
        ["vonDauTuCongGiaiNgan"] = new(c => Math.Round(c.Count("vonDauTuCongKeHoach") * (decimal)Math.Clamp(0.5 + (0.5 * c.Quality) + c.Noise(0.1), 0, 1), 1)),

        // Chính quyền số
        ["hoSoCongViec"] = Size(800, 0.5),
        ["hoSoCongViecTrenMang"] = Share("hoSoCongViec", 0.2, 0.95, 0.12),
        ["vanBanDi"] = Size(600, 0.5),
        ["vanBanDiKySo"] = Share("vanBanDi", 0.5, 1.02, 0.08),
        ["suDungPhanMemQlvb"] = Flag(0.85, 1.0),
        ["hoatDongKiemTra"] = Size(6, 0.4),
        ["kiemTraTrenMoiTruongSo"] = Share("hoatDongKiemTra", 0, 0.6, 0.15),
        ["duyTriIso9001"] = Flag(0.6, 0.98),
        ["suCoAnToanThongTin"] = Events(0.4, 0.02),

        // Tác động: four survey questions, answers A (rất hài lòng) … D (không hài lòng).
        ["khaoSatTiepCanA"] = Survey("khaoSatTiepCan", 0), ["khaoSatTiepCanB"] = Survey("khaoSatTiepCan", 1),
        ["khaoSatTiepCanC"] = Survey("khaoSatTiepCan", 2), ["khaoSatTiepCanD"] = Survey("khaoSatTiepCan", 3),
        ["khaoSatGiaiQuyetA"] = Survey("khaoSatGiaiQuyet", 0), ["khaoSatGiaiQuyetB"] = Survey("khaoSatGiaiQuyet", 1),
        ["khaoSatGiaiQuyetC"] = Survey("khaoSatGiaiQuyet", 2), ["khaoSatGiaiQuyetD"] = Survey("khaoSatGiaiQuyet", 3),
        ["khaoSatCongChucA"] = Survey("khaoSatCongChuc", 0), ["khaoSatCongChucB"] = Survey("khaoSatCongChuc", 1),
        ["khaoSatCongChucC"] = Survey("khaoSatCongChuc", 2), ["khaoSatCongChucD"] = Survey("khaoSatCongChuc", 3),
        ["khaoSatKetQuaA"] = Survey("khaoSatKetQua", 0), ["khaoSatKetQuaB"] = Survey("khaoSatKetQua", 1),
        ["khaoSatKetQuaC"] = Survey("khaoSatKetQua", 2), ["khaoSatKetQuaD"] = Survey("khaoSatKetQua", 3),
        ["chiTieuKtxhGiao"] = Size(20, 0.2),
        ["chiTieuKtxhDat"] = Share("chiTieuKtxhGiao", 0.6, 1.02, 0.08),

        // Bonus and penalty
        ["sangKienCchc"] = Events(0.05, 1.0),
        ["nhiemVuDotXuat"] = new(c => c.Chance(0.5, 0.5) ? "khong-giao" : new[] { "xuat-sac", "tot", "hoan-thanh", "khong-hoan-thanh" }[c.Ordinal(4)]),
        ["khenThuongCchc"] = Flag(0.02, 0.25),
        ["cbccBiKyLuat"] = Events(0.5, 0.02),
        ["viPhamQuaThanhTra"] = Events(0.8, 0.05),
    };

    private static Profile Size(double median, double spread, decimal min = 0) => new(c => Math.Max(min, c.Size(median, spread)));

    private static Profile Share(string of, double worst, double best, double noise = 0.04) => new(c => c.Share(c.Count(of), worst, best, noise));

    private static Profile Flag(double worst, double best) => new(c => c.Chance(worst, best));

    private static Profile Events(double worstMean, double bestMean) => new(c => c.Events(worstMean, bestMean));

    /// <summary>Answer <paramref name="answer"/> (0 = A … 3 = D) of a survey question: about 60 respondents, better communes get more A and B.</summary>
    private static Profile Survey(string question, int answer) => new(c =>
    {
        var key = "~" + question;
        if (!c.Values.TryGetValue(key, out var split) || split is not decimal[] counts)
        {
            var respondents = Math.Max(10m, c.Size(60, 0.35));
            var q = c.Quality;
            var weights = new[] { 0.10 + (0.75 * q), 0.30, 0.30 - (0.25 * q), 0.30 - (0.35 * q) }
                .Select(w => Math.Max(0.01, w + c.Noise(0.03))).ToArray();
            var total = weights.Sum();
            counts = [.. weights.Select(w => Math.Floor(respondents * (decimal)(w / total)))];
            counts[1] += respondents - counts.Sum();
            c.Values[key] = counts;
        }

        return counts[answer];
    });

    /// <summary>The profiles of a rule set's inputs; <paramref name="year"/> is the evaluation year (plans due 19/02 of it).</summary>
    public static IReadOnlyDictionary<string, Profile> For(CompiledRuleSet ruleSet, int year = 2024)
    {
        var unknown = Known.Keys.Where(name => !ruleSet.InputsByName.ContainsKey(name)).ToList();
        if (unknown.Count > 0 && ruleSet.Id == "chi-so-cchc-xa")
        {
            throw new InvalidOperationException($"Profiles name inputs the rule set does not declare: {string.Join(", ", unknown)}");
        }

        var profiles = Known.Where(p => ruleSet.InputsByName.ContainsKey(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (year != 2024)
        {
            ReplaceIfPresent(profiles, "namDanhGia", new(_ => (decimal)year));
            ReplaceIfPresent(profiles, "ngayBanHanhKeHoachCchc", new(c => new DateTime(year, 2, 19, 0, 0, 0, DateTimeKind.Unspecified).AddDays(c.Days(best: -45, worst: 12))));
        }

        return profiles;
    }

    private static void ReplaceIfPresent(Dictionary<string, Profile> profiles, string name, Profile profile)
    {
        if (profiles.ContainsKey(name))
        {
            profiles[name] = profile;
        }
    }
}
