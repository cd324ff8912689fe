using System.Globalization;
using Cchc.Rules;
using Cchc.Rules.Loading;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;
using FsCheck.Xunit;

namespace Cchc.Scoring.Tests.Scoring;

/// <summary>The shipped commune PAR Index on its hand-made sample and on random complete units.</summary>
public class ChiSoCchcXaTests
{
    private static readonly Lazy<ScoringEngine> Lazy = new(() => new ScoringEngine(
        new RuleSetLoader().LoadOrThrow(Path.Combine(AppContext.BaseDirectory, "rules", "chi-so-cchc-xa"))));

    private static ScoringEngine Engine => Lazy.Value;

    [Fact]
    public async Task ScoreMany_PhuQuyCommunes_GiveTheDocumentedIndexesAndGrades()
    {
        var results = new UnitFileReader(Engine.RuleSet).Read(Path.Combine(Paths.Samples, "chi-so-cchc-xa.csv")).ToList();
        Assert.All(results, r => Assert.Null(r.Rejection));

        var cards = new List<ScoreCard>();
        await foreach (var card in Engine.ScoreManyAsync(results.Select(r => r.Unit!)))
        {
            cards.Add(card);
        }

        // Long Hải: 4.3 does not apply (no village to merge); Ngũ Phụng: 6.4 and CT.2 do not apply.
        Assert.Equal(
            [("long-hai", 95.58m, 99m, 96.55m, "Xuất sắc"), ("ngu-phung", 86.56m, 98.5m, 87.88m, "Tốt"), ("tam-thanh", 64.75m, 100m, 64.75m, "Trung bình")],
            cards.Select(c => (c.Unit.Code, c.Points, c.MaxPoints, c.Index!.Value, c.Grade!)));
        Assert.All(cards, c => Assert.Empty(c.Problems));
        Assert.All(cards, c => Assert.DoesNotContain(c.Criteria, k => k.Status == CriterionStatus.Error));
    }

    [Property(MaxTest = 60)]
    public async Task Score_AnyCompleteUnit_PointsWithinBoundsAndIndexAndGradeFollow(int seed)
    {
        var card = await Engine.ScoreAsync(RandomUnit(Engine.RuleSet, new Random(seed)));

        Assert.Empty(card.Problems);
        Assert.True(card.Complete);
        foreach (var criterion in Flatten(card.Criteria))
        {
            var max = Engine.RuleSet.FindCriterion(criterion.Id)!.Scoring.Points;
            var (low, high) = Engine.RuleSet.FindCriterion(criterion.Id)!.Kind == CriterionKind.Penalty ? (-max, 0m) : (0m, max);
            Assert.InRange(criterion.Points, low, high);
        }

        Assert.InRange(card.Bonus, 0m, Engine.RuleSet.BonusCap);
        Assert.InRange(card.Penalty, 0m, Engine.RuleSet.PenaltyCap);
        Assert.InRange(card.MaxPoints, 70.5m, 100m); // at most 8.1 (16), 3.2 (5), 8.3 (4), 6.1 (2), 6.4 (1,5) and 4.3 (1) leave the maximum
        var basePoints = card.Points - card.Bonus + card.Penalty;
        Assert.InRange(basePoints, 0m, card.MaxPoints);
        Assert.Equal(Math.Round(card.Points / card.MaxPoints * 100, 2, MidpointRounding.AwayFromZero), card.Index);
        Assert.Equal(Engine.RuleSet.Grades.First(g => g.Contains(card.Index!.Value)).Name, card.Grade);
    }

    [Property(MaxTest = 30)]
    public async Task Score_MoreSatisfiedRespondents_NeverLowersTheIndex(int seed)
    {
        var random = new Random(seed);
        var unit = RandomUnit(Engine.RuleSet, random);
        var values = unit.Values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        var key = new[] { "TiepCan", "GiaiQuyet", "CongChuc", "KetQua" }[random.Next(4)];
        var moved = Math.Min(Convert.ToInt32(values[$"khaoSat{key}D"], CultureInfo.InvariantCulture), random.Next(1, 50));
        values[$"khaoSat{key}D"] = Convert.ToInt32(values[$"khaoSat{key}D"], CultureInfo.InvariantCulture) - moved;
        values[$"khaoSat{key}A"] = Convert.ToInt32(values[$"khaoSat{key}A"], CultureInfo.InvariantCulture) + moved;

        var before = await Engine.ScoreAsync(unit);
        var after = await Engine.ScoreAsync(UnitData.FromRow(Row(unit, values)));

        Assert.True(after.Index >= before.Index, $"{before.Index} → {after.Index}");
    }

    private static IEnumerable<CriterionScore> Flatten(IEnumerable<CriterionScore> criteria) => criteria.SelectMany(c => new[] { c }.Concat(Flatten(c.Children)));

    private static Dictionary<string, object?> Row(UnitData unit, IReadOnlyDictionary<string, object?> values)
    {
        var row = new Dictionary<string, object?>(values, StringComparer.Ordinal) { ["code"] = unit.Code, ["name"] = unit.Name, ["level"] = "xa" };
        return row;
    }

    /// <summary>A unit with a valid value for every input; denominators may be 0 and numerators never exceed them.</summary>
    private static UnitData RandomUnit(CompiledRuleSet ruleSet, Random random)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = $"X{random.Next(100000)}", ["name"] = "Xã ngẫu nhiên", ["level"] = "xa" };
        foreach (var input in ruleSet.Inputs)
        {
            row[input.Name] = input.Type switch
            {
                InputType.Bool => random.Next(2) == 0,
                InputType.Date => new DateTime(2022, 12, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(random.Next(120)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                InputType.Choice => input.Options[random.Next(input.Options.Count)].Value,
                InputType.Percent => Math.Round((decimal)random.NextDouble() * 100, 2),
                InputType.Number when input.Max is { } max => random.Next((int)input.Min!.Value, (int)max + 1),
                InputType.Number => Math.Round((decimal)random.NextDouble() * 10000, 1),
                _ => random.Next(0, 4) == 0 ? (int)(input.Min ?? 0) : random.Next((int)(input.Min ?? 0), 300),
            };
        }

        // A numerator is a part of its denominator, as on a real data sheet.
        foreach (var (part, whole) in new[]
        {
            ("nhiemVuKeHoachHoanThanh", "nhiemVuKeHoachCchc"), ("baoCaoDungHan", "baoCaoPhaiNop"), ("tonTaiDaKhacPhuc", "tonTaiQuaKiemTra"),
            ("nhiemVuCapTrenHoanThanh", "nhiemVuCapTrenGiao"), ("vbqpplDungQuyDinh", "vbqpplPhaiBanHanh"), ("vbqpplTraiPhapLuatDaXuLy", "vbqpplTraiPhapLuatPhatHien"),
            ("pbgdplDaThucHien", "pbgdplKeHoach"), ("tthcCongKhaiDayDu", "tthcCapXa"), ("tthcNoiBoCongKhai", "tthcNoiBo"), ("hoSoDaGiaiQuyet", "hoSoTiepNhan"),
            ("hoSoDungHan", "hoSoDaGiaiQuyet"), ("hoSoTreHanDaXinLoi", "hoSoDaGiaiQuyet"), ("hoSoLuanChuyenDienTu", "hoSoLuanChuyen"), ("hoSoTrucTuyen", "hoSoTiepNhan"),
            ("tthcThanhToanTrucTuyen", "tthcCoNghiaVuTaiChinh"), ("ketQuaDaSoHoa", "ketQuaConHieuLuc"), ("hoSoTaiSuDungDuLieu", "hoSoTiepNhan"),
            ("paknXuLyDungHan", "paknTiepNhan"), ("cbccDatChuan", "cbcc"), ("cbccDaBoiDuong", "cbccKeHoachBoiDuong"), ("hoSoCongViecTrenMang", "hoSoCongViec"),
            ("vanBanDiKySo", "vanBanDi"), ("kiemTraTrenMoiTruongSo", "hoatDongKiemTra"), ("chiTieuKtxhDat", "chiTieuKtxhGiao"),
        })
        {
            row[part] = Math.Min(Convert.ToInt32(row[part], CultureInfo.InvariantCulture), Convert.ToInt32(row[whole], CultureInfo.InvariantCulture));
        }

        return UnitData.FromRow(row);
    }
}
