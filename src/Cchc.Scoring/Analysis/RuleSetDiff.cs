using System.Globalization;
using Cchc.Rules;
using Cchc.Rules.Model;
using Cchc.Scoring.Explanations;

namespace Cchc.Scoring.Analysis;

/// <summary>Which rule set a side of a comparison is: id, version and the SHA-256 of its files.</summary>
public sealed record RuleSetIdentity(string Id, string Version, string Sha256);

/// <summary>
/// One change between two rule sets, in the analyst's words: <paramref name="Kind"/> is a stable code
/// (<c>threshold</c>, <c>points</c>, <c>input-added</c>, …), <paramref name="Subject"/> what changed (a criterion id,
/// an input name, an area, a grade), <paramref name="What"/> the Vietnamese name of the changed property, and
/// <paramref name="Before"/>/<paramref name="After"/> the values as people read them (null when added or removed).
/// </summary>
public sealed record RuleSetChange(string Kind, string Subject, string What, string? Before, string? After)
{
    /// <summary>One line: <c>3.4 — Ngưỡng đạt: ≥ 60% → ≥ 70%</c>.</summary>
    public string Text => $"{Subject} — {What}: {Before ?? "(không có)"} → {After ?? "(không có)"}";
}

/// <summary>What changed from one rule set to another: criteria, thresholds, points, policies, grades, inputs, texts.</summary>
public sealed record RuleSetDiff(RuleSetIdentity Old, RuleSetIdentity New, IReadOnlyList<RuleSetChange> Changes)
{
    /// <summary>True when the two rule sets score and explain the same way (nothing listed).</summary>
    public bool HasChanges => Changes.Count > 0;

    /// <summary>Compares two loaded rule sets. The order is fixed: the rule set, its areas and grades, then criteria and inputs by ordinal id.</summary>
    public static RuleSetDiff Compare(CompiledRuleSet oldRules, CompiledRuleSet newRules)
    {
        ArgumentNullException.ThrowIfNull(oldRules);
        ArgumentNullException.ThrowIfNull(newRules);
        var changes = new List<RuleSetChange>();
        var set = "Bộ tiêu chí";
        Add(changes, "title", set, "Tên bộ tiêu chí", oldRules.Title, newRules.Title);
        Add(changes, "levels", set, "Cấp áp dụng", Levels(oldRules.Levels), Levels(newRules.Levels));
        Add(changes, "max-points", set, "Tổng điểm tối đa", Num(oldRules.MaxPoints), Num(newRules.MaxPoints));
        Add(changes, "index-scale", set, "Thang chỉ số", Num(oldRules.Index.Scale), Num(newRules.Index.Scale));
        Add(changes, "index-decimals", set, "Số chữ số thập phân của chỉ số", Num(oldRules.Index.Decimals), Num(newRules.Index.Decimals));
        Add(changes, "index-cap", set, "Chỉ số không vượt quá thang", YesNo(oldRules.Index.CapAtScale), YesNo(newRules.Index.CapAtScale));
        Add(changes, "bonus-cap", set, "Trần điểm thưởng", Num(oldRules.BonusCap), Num(newRules.BonusCap));
        Add(changes, "penalty-cap", set, "Trần điểm trừ", Num(oldRules.PenaltyCap), Num(newRules.PenaltyCap));

        CompareKeyed(
            changes,
            oldRules.Areas.ToDictionary(a => a.Id, StringComparer.Ordinal),
            newRules.Areas.ToDictionary(a => a.Id, StringComparer.Ordinal),
            "area",
            a => $"Lĩnh vực {a.Id}",
            a => $"{a.Title} ({Num(a.MaxPoints)} điểm)",
            (id, o, n) =>
            {
                Add(changes, "area-points", $"Lĩnh vực {id}", "Điểm tối đa", Num(o.MaxPoints), Num(n.MaxPoints));
                Add(changes, "area-title", $"Lĩnh vực {id}", "Tên lĩnh vực", o.Title, n.Title);
            });

        CompareKeyed(
            changes,
            Grades(oldRules.Grades),
            Grades(newRules.Grades),
            "grade",
            g => $"Xếp loại {g.Name}",
            Grade,
            (name, o, n) => Add(changes, "grade-band", $"Xếp loại {name}", "Khoảng chỉ số", Grade(o), Grade(n)));

        var oldCriteria = oldRules.Criteria.Flatten().ToDictionary(c => c.Id, StringComparer.Ordinal);
        var newCriteria = newRules.Criteria.Flatten().ToDictionary(c => c.Id, StringComparer.Ordinal);
        var oldParents = Parents(oldRules.Criteria);
        var newParents = Parents(newRules.Criteria);
        CompareKeyed(
            changes,
            oldCriteria,
            newCriteria,
            "criterion",
            c => c.Id,
            c => $"{c.Title} (lĩnh vực {c.Area}, {Num(c.Scoring.Points)} điểm)",
            (id, o, n) =>
            {
                Add(changes, "moved-area", id, "Lĩnh vực", o.Area, n.Area);
                Add(changes, "moved-parent", id, "Tiêu chí cha", oldParents.GetValueOrDefault(id) ?? "(gốc)", newParents.GetValueOrDefault(id) ?? "(gốc)");
                CompareCriterion(changes, id, o, n);
            });

        CompareKeyed(
            changes,
            oldRules.Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal),
            newRules.Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal),
            "input",
            i => $"Đầu vào {i.Name}",
            Input,
            (name, o, n) =>
            {
                var subject = $"Đầu vào {name}";
                Add(changes, "input-type", subject, "Kiểu", o.TypeName, n.TypeName);
                Add(changes, "input-range", subject, "Khoảng giá trị", Range(o), Range(n));
                Add(changes, "input-label", subject, "Nhãn", o.Label, n.Label);
                Add(changes, "input-options", subject, "Các lựa chọn", Options(o.Options), Options(n.Options));
            });

        return new RuleSetDiff(Identity(oldRules), Identity(newRules), changes);
    }

    private static void CompareCriterion(List<RuleSetChange> changes, string id, CriterionDefinition o, CriterionDefinition n)
    {
        Add(changes, "title", id, "Tên tiêu chí", o.Title, n.Title);
        Add(changes, "kind", id, "Loại", Kind(o.Kind), Kind(n.Kind));
        Add(changes, "levels", id, "Cấp áp dụng", Levels(o.Levels), Levels(n.Levels));
        Add(changes, "lead-unit", id, "Đơn vị chủ trì", o.LeadUnit, n.LeadUnit);
        var oldThreshold = Threshold(o);
        var newThreshold = Threshold(n);
        Add(changes, "threshold", id, "Ngưỡng đạt", oldThreshold, newThreshold);
        Add(changes, "points", id, "Điểm tối đa", Num(o.Scoring.Points), Num(n.Scoring.Points));
        Add(changes, "method", id, "Cách chấm", Method(o.Scoring.Method), Method(n.Scoring.Method));
        Add(changes, "bands", id, "Các mức điểm", Bands(o), Bands(n));
        if (o.Scoring.Method == ScoringMethod.Linear || n.Scoring.Method == ScoringMethod.Linear)
        {
            // A saturation point that only follows the threshold (written twice, and they must agree) is the
            // threshold's change: said once, in the threshold line.
            var followsThreshold = oldThreshold != newThreshold
                && Equal(o.ConstantTarget, o.Scoring.FullAt) && Equal(n.ConstantTarget, n.Scoring.FullAt);
            if (!followsThreshold)
            {
                Add(changes, "full-at", id, "Mức đạt đủ điểm (fullAt)", Value(o.Scoring.FullAt, o.Format), Value(n.Scoring.FullAt, n.Format));
            }

            Add(changes, "zero-at", id, "Mức 0 điểm (zeroAt)", Value(o.Scoring.ZeroAt, o.Format), Value(n.Scoring.ZeroAt, n.Format));
        }

        Add(changes, "per-item", id, "Điểm mỗi lần", Num(o.Scoring.PointsPerItem), Num(n.Scoring.PointsPerItem));
        Add(changes, "deduction", id, "Điểm trừ mỗi lần", Num(o.Scoring.DeductionPerItem), Num(n.Scoring.DeductionPerItem));
        Add(changes, "floor", id, "Điểm sàn", Num(o.Scoring.Floor), Num(n.Scoring.Floor));
        Add(changes, "choice-options", id, "Điểm theo lựa chọn", Points(o.Scoring.Options), Points(n.Scoring.Options));
        Add(changes, "no-occurrence", id, "Khi không phát sinh", NoOccurrence(o.WhenNoOccurrence), NoOccurrence(n.WhenNoOccurrence));
        Add(changes, "inputs-read", id, "Đầu vào sử dụng", string.Join(", ", o.Inputs.Order(StringComparer.Ordinal)), string.Join(", ", n.Inputs.Order(StringComparer.Ordinal)));
        foreach (var status in o.Explanations.Keys.Union(n.Explanations.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Add(changes, "explanation", id, $"Lời giải thích ({status})", o.Explanations.GetValueOrDefault(status), n.Explanations.GetValueOrDefault(status));
        }
    }

    private static void CompareKeyed<T>(
        List<RuleSetChange> changes,
        Dictionary<string, T> oldItems,
        Dictionary<string, T> newItems,
        string kind,
        Func<T, string> subject,
        Func<T, string> describe,
        Action<string, T, T> compare)
    {
        foreach (var key in oldItems.Keys.Where(k => !newItems.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            changes.Add(new RuleSetChange(kind + "-removed", subject(oldItems[key]), "Bỏ", describe(oldItems[key]), null));
        }

        foreach (var key in newItems.Keys.Where(k => !oldItems.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            changes.Add(new RuleSetChange(kind + "-added", subject(newItems[key]), "Thêm", null, describe(newItems[key])));
        }

        foreach (var key in oldItems.Keys.Where(newItems.ContainsKey).Order(StringComparer.Ordinal))
        {
            compare(key, oldItems[key], newItems[key]);
        }
    }

    private static void Add(List<RuleSetChange> changes, string kind, string subject, string what, string? before, string? after)
    {
        if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal))
        {
            changes.Add(new RuleSetChange(kind, subject, what, string.IsNullOrEmpty(before) ? null : before, string.IsNullOrEmpty(after) ? null : after));
        }
    }

    private static RuleSetIdentity Identity(CompiledRuleSet rules) => new(rules.Id, rules.Version, rules.Sha256);

    private static Dictionary<string, string> Parents(IEnumerable<CriterionDefinition> roots)
    {
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(CriterionDefinition parent)
        {
            foreach (var child in parent.Children)
            {
                parents[child.Id] = parent.Id;
                Walk(child);
            }
        }

        foreach (var root in roots)
        {
            Walk(root);
        }

        return parents;
    }

    private static Dictionary<string, GradeBand> Grades(IReadOnlyList<GradeBand> grades)
    {
        // A grade may be written once per level; the key names both so each band is compared with its own.
        var result = new Dictionary<string, GradeBand>(StringComparer.Ordinal);
        foreach (var grade in grades)
        {
            var key = grade.Levels.Count == 0 ? grade.Name : $"{grade.Name} ({Levels(grade.Levels)})";
            result.TryAdd(key, grade);
        }

        return result;
    }

    private static string Grade(GradeBand g)
        => (g.To is { } to ? $"{Num(g.From)} ≤ chỉ số < {Num(to)}" : $"chỉ số ≥ {Num(g.From)}")
            + (g.Levels.Count == 0 ? "" : $", {Levels(g.Levels)}");

    private static string? Threshold(CriterionDefinition c)
    {
        if (c.Comparison is not { } comparison || c.ConstantTarget is null)
        {
            return null;
        }

        var value = VietnameseFormat.Value(c.ConstantTarget, c.Format);
        return c.ConstantTarget is DateTime ? $"{VietnameseFormat.DateWords(comparison)} {value}" : $"{VietnameseFormat.Symbol(comparison)} {value}";
    }

    private static bool Equal(object? target, decimal value)
        => target is not null and not DateTime and not string and not bool
            && Convert.ToDecimal(target, CultureInfo.InvariantCulture) == value;

    private static string? Bands(CriterionDefinition c)
        => c.Scoring.Bands.Count == 0
            ? null
            : string.Join("; ", c.Scoring.Bands.Select(b => b.Min is { } min
                ? $"≥ {Value(min, c.Format)}: {Num(b.Points)}"
                : $"≤ {Value(b.Max!.Value, c.Format)}: {Num(b.Points)}"));

    private static string Value(decimal value, ValueFormat format) => VietnameseFormat.Value(value, format) ?? "";

    private static string? Points(IReadOnlyDictionary<string, decimal> options)
        => options.Count == 0 ? null : string.Join("; ", options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}: {Num(o.Value)}"));

    private static string? Options(IReadOnlyList<ChoiceOption> options)
        => options.Count == 0 ? null : string.Join("; ", options.Select(o => $"{o.Value} = {o.Label}"));

    private static string Input(InputDefinition i)
        => $"{i.Label} ({i.TypeName}{(Range(i) is { } range ? ", " + range : "")})";

    private static string? Range(InputDefinition i)
        => i.Min is null && i.Max is null ? null : $"{(i.Min is { } min ? Num(min) : "…")}–{(i.Max is { } max ? Num(max) : "…")}";

    private static string Num(decimal value) => VietnameseFormat.Number(value, 6);

    private static string Num(int value) => VietnameseFormat.Number(value);

    private static string YesNo(bool value) => value ? "có" : "không";

    private static string Levels(IEnumerable<UnitLevel> levels) => string.Join(", ", levels.Order().Select(l => l.ToCode()));

    private static string Kind(CriterionKind kind) => kind switch
    {
        CriterionKind.Bonus => "điểm thưởng",
        CriterionKind.Penalty => "điểm trừ",
        _ => "cơ bản",
    };

    private static string Method(ScoringMethod method) => method switch
    {
        ScoringMethod.PassFail => "passFail (đạt/không đạt)",
        ScoringMethod.Bands => "bands (theo mức)",
        ScoringMethod.Linear => "linear (tỷ lệ)",
        ScoringMethod.PerItem => "perItem (theo số lần)",
        ScoringMethod.Deduction => "deduction (trừ theo số lần)",
        ScoringMethod.Choice => "choice (theo lựa chọn)",
        _ => "composite (tổng tiêu chí con)",
    };

    private static string NoOccurrence(NoOccurrencePolicy policy) => policy switch
    {
        NoOccurrencePolicy.Full => "full (đủ điểm)",
        NoOccurrencePolicy.Zero => "zero (0 điểm)",
        _ => "exclude (không tính)",
    };
}
