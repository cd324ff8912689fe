using System.Globalization;
using Cchc.Rules;
using Cchc.Rules.Model;
using Cchc.Scoring.Spreadsheets;
using CsvHelper;

namespace Cchc.Scoring.Units;

/// <summary>
/// The empty data sheet an officer fills in for a rule set: the identity columns (<c>code</c>, <c>name</c>,
/// <c>level</c>, <c>parent</c>), then one column per declared input headed <c>label (name)</c>, then, on request,
/// one <c>tuCham:&lt;criterion id&gt;</c> column per criterion that can be claimed. <see cref="UnitPipeline"/>
/// reads every one of these headers back. Written as CSV, or as XLSX with the data sheet first and a guide sheet
/// beside it; the same rule set and options always give the same bytes.
/// </summary>
public sealed class DataSheetTemplate
{
    /// <summary>The name of the XLSX template's first sheet, the one <see cref="UnitPipeline"/> reads.</summary>
    public const string DataSheetName = "Dữ liệu";

    /// <summary>The name of the XLSX template's second sheet: what each column holds and how to write it.</summary>
    public const string GuideSheetName = "Hướng dẫn";

    /// <summary>The guide sheet's column headers.</summary>
    public static IReadOnlyList<string> GuideHeaders { get; } = ["Cột", "Tên (name)", "Nội dung", "Kiểu", "Tối thiểu", "Tối đa", "Cách điền"];

    private readonly CompiledRuleSet _ruleSet;
    private readonly UnitLevel? _level;

    /// <summary>Creates the template of <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs become the columns.</param>
    /// <param name="level">
    /// When given, only the inputs read by criteria that apply to this level, and only those criteria's claims;
    /// otherwise every declared input.
    /// </param>
    /// <param name="includeClaims">
    /// Adds, after the inputs, one claimed-points column (<c>Tự chấm &lt;id&gt; (tuCham:&lt;id&gt;)</c>) per criterion
    /// without sub-criteria that has points and applies (to <paramref name="level"/>, or to any level); a composite's
    /// claim is the sum of its sub-criteria's.
    /// </param>
    /// <param name="includeAppraisal">
    /// Adds, last, five columns per criterion without sub-criteria that has points and applies: evidence
    /// (<c>tlkc:</c>), round-1 points (<c>thamDinh:</c>), the council's comment (<c>nhanXet:</c>), the unit's
    /// explanation (<c>giaiTrinh:</c>) and round-2 points (<c>thamDinh2:</c>), each headed <c>label (name)</c>.
    /// </param>
    public DataSheetTemplate(CompiledRuleSet ruleSet, UnitLevel? level = null, bool includeClaims = false, bool includeAppraisal = false)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        _ruleSet = ruleSet;
        _level = level;
        var applying = ruleSet.Criteria.Flatten().Where(c => level is not { } l || c.AppliesTo(l)).ToList();
        if (level is null)
        {
            Inputs = ruleSet.Inputs;
        }
        else
        {
            var used = applying.SelectMany(c => c.Inputs).ToHashSet(StringComparer.Ordinal);
            Inputs = [.. ruleSet.Inputs.Where(i => used.Contains(i.Name))];
        }

        ClaimCriteria = includeClaims ? [.. applying.Where(c => c.Children.Count == 0 && c.Scoring.Points > 0)] : [];
        AppraisalCriteria = includeAppraisal ? [.. applying.Where(c => c.Children.Count == 0 && c.Scoring.Points > 0)] : [];
        Headers = [.. UnitData.IdentityFields, .. Inputs.Select(InputHeader), .. ClaimCriteria.Select(ClaimHeader), .. AppraisalCriteria.SelectMany(c => AppraisalFields.Select(f => AppraisalHeader(f.Field, f.Words, c)))];
    }

    /// <summary>The inputs that have a column, in the rule set's order.</summary>
    public IReadOnlyList<InputDefinition> Inputs { get; }

    /// <summary>The criteria that have a claimed-points column, in the rule set's order; empty without claims.</summary>
    public IReadOnlyList<CriterionDefinition> ClaimCriteria { get; }

    /// <summary>The criteria that have appraisal columns, in the rule set's order; empty without them.</summary>
    internal IReadOnlyList<CriterionDefinition> AppraisalCriteria { get; }

    /// <summary>The appraisal columns of a criterion, in the order of the process: evidence, round 1, comment, explanation, round 2.</summary>
    internal static IReadOnlyList<(CriterionField Field, string Words)> AppraisalFields { get; } =
    [
        (CriterionField.Evidence, "TLKC"),
        (CriterionField.Round1, "Thẩm định lần 1"),
        (CriterionField.Comment, "Nhận xét"),
        (CriterionField.Explanation, "Giải trình"),
        (CriterionField.Round2, "Thẩm định lần 2"),
    ];

    private static string AppraisalHeader(CriterionField field, string words, CriterionDefinition criterion) => $"{words} {criterion.Id} ({CriterionColumns.Column(field, criterion.Id)})";

    /// <summary>The header row: identity fields, <c>label (name)</c> per input, <c>Tự chấm id (tuCham:id)</c> per claim.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The header of an input's column: <c>label (name)</c>.</summary>
    public static string InputHeader(InputDefinition input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return $"{input.Label} ({input.Name})";
    }

    /// <summary>The header of a criterion's claimed-points column: <c>Tự chấm id (tuCham:id)</c>.</summary>
    public static string ClaimHeader(CriterionDefinition criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return $"Tự chấm {criterion.Id} ({UnitData.ClaimPrefix}{criterion.Id})";
    }

    /// <summary>Writes the header row as CSV (comma-separated, RFC 4180 quoting, invariant culture).</summary>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var header in Headers)
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
    }

    /// <summary>
    /// Writes the XLSX workbook: sheet <see cref="DataSheetName"/> (first, the header row only: bold, filled and
    /// frozen; the identity and choice columns formatted as text so that a code keeps its leading zeros; drop-down
    /// lists for the level, each choice input (its option values) and each yes/no input (có/không)) and sheet
    /// <see cref="GuideSheetName"/> (one row per column of the data sheet: its letter, name, label, type in words,
    /// valid range and how to fill it; a choice's options listed beneath it; then how to write dates, yes/no and
    /// decimals).
    /// </summary>
    public void WriteXlsx(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var columns = new List<XlsxColumn>(Headers.Count);
        var dropDowns = new List<XlsxDropDown>();
        var levels = _level is { } l ? [l] : _ruleSet.Levels;
        foreach (var header in Headers)
        {
            var index = columns.Count;
            var input = index >= UnitData.IdentityFields.Count && index - UnitData.IdentityFields.Count < Inputs.Count
                ? Inputs[index - UnitData.IdentityFields.Count]
                : null;
            var text = index < UnitData.IdentityFields.Count || input?.Type == InputType.Choice;
            // The header wraps: wide enough to read a label, narrow enough to see several columns at once.
            columns.Add(new XlsxColumn(header, text ? XlsxFormat.Text : XlsxFormat.General, Math.Clamp(header.Length * 0.6, 12, 40)));
            IReadOnlyList<string>? options = (index < UnitData.IdentityFields.Count ? UnitData.IdentityFields[index] : null) == "level"
                ? [.. levels.SelectMany(x => x == UnitLevel.Xa ? ["xa", UnitKind.Phuong.ToCode(), UnitKind.DacKhu.ToCode()] : new[] { x.ToCode() })]
                : input?.Type switch
                {
                    InputType.Choice => [.. input.Options.Select(o => o.Value)],
                    InputType.Bool => ["có", "không"],
                    _ => null,
                };
            if (options is not null && StyledXlsx.FitsDropDown(options))
            {
                var prompt = input?.Type == InputType.Choice
                    ? string.Join("; ", input.Options.Select(o => $"{o.Value}: {o.Label}"))
                    : input?.Type == InputType.Bool ? "Chọn có hoặc không." : "Chọn cấp đơn vị (phuong, dacKhu: đơn vị cấp xã là phường, đặc khu).";
                dropDowns.Add(new XlsxDropDown(index, options, prompt));
            }
        }

        IReadOnlyList<XlsxSheet> sheets =
        [
            new(DataSheetName, columns, []) { DropDowns = dropDowns },
            new(GuideSheetName,
                [
                    new("Cột", Width: 8), new("Tên (name)", XlsxFormat.Text, 28), new("Nội dung", Width: 50), new("Kiểu", Width: 20),
                    new("Tối thiểu", Width: 12), new("Tối đa", Width: 12), new("Cách điền", Width: 90),
                ],
                DataSheetGuide.Rows(_ruleSet, _level, Inputs, ClaimCriteria, AppraisalCriteria)),
        ];
        StyledXlsx.Save(sheets, output);
    }
}
