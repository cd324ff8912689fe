using System.Reflection;
using Cchc.Rules;
using Cchc.Rules.Compilation;

namespace Cchc.Benchmarks.Compiled;

/// <summary>
/// One commune's inputs for the hand-written scorer: one typed field per input of <c>rules/chi-so-cchc-xa</c>
/// (manifest order), null when the value is missing or was refused by the converter.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006", Justification = "Field names are the rule set's input names.")]
internal sealed class CommuneInput
{
#pragma warning disable CS0649 // set by From, through reflection
    public decimal? namDanhGia;
    public DateTime? ngayBanHanhKeHoachCchc;
    public decimal? nhiemVuKeHoachCchc;
    public decimal? nhiemVuKeHoachHoanThanh;
    public decimal? baoCaoPhaiNop;
    public decimal? baoCaoDungHan;
    public bool? coKeHoachKiemTraCchc;
    public decimal? tonTaiQuaKiemTra;
    public decimal? tonTaiDaKhacPhuc;
    public decimal? hoatDongTuyenTruyenCchc;
    public decimal? nhiemVuCapTrenGiao;
    public decimal? nhiemVuCapTrenHoanThanh;
    public decimal? vbqpplPhaiBanHanh;
    public decimal? vbqpplDungQuyDinh;
    public decimal? vbqpplTraiPhapLuatPhatHien;
    public decimal? vbqpplTraiPhapLuatDaXuLy;
    public string? raSoatVanBan;
    public decimal? pbgdplKeHoach;
    public decimal? pbgdplDaThucHien;
    public decimal? tthcCapXa;
    public decimal? tthcCongKhaiDayDu;
    public decimal? tthcNoiBo;
    public decimal? tthcNoiBoCongKhai;
    public decimal? hoSoTiepNhan;
    public decimal? hoSoDaGiaiQuyet;
    public decimal? hoSoDungHan;
    public decimal? hoSoTreHanDaXinLoi;
    public decimal? hoSoLuanChuyen;
    public decimal? hoSoLuanChuyenDienTu;
    public decimal? hoSoTrucTuyen;
    public decimal? tthcCoNghiaVuTaiChinh;
    public decimal? tthcThanhToanTrucTuyen;
    public decimal? ketQuaConHieuLuc;
    public decimal? ketQuaDaSoHoa;
    public decimal? hoSoTaiSuDungDuLieu;
    public decimal? paknTiepNhan;
    public decimal? paknXuLyDungHan;
    public string? boPhanMotCua;
    public decimal? cbcc;
    public decimal? cbccDuocGiao;
    public decimal? nguoiKhongChuyenTrach;
    public decimal? nguoiKhongChuyenTrachDuocGiao;
    public decimal? quyCheNoiQuyBanHanh;
    public string? sapXepThonTo;
    public decimal? cbccDatChuan;
    public decimal? cbccKeHoachBoiDuong;
    public decimal? cbccDaBoiDuong;
    public bool? danhGiaCbccDungQuyDinh;
    public decimal? luotViPhamKyCuong;
    public bool? boTriDungViTriViecLam;
    public decimal? thuNsnnDuToan;
    public decimal? thuNsnnThucHien;
    public bool? coQuyCheChiTieuNoiBo;
    public string? congKhaiNganSach;
    public bool? coDuAnDauTuCong;
    public decimal? vonDauTuCongKeHoach;
    public decimal? vonDauTuCongGiaiNgan;
    public decimal? hoSoCongViec;
    public decimal? hoSoCongViecTrenMang;
    public decimal? vanBanDi;
    public decimal? vanBanDiKySo;
    public bool? suDungPhanMemQlvb;
    public string? trangThongTinDienTu;
    public decimal? hoatDongKiemTra;
    public decimal? kiemTraTrenMoiTruongSo;
    public bool? duyTriIso9001;
    public decimal? suCoAnToanThongTin;
    public decimal? khaoSatTiepCanA;
    public decimal? khaoSatTiepCanB;
    public decimal? khaoSatTiepCanC;
    public decimal? khaoSatTiepCanD;
    public decimal? khaoSatGiaiQuyetA;
    public decimal? khaoSatGiaiQuyetB;
    public decimal? khaoSatGiaiQuyetC;
    public decimal? khaoSatGiaiQuyetD;
    public decimal? khaoSatCongChucA;
    public decimal? khaoSatCongChucB;
    public decimal? khaoSatCongChucC;
    public decimal? khaoSatCongChucD;
    public decimal? khaoSatKetQuaA;
    public decimal? khaoSatKetQuaB;
    public decimal? khaoSatKetQuaC;
    public decimal? khaoSatKetQuaD;
    public string? danhGiaCapTrenChiDao;
    public string? danhGiaCapTrenPhoiHop;
    public decimal? tyLeHaiLong;
    public decimal? chiTieuKtxhGiao;
    public decimal? chiTieuKtxhDat;
    public decimal? sangKienCchc;
    public string? nhiemVuDotXuat;
    public bool? khenThuongCchc;
    public decimal? cbccBiKyLuat;
    public decimal? viPhamQuaThanhTra;
#pragma warning restore CS0649

    private static readonly FieldInfo[] Fields = typeof(CommuneInput).GetFields(BindingFlags.Public | BindingFlags.Instance);

    /// <summary>
    /// Copies a unit's converted values (see <c>ScoringEngine.Convert</c>) into the fields, by name. Setup only (reflection);
    /// throws if the rule set and this class do not declare the same inputs.
    /// </summary>
    public static CommuneInput From(CompiledRuleSet ruleSet, UnitValues values)
    {
        if (Fields.Length != ruleSet.Inputs.Count)
        {
            throw new InvalidOperationException($"CommuneInput has {Fields.Length} fields, the rule set {ruleSet.Inputs.Count} inputs.");
        }

        var input = new CommuneInput();
        for (var i = 0; i < ruleSet.Inputs.Count; i++)
        {
            var name = ruleSet.Inputs[i].Name;
            var field = Array.Find(Fields, f => f.Name == name)
                ?? throw new InvalidOperationException($"CommuneInput has no field for input '{name}'.");
            field.SetValue(input, values.Present[i] ? values.Get(i) : null);
        }

        return input;
    }
}
