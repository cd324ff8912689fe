using Cchc.Rules.Diagnostics;
using Cchc.Rules.Model;
using Newtonsoft.Json.Linq;

namespace Cchc.Rules.Loading;

/// <summary>Reads a rule's <c>Properties.scoring</c>: the method, its fields, and bands in order.</summary>
internal sealed class ScoringReader(DiagnosticBag diagnostics)
{
    private static readonly Dictionary<ScoringMethod, string[]> MethodFields = new()
    {
        [ScoringMethod.PassFail] = [],
        [ScoringMethod.Bands] = ["bands"],
        [ScoringMethod.Linear] = ["zeroAt", "fullAt"],
        [ScoringMethod.PerItem] = ["pointsPerItem"],
        [ScoringMethod.Deduction] = ["deductionPerItem", "floor"],
        [ScoringMethod.Choice] = ["options"],
        [ScoringMethod.Composite] = [],
    };

    private readonly DiagnosticBag _diagnostics = diagnostics;

    internal static string Camel(ScoringMethod method) => char.ToLowerInvariant(method.ToString()[0]) + method.ToString()[1..];

    public ScoringRule? Read(JObject? token, string file, string id)
    {
        var methodText = JsonFile.String(token, "method");
        var points = JsonFile.Number(token, "points");
        if (token is null || methodText is null || points is null || !Enum.TryParse<ScoringMethod>(methodText, ignoreCase: true, out var method) || Camel(method) != methodText)
        {
            return null;
        }

        // A field no method has is a misspelling: suggested only among this method's own fields, and the field it
        // stands for is then not reported missing as well (that error follows from this one).
        var misspelt = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in token.Properties())
        {
            if (property.Name is "method" or "points" || MethodFields[method].Contains(property.Name))
            {
                continue;
            }

            var owners = MethodFields.Where(m => m.Value.Contains(property.Name)).Select(m => Camel(m.Key)).ToList();
            if (owners.Count > 0)
            {
                _diagnostics.Error("CCHC050", file, property, id, $"Phương pháp chấm '{methodText}' không dùng '{property.Name}' (trường này thuộc phương pháp '{string.Join("', '", owners)}').", "Xóa trường này, hoặc đổi phương pháp chấm ('method').");
                continue;
            }

            string[] own = ["method", "points", .. MethodFields[method]];
            var suggestion = NameSuggestions.Closest(property.Name, own);
            if (suggestion is not null && token[suggestion] is null)
            {
                misspelt[suggestion] = DiagnosticBag.Subject(file, property);
            }

            _diagnostics.Error("CCHC050", file, property, id, $"Phương pháp chấm '{methodText}' không có trường '{property.Name}'.",
                suggestion is not null ? $"Có phải ý bạn là '{suggestion}'?"
                : MethodFields[method].Length == 0 ? $"Phương pháp '{methodText}' chỉ dùng 'method' và 'points': xóa trường này."
                : $"Phương pháp '{methodText}' dùng các trường: {string.Join(", ", own)}.");
        }

        // A required field that is missing: its own subject (so that what reads it follows from it), and it follows
        // from a misspelling of it or from a value of the wrong type (both reported where they are).
        void Missing(string field, string message, string hint, string code = "CCHC051")
            => _diagnostics.Error(code, file, token, id, message, hint, subject: $"{DiagnosticBag.Subject(file, token)}.{field}/missing",
                dependsOn: [misspelt.GetValueOrDefault(field), token[field] is { } present ? DiagnosticBag.Subject(file, present) : null]);

        var rule = new ScoringRule { Method = method, Points = points.Value };
        switch (method)
        {
            case ScoringMethod.Bands:
                return rule with { Bands = ReadBands(token, rule.Points, file, id, Missing) };
            case ScoringMethod.Linear:
                var fullAt = JsonFile.Number(token, "fullAt");
                var zeroAt = JsonFile.Number(token, "zeroAt") ?? 0;
                if (fullAt is null)
                {
                    Missing("fullAt", "Phương pháp chấm 'linear' cần 'fullAt' (giá trị từ đó trở lên được đủ điểm).", "Ví dụ: \"fullAt\": 80.");
                    return rule;
                }

                if (fullAt == zeroAt)
                {
                    _diagnostics.Error("CCHC051", file, token["fullAt"], id, "'fullAt' bằng 'zeroAt' nên không tính được điểm theo đường thẳng.", "Đặt 'fullAt' khác 'zeroAt'.");
                }

                return rule with { FullAt = fullAt.Value, ZeroAt = zeroAt };
            case ScoringMethod.PerItem:
                var perItem = JsonFile.Number(token, "pointsPerItem");
                if (perItem is null)
                {
                    Missing("pointsPerItem", "Phương pháp chấm 'perItem' cần 'pointsPerItem'.", "Ví dụ: \"pointsPerItem\": 0.5.");
                }

                return rule with { PointsPerItem = perItem ?? 0 };
            case ScoringMethod.Deduction:
                var deduction = JsonFile.Number(token, "deductionPerItem");
                var floor = JsonFile.Number(token, "floor") ?? 0;
                if (deduction is null)
                {
                    Missing("deductionPerItem", "Phương pháp chấm 'deduction' cần 'deductionPerItem'.", "Ví dụ: \"deductionPerItem\": 0.25.");
                }

                if (floor > rule.Points)
                {
                    _diagnostics.Error("CCHC051", file, token["floor"], id, $"'floor' ({ManifestReader.Fmt(floor)}) lớn hơn số điểm của tiêu chí ({ManifestReader.Fmt(rule.Points)}).", null);
                }

                return rule with { DeductionPerItem = deduction ?? 0, Floor = floor };
            case ScoringMethod.Choice:
                var options = new Dictionary<string, decimal>(StringComparer.Ordinal);
                foreach (var option in JsonFile.Object(token, "options")?.Properties() ?? [])
                {
                    if (option.Value is JValue { Type: JTokenType.Integer or JTokenType.Float } v)
                    {
                        options[option.Name] = Convert.ToDecimal(v.Value, System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                if (options.Count == 0)
                {
                    Missing("options", "Phương pháp chấm 'choice' cần 'options' (tỷ lệ điểm của từng phương án).", "Ví dụ: \"options\": { \"tot\": 1, \"kha\": 0.5 }.");
                }

                return rule with { Options = options };
            default:
                return rule;
        }
    }

    private List<ScoreBand> ReadBands(JObject token, decimal points, string file, string id, Action<string, string, string, string> missing)
    {
        var bands = new List<ScoreBand>();
        var tokens = JsonFile.Array(token, "bands")?.OfType<JObject>().ToList() ?? [];
        if (tokens.Count == 0)
        {
            missing("bands", "Phương pháp chấm 'bands' cần 'bands'.", "Ví dụ: [{ \"min\": 100, \"points\": 4 }, { \"min\": 80, \"points\": 2 }, { \"min\": 0, \"points\": 0 }].", "CCHC052");
            return bands;
        }

        var usesMin = tokens[0]["min"] is not null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var band = tokens[i];
            var min = JsonFile.Number(band, "min");
            var max = JsonFile.Number(band, "max");
            var bandPoints = JsonFile.Number(band, "points") ?? 0;
            if ((min is null) == (max is null))
            {
                _diagnostics.Error("CCHC052", file, band, id, $"Mức {i + 1} phải có đúng một trong hai: 'min' (càng cao càng tốt) hoặc 'max' (càng thấp càng tốt).", null);
                continue;
            }

            if ((min is not null) != usesMin)
            {
                _diagnostics.Error("CCHC052", file, band, id, $"Mức {i + 1} dùng '{(usesMin ? "max" : "min")}' nhưng mức 1 dùng '{(usesMin ? "min" : "max")}'.", "Mọi mức của một tiêu chí phải dùng cùng một loại giới hạn.");
                continue;
            }

            if (bandPoints > points)
            {
                _diagnostics.Error("CCHC052", file, band["points"], id, $"Mức {i + 1} cho {ManifestReader.Fmt(bandPoints)} điểm, nhiều hơn số điểm của tiêu chí ({ManifestReader.Fmt(points)}).", null);
            }

            if (bands.Count > 0)
            {
                var previous = bands[^1];
                var ordered = usesMin ? min < previous.Min : max > previous.Max;
                if (!ordered)
                {
                    _diagnostics.Error("CCHC053", file, band[usesMin ? "min" : "max"], id,
                        usesMin
                            ? $"Các mức sai thứ tự: mức {i + 1} có 'min' là {ManifestReader.Fmt(min!.Value)}, không thấp hơn mức ngay trước ({ManifestReader.Fmt(previous.Min!.Value)})."
                            : $"Các mức sai thứ tự: mức {i + 1} có 'max' là {ManifestReader.Fmt(max!.Value)}, không cao hơn mức ngay trước ({ManifestReader.Fmt(previous.Max!.Value)}).",
                        "Liệt kê các mức từ tốt nhất trở xuống; giá trị đạt tới mức nào đầu tiên thì được điểm của mức đó.");
                }
                else if (bandPoints > previous.Points)
                {
                    _diagnostics.Error("CCHC053", file, band["points"], id, $"Mức {i + 1} cho nhiều điểm hơn mức tốt hơn đứng ngay trước nó.", "Giá trị càng kém thì điểm không được tăng lên.");
                }
            }

            bands.Add(new ScoreBand(min, max, bandPoints));
        }

        if (bands.Count > 0 && bands.Max(b => b.Points) != points)
        {
            _diagnostics.Error("CCHC052", file, token["points"], id, $"Mức tốt nhất cho {ManifestReader.Fmt(bands.Max(b => b.Points))} điểm nhưng tiêu chí có {ManifestReader.Fmt(points)} điểm.", "Mức tốt nhất phải cho đủ điểm của tiêu chí.");
        }

        return bands;
    }
}
